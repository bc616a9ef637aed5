// Building blocks shared by the zod schemas of every user file.
import * as z from 'zod'

/** The wording the issue describer completes as `"<field>" must be ..., got <value>`. */
export const BETWEEN_0_AND_1 = 'must be between 0 and 1'
export const NOT_NEGATIVE = 'must be 0 or more'
export const POSITIVE = 'must be more than 0'
export const WHOLE = 'must be a whole number'

export function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * An object that rejects unknown keys (to catch typos) but accepts `x-*` extension keys, which
 * its output leaves out: the output has exactly the shape's keys (hence the type of a plain
 * object), so that validated data can be passed on as it is. zod's strictObject cannot exempt
 * `x-*`, and a preprocess wrapper would not work inside a discriminated union, so the check is a
 * refinement that runs even when a field failed.
 */
export function strictMap<T extends z.ZodRawShape>(shape: T): z.ZodObject<T, z.core.$strip> {
  const known = new Set(Object.keys(shape))
  // Both checks in one clone: each chained call builds another object schema, and the loader's
  // start-up builds some fifty of these maps.
  const map = z.looseObject(shape).check(
    z.superRefine(
      (value: Record<string, unknown>, ctx) => {
        if (!isPlainMap(value)) return
        const unknown = Object.keys(value).filter((k) => !known.has(k) && !k.startsWith('x-'))
        if (unknown.length > 0) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value })
      },
      { when: () => true }
    ),
    z.overwrite(withoutExtensions)
  )
  for (const check of map._zod.def.checks ?? []) strictChecks.add(check)
  return map as unknown as z.ZodObject<T, z.core.$strip>
}

const strictChecks = new WeakSet<object>()

/**
 * Whether `schema` is a strictMap, or one refined further (its checks are kept): the file's JSON
 * Schema then forbids unknown keys but `x-*` (src/load/json-schemas.ts).
 */
export function isStrictMap(schema: z.core.$ZodType): boolean {
  return (schema._zod.def.checks ?? []).some((check) => strictChecks.has(check))
}

function withoutExtensions<V extends Record<string, unknown>>(value: V): V {
  const exact: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) if (!key.startsWith('x-')) exact[key] = item
  return exact as V
}

/**
 * An object that keeps the keys it does not know when read (a loose object), typed by the keys
 * it knows: a loose object's type would accept any key in the code that builds a report.
 */
export function kept<T extends z.ZodRawShape>(shape: T): z.ZodObject<T> {
  return z.looseObject(shape) as unknown as z.ZodObject<T>
}

/**
 * How to parse a value read once per load (a workflow manifest, the thresholds file): without
 * zod's compiled fast path of each object schema, whose generation costs more than it saves on
 * one value. The golden tasks, hundreds of values of one schema, keep the fast path.
 */
export const READ_ONCE: z.core.ParseContext<z.core.$ZodIssue> = { jitless: true }

/** A value that must be present (zod's unknown() accepts a missing key). */
export const requiredValue = z.custom<unknown>((v) => v !== undefined)

export const fraction = z.number().min(0, BETWEEN_0_AND_1).max(1, BETWEEN_0_AND_1)
export const nonNegative = z.number().min(0, NOT_NEGATIVE)
// Not z.int(): its failure aborts the refinements that report unknown keys in the same file.
const wholeNumber = () => z.number().refine(Number.isInteger, WHOLE)
export const positiveInt = wholeNumber().positive(POSITIVE)
export const nonNegativeInt = wholeNumber().min(0, NOT_NEGATIVE)
export const text = z.string().min(1)
/** An absolute http:// or https:// URL. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
export const textList = z.array(z.string())
export const anyMap = z.record(z.string(), z.unknown())
export const stringMap = z.record(z.string(), z.string())
