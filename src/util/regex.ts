// Regular expressions written in user files (a limit's `pattern`, `expected.message_matches`):
// compiled once each, with the `u` flag, and checked at load so that a bad one is a problem there.

const compiledSources = new Map<string, RegExp>()

/** The regex of `source` (throws a SyntaxError when it is none). */
export function compiledRegex(source: string): RegExp {
  let regex = compiledSources.get(source)
  if (!regex) {
    regex = new RegExp(source, 'u')
    compiledSources.set(source, regex)
  }
  return regex
}

/** Why `source` is not a regular expression, or undefined when it is one. */
export function regexProblem(source: string): string | undefined {
  try {
    compiledRegex(source)
    return undefined
  } catch (err) {
    return `is not a regular expression: ${(err as Error).message}`
  }
}
