// JSON Schema validation (ajv) of values against user schemas: a tool's `parameters`. ajv is
// imported only once something needs it (`evalgate validate` without tool schemas never loads it),
// and each schema is compiled once, on first use, then kept with the schema object it came from.
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv'

/** A compiled schema, or why ajv cannot compile it. */
export type CompiledSchema = { ok: true; validate: ValidateFunction } | { ok: false; error: string }

let ajv: Ajv | undefined
let loading: Promise<void> | undefined
const compiled = new WeakMap<object, CompiledSchema>()

/** Undefined once ajv is loaded; else the promise of loading it (started by the first caller). */
export function jsonSchemaLoading(): Promise<void> | undefined {
  if (ajv) return undefined
  loading ??= import('ajv').then((module) => {
    // ajv is CommonJS: `default` is its module.exports, in Node as in a bundle's chunk (where
    // the named exports are not there).
    const { Ajv } = module.default
    // Not strict: tool schemas written for other tools carry keywords of their own. Formats are
    // not checked (ajv has none built in), and `$id`s are not registered, so two tools may share one.
    ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateFormats: false,
      validateSchema: false,
      addUsedSchema: false,
      logger: false
    })
  })
  return loading
}

/** The schema compiled (once per schema object). Call only after jsonSchemaLoading() settled. */
export function compiledSchema(schema: object): CompiledSchema {
  const known = compiled.get(schema)
  if (known) return known
  if (!ajv) throw new Error('ajv is not loaded yet (await jsonSchemaLoading() first)')
  let result: CompiledSchema
  try {
    result = { ok: true, validate: ajv.compile(schema) }
  } catch (err) {
    result = { ok: false, error: (err as Error).message }
  }
  compiled.set(schema, result)
  return result
}

const SHOWN_ERRORS = 3

/** ajv's errors in a line: `order_id must be string; must NOT have additional property "x"`, the first few. */
export function schemaErrorsText(errors: readonly ErrorObject[] | null | undefined): string {
  const all = errors ?? []
  const shown = all.slice(0, SHOWN_ERRORS).map((e) => {
    const where = e.instancePath === '' ? '' : `${e.instancePath.slice(1).replaceAll('/', '.')} `
    const extra = e.keyword === 'additionalProperties' ? ` ("${String(e.params.additionalProperty)}")` : ''
    return `${where}${e.message ?? e.keyword}${extra}`
  })
  const more = all.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
}
