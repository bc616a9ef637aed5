// The shape of a golden task (PRODUCT.md section 1).
import * as z from 'zod'
import { MATCH_MODES, RISKS, TIERS, type Fixture } from '../model/types.js'
import { anyMap, isPlainMap, requiredValue, strictMap, text, textList } from './schema-common.js'

const EXPECTATIONS = ['label', 'result', 'actions', 'forbidden_actions', 'escalate', 'judge'] as const

const fixtureCase = strictMap({ when: anyMap, return: requiredValue })

/** A list is a list of cases only when every element is a map with a `when` key; else it is a plain value. */
function looksLikeCases(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every((e) => isPlainMap(e) && 'when' in e)
}

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
  .transform((value): Fixture => {
    if (!looksLikeCases(value)) return { kind: 'value', value }
    const cases = value.map((entry) => {
      const { when, return: result } = entry as { when: Record<string, unknown>; return: unknown }
      return { when, return: result }
    })
    return { kind: 'cases', cases }
  })

const expectedAction = strictMap({ tool: text, args: anyMap.optional() })

const expected = strictMap({
  label: text.optional(),
  result: anyMap.optional(),
  actions: z.array(expectedAction).optional(),
  actions_match: z.enum(MATCH_MODES).default('superset'),
  forbidden_actions: z.array(text).optional(),
  escalate: z.boolean().optional(),
  judge: text.optional()
}).superRefine(
  (value, ctx) => {
    if (isPlainMap(value) && EXPECTATIONS.every((key) => value[key] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected has no expectation (give at least one of ${EXPECTATIONS.join(', ')})`
      })
    }
  },
  { when: () => true }
)

export const taskSchema = strictMap({
  id: text,
  tier: z.enum(TIERS),
  risk: z.enum(RISKS),
  tags: textList.optional(),
  description: z.string().optional(),
  input: requiredValue,
  fixtures: z.record(z.string(), fixture).optional(),
  expected,
  reports_actions: z.boolean().optional()
})

export type TaskFile = z.output<typeof taskSchema>
