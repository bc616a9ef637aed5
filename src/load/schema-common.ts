// The building blocks moved to src/model (the task core and the expectation kinds use them);
// kept here for the workflow loaders until they import from model.
export * from '../model/schema-common.js'
