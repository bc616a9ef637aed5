// The shape of thresholds.yml (PRODUCT.md section 1).
import * as z from 'zod'
import {
  fraction,
  nonNegative,
  nonNegativeInt,
  POSITIVE,
  positiveInt,
  strictMap,
  text,
  textList
} from './schema-common.js'
import { TIERS } from '../model/types.js'
import { attemptsValue, confidenceValue, DECISION_DEFAULTS, marginValue } from '../model/gate-rules-schema.js'

const decisionKeys = {
  confidence: confidenceValue.optional(),
  margin: marginValue.optional(),
  max_attempts: attemptsValue.optional()
}
const decision = strictMap(decisionKeys)
const passK = strictMap({ k: attemptsValue, min: fraction })
const tierRule = z.union([
  fraction,
  strictMap({ min_success: fraction, min_tasks: nonNegativeInt.optional(), ...decisionKeys, pass_k: passK.optional() })
])
const tierRules = strictMap({ T1: tierRule.optional(), T2: tierRule.optional(), T3: tierRule.optional() })

/** One number for every tier, or one per tier. */
const maxDrop = z.union([
  fraction,
  strictMap({ T1: fraction.optional(), T2: fraction.optional(), T3: fraction.optional() })
])
const baseline = strictMap({ max_drop: maxDrop.optional(), block_high_risk_regressions: z.boolean().optional() })

export const DEFAULT_BUDGETS = {
  max_model_calls_per_task: 20,
  max_tool_calls_per_task: 200,
  max_retries: 3,
  task_timeout_s: 60,
  max_error_rate: 0.1
} as const

const budgets = strictMap({
  max_model_calls_per_task: positiveInt.default(DEFAULT_BUDGETS.max_model_calls_per_task),
  max_tool_calls_per_task: positiveInt.default(DEFAULT_BUDGETS.max_tool_calls_per_task),
  max_retries: nonNegativeInt.default(DEFAULT_BUDGETS.max_retries),
  max_context_tokens: positiveInt.optional(),
  task_timeout_s: z.number().positive(POSITIVE).default(DEFAULT_BUDGETS.task_timeout_s),
  max_cost_usd: nonNegative.optional(),
  max_error_rate: fraction.default(DEFAULT_BUDGETS.max_error_rate)
})

const price = strictMap({ input_per_mtok: nonNegative, output_per_mtok: nonNegative })

const override = strictMap({
  approvers: textList.default([]),
  min_permission: z.enum(['write', 'maintain', 'admin']).default('write'),
  allow_author: z.boolean().default(false)
})

const gateSections = { tiers: tierRules.optional(), baseline: baseline.optional(), decision: decision.optional() }

export const thresholdsSchema = strictMap({
  ...gateSections,
  workflows: z.record(text, strictMap(gateSections)).optional(),
  budgets: budgets.optional(),
  pricing: z.record(text, price).optional(),
  override: override.optional()
}).superRefine((file, ctx) => {
  // pass_k.k attempts must fit in the tier's max_attempts, wherever each is set.
  const check = (tiers: TierRulesFile | undefined, at: PropertyKey[], ...defaults: (DecisionFile | undefined)[]) => {
    for (const tier of TIERS) {
      const rule = tiers?.[tier]
      if (typeof rule !== 'object' || !rule.pass_k) continue
      const limit = rule.max_attempts ?? defaults.find((d) => d?.max_attempts !== undefined)?.max_attempts
      const maxAttempts = limit ?? DECISION_DEFAULTS.max_attempts
      if (rule.pass_k.k > maxAttempts)
        ctx.addIssue({
          code: 'custom',
          path: [...at, tier, 'pass_k', 'k'],
          message: `must be at most the tier's max_attempts (${maxAttempts}${limit === undefined ? ', the default' : ''})`,
          input: rule.pass_k.k
        })
    }
  }
  check(file.tiers, ['tiers'], file.decision)
  for (const [name, rules] of Object.entries(file.workflows ?? {})) {
    check(rules.tiers, ['workflows', name, 'tiers'], rules.decision, file.decision)
    // A repository tier rule the workflow does not override runs at the workflow's max_attempts.
    if (rules.decision?.max_attempts === undefined) continue
    const fitsOwnLimit = (t: (typeof TIERS)[number]) => {
      const rule = file.tiers?.[t]
      if (typeof rule !== 'object' || !rule.pass_k) return false
      return rule.pass_k.k <= (rule.max_attempts ?? file.decision?.max_attempts ?? DECISION_DEFAULTS.max_attempts)
    }
    // Said once: a k already over the repository's own limit is reported by the check above.
    const inherited = Object.fromEntries(
      TIERS.filter((t) => rules.tiers?.[t] === undefined && fitsOwnLimit(t)).map((t) => [t, file.tiers?.[t]])
    )
    check(inherited as TierRulesFile, ['tiers'], rules.decision)
  }
})

export type ThresholdsFile = z.output<typeof thresholdsSchema>
export type TierRulesFile = NonNullable<ThresholdsFile['tiers']>
export type MaxDropFile = z.output<typeof maxDrop>
export type DecisionFile = z.output<typeof decision>
export type BaselineFile = z.output<typeof baseline>
