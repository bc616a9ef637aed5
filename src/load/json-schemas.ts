// The JSON Schemas of the user's files (schemas/*.schema.json, for editors), generated from the
// zod schemas that validate them: `npm run schemas` writes them, and a test fails when one is stale.
import * as z from 'zod'
import { incidentsFileSchema } from '../model/incident.js'
import { isStrictMap } from '../model/schema-common.js'
import { taskSchema } from './task-schema.js'
import { thresholdsSchema } from './thresholds-schema.js'
import { workflowSchema } from './workflow-schema.js'

export interface FileSchema {
  /** Its name in schemas/. */
  file: string
  title: string
  description: string
  schema: z.ZodType
  /** The file holds one such value or a list of them, the value's schema being `definitions.<name>`. */
  oneOrList?: string
}

export const FILE_SCHEMAS: readonly FileSchema[] = [
  {
    file: 'workflow.schema.json',
    title: 'evalgate workflow.yml',
    description:
      'A workflow manifest (golden-tasks/<workflow>/workflow.yml): the workflow, its permission matrix and the agent under test.',
    schema: workflowSchema
  },
  {
    file: 'task.schema.json',
    title: 'evalgate golden task file',
    description:
      'One golden task or a list of them (a YAML or JSON file under golden-tasks/<workflow>/); each line of a JSONL task file is one task.',
    schema: taskSchema,
    oneOrList: 'task'
  },
  {
    file: 'thresholds.schema.json',
    title: 'evalgate thresholds.yml',
    description: 'The gate rules of the repository: per-tier thresholds, baseline, budgets, pricing and override.',
    schema: thresholdsSchema
  },
  {
    file: 'incidents.schema.json',
    title: 'evalgate incidents.yml',
    description:
      "A workflow's production incidents (golden-tasks/<workflow>/incidents.yml), each with the golden tasks that reproduce it.",
    schema: incidentsFileSchema
  }
]

/** The JSON Schema (draft-07, what editors support widest) of a file as it is written. */
export function jsonSchemaOf(entry: FileSchema): Record<string, unknown> {
  const { $schema, ...body } = valueSchema(entry.schema)
  const head = { $schema, title: entry.title, description: entry.description }
  if (entry.oneOrList === undefined) return { ...head, ...body }
  const one = { $ref: `#/definitions/${entry.oneOrList}` }
  return { ...head, anyOf: [one, { type: 'array', items: one }], definitions: { [entry.oneOrList]: body } }
}

function valueSchema(schema: z.ZodType): z.core.JSONSchema.BaseSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    // A value that must be present but may be anything (a task's `input`, a case's `return`).
    unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === 'custom' ? {} : 'throw'),
    override: ({ zodSchema, jsonSchema }) => {
      if (isWholeNumber(zodSchema)) jsonSchema.type = 'integer'
      // The user files' URLs are http(s) (schema-common's httpUrl): a pattern says so, and every
      // validator knows it, where format "uri" allows any scheme and needs a format plugin.
      if (jsonSchema.format === 'uri') {
        delete jsonSchema.format
        jsonSchema.pattern = '^https?://'
      }
      if (!isStrictMap(zodSchema)) return
      // As validate: unknown keys are refused (typos), `x-*` extension keys are allowed.
      jsonSchema.additionalProperties = false
      jsonSchema.patternProperties = { '^x-': {} }
    }
  })
  sayTypeListsAsAnyOf(json)
  return json
}

/** A union of primitives comes out as `type: [...]`, which strict validators (ajv) refuse: say it as anyOf. */
function sayTypeListsAsAnyOf(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) sayTypeListsAsAnyOf(item)
    return
  }
  if (typeof node !== 'object' || node === null) return
  const schema = node as Record<string, unknown>
  for (const value of Object.values(schema)) sayTypeListsAsAnyOf(value)
  if (Array.isArray(schema.type)) {
    schema.anyOf = schema.type.map((type: unknown) => ({ type }))
    delete schema.type
  }
}

/** A number refined by Number.isInteger (rather than z.int(), see src/model/schema-common.ts). */
function isWholeNumber(schema: z.core.$ZodType): boolean {
  const checks = schema._zod.def.checks ?? []
  return (
    schema._zod.def.type === 'number' &&
    checks.some((check) => (check._zod.def as { fn?: unknown }).fn === Number.isInteger)
  )
}

/** Each schema file's name and text, as committed. */
export function renderedSchemas(): { file: string; text: string }[] {
  return FILE_SCHEMAS.map((entry) => ({ file: entry.file, text: `${JSON.stringify(jsonSchemaOf(entry), null, 2)}\n` }))
}
