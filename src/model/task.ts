// A golden task's core (PRODUCT.md section 1): everything but `expected`, whose keys are the
// expectation kinds of src/grade/kinds. The task file schema (src/load/task-schema.ts) is this
// core plus those kinds.
import * as z from 'zod'
import { faultSchema } from './fault.js'
import {
  anyMap,
  isPlainMap,
  nonNegativeInt,
  positiveInt,
  requiredValue,
  strictMap,
  text,
  textList
} from './schema-common.js'
import { RISKS, TIERS, type SourceRef } from './vocabulary.js'

/**
 * A `when` case answers with `return`, or fails with `fault`; `delay_ms` waits before either;
 * `on_call: N` takes only the Nth call (per attempt) whose arguments match `when`.
 */
const fixtureCase = strictMap({
  when: anyMap,
  return: z.unknown().optional(),
  fault: faultSchema.optional(),
  delay_ms: nonNegativeInt.optional(),
  on_call: positiveInt.optional()
}).superRefine(
  (value, ctx) => {
    if (!isPlainMap(value)) return
    const answers = value.return !== undefined
    const fails = value.fault !== undefined
    // A missing field at `return` reads as `missing required field "return"`.
    if (!answers && !fails) ctx.addIssue({ code: 'custom', path: ['return'], message: 'missing', input: value })
    if (answers && fails)
      ctx.addIssue({
        code: 'custom',
        path: ['fault'],
        message: 'a fixture case answers with "return" or fails with "fault", not both',
        input: value
      })
  },
  { when: () => true }
)
export type FixtureCase = z.output<typeof fixtureCase>

/** A list is a list of cases only when every element is a map with a `when` key; else it is a plain value. */
function looksLikeCases(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every((e) => isPlainMap(e) && 'when' in e)
}

/** A fixture: a plain value, or a list of `{ when, return | fault }` cases (first match wins). */
const fixture = z
  .unknown()
  .superRefine((value, ctx) => {
    if (!looksLikeCases(value)) return
    value.forEach((entry, i) => {
      const parsed = fixtureCase.safeParse(entry)
      if (parsed.success) return
      for (const issue of parsed.error.issues)
        ctx.addIssue({ ...issue, path: [i, ...issue.path] } as z.core.$ZodRawIssue)
    })
  })
  .transform((value): { kind: 'value'; value: unknown } | { kind: 'cases'; cases: FixtureCase[] } => {
    if (!looksLikeCases(value)) return { kind: 'value', value }
    return { kind: 'cases', cases: value.map((entry) => fixtureCase.parse(entry)) }
  })

export type Fixture = z.output<typeof fixture>

/** Tool name -> its fixture: a task's `fixtures`, and workflow.yml's shared ones. */
export const fixturesSchema = z.record(z.string(), fixture)

// One frozen empty value for every task that leaves `tags` or `fixtures` out: at 100,000 tasks a
// fresh `[]` and `{}` each would be 200,000 objects kept for the whole run. Nothing writes to them.
const NO_TAGS: string[] = Object.freeze([]) as unknown as string[]
const NO_FIXTURES: Record<string, Fixture> = Object.freeze({})

/** The keys of a task file beside `expected`. */
export const taskCoreShape = {
  id: text.describe('Unique in the workflow.'),
  tier: z.enum(TIERS),
  risk: z.enum(RISKS),
  tags: textList.default(() => NO_TAGS),
  description: z.string().optional(),
  input: requiredValue.describe('What the agent receives (any JSON value).'),
  fixtures: fixturesSchema
    .default(() => NO_FIXTURES)
    .describe(
      'Tool name -> the result the mocked tool returns, or a list of `{ when: <args subset>, return: <result> }` (first match wins).'
    ),
  reports_actions: z.boolean().optional().describe("Overrides the workflow's `reports_actions` for this task."),
  initial_state: z
    .unknown()
    .optional()
    .describe("The state the workflow's tools_backend is reset with for this task (any JSON value).")
}

/** What the loader adds to a task file's core: the workflow whose folder holds it, and where. */
export interface TaskPlace {
  workflow: string
  source: SourceRef
  /**
   * The folder its custom grader runs in, when not its workflow's: on a pull request, the base's
   * copy of that folder, so that the base's grader decides (src/base/snapshot.ts).
   */
  grader_dir?: string
}

export type TaskCore = z.output<z.ZodObject<typeof taskCoreShape>> & TaskPlace

/**
 * What is read of `expected` below grade, which alone knows the expectation kinds: the judge's
 * rubric (src/llm). The kinds' own `Expected` must have it (the constraint of GoldenTask).
 */
export interface ExpectedRubric {
  judge?: string
}

/** A loaded golden task; `E` is its `expected` (src/grade/kinds `Expected` for a task as loaded). */
export type GoldenTask<E extends ExpectedRubric = ExpectedRubric> = TaskCore & { expected: E }
