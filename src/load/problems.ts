// Problem and InputError live in src/model (every layer reports problems); this re-export keeps
// the importers that other work on issue 11 is moving working until they import model directly.
export * from '../model/problems.js'
