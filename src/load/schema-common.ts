// The building blocks moved to src/model (agent types and workflow parts need them too).
export * from '../model/schema-common.js'
