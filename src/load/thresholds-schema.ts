// The shape of thresholds.yml (PRODUCT.md section 1). Its gate rules have shorthands (a number
// for a tier's min_success, one max_drop for every tier) that src/load/thresholds.ts resolves;
// the other sections are src/model/thresholds.ts as they are.
import * as z from 'zod'
import { fraction, nonNegative, nonNegativeInt, strictMap, text } from '../model/schema-common.js'
import { PHASES, TIERS, type Phase } from '../model/vocabulary.js'
import {
  DECISION_DEFAULTS,
  decisionSettingsSchema,
  economicsRuleSchema,
  passKRuleSchema,
  tierRuleSchema
} from '../model/gate-rules-schema.js'
import { budgetsSchema, modelPriceSchema, overrideRulesSchema } from '../model/thresholds.js'

const decision = strictMap(decisionSettingsSchema.shape)
const tierRule = z.union([
  fraction.describe('The minimum success rate of the tier.'),
  strictMap({
    ...tierRuleSchema.shape,
    // In the file's words ("must be a whole number"); z.int() would also hide the file's unknown keys.
    min_tasks: nonNegativeInt.optional(),
    pass_k: strictMap(passKRuleSchema.shape).optional()
  })
])
const tierRules = strictMap({ T1: tierRule.optional(), T2: tierRule.optional(), T3: tierRule.optional() })

/** One number for every tier, or one per tier. */
const maxDrop = z.union([
  fraction,
  strictMap({ T1: fraction.optional(), T2: fraction.optional(), T3: fraction.optional() })
])
const baseline = strictMap({
  max_drop: maxDrop
    .optional()
    .describe("With --baseline: the largest drop of a tier's success rate allowed against the baseline run."),
  block_high_risk_regressions: z
    .boolean()
    .optional()
    .describe('A high-risk task that regressed consistently fails the gate (default true).')
})

/** One limit for every tier, or one per tier. */
const costLimit = z.union([
  nonNegative,
  strictMap({ T1: nonNegative.optional(), T2: nonNegative.optional(), T3: nonNegative.optional() })
])
const maxCostPerSuccess = costLimit
  .optional()
  .describe(
    "Per tier the most one successful attempt may cost in USD (the tier's model cost over its passed attempts); above it the gate fails."
  )
const economics = strictMap({
  value_per_success_usd: economicsRuleSchema.shape.value_per_success_usd.describe(
    'What one successful task is worth, in USD: gross margin = 1 - cost per success / this value.'
  ),
  min_gross_margin: economicsRuleSchema.shape.min_gross_margin.describe(
    "The lowest gross margin (0 to 1) of a workflow's run; under it the gate fails."
  ),
  max_margin_drop: economicsRuleSchema.shape.max_margin_drop.describe(
    'evalgate scorecard flags a report whose margin fell more than this from the report before (default 0.05).'
  )
})
const budgets = strictMap({ ...budgetsSchema.shape, max_cost_per_success_usd: maxCostPerSuccess })
/** The budgets a workflow may set for itself: the others hold for the whole run. */
const workflowBudgets = strictMap({ max_cost_per_success_usd: maxCostPerSuccess })

const gateSections = {
  tiers: tierRules
    .optional()
    .describe('Per tier the minimum success rate, or `{ min_success, min_tasks, ... }`; a tier absent is not gated.'),
  baseline: baseline.optional(),
  decision: decision.optional().describe("Defaults for every tier's confidence, margin and max_attempts."),
  economics: economics
    .optional()
    .describe(
      'The value of a successful task and the gross margin the gate requires (`value_per_success_usd`, `min_gross_margin`).'
    )
}

/** Stricter tier rules for workflows judged at a rollout phase. */
const phaseRules = strictMap({ tiers: tierRules.optional() })
const phases = strictMap({
  draft: phaseRules.optional(),
  propose: phaseRules.optional(),
  autonomous: phaseRules.optional()
} satisfies Record<Phase, unknown>)

export const thresholdsSchema = strictMap({
  ...gateSections,
  workflows: z
    .record(text, strictMap({ ...gateSections, budgets: workflowBudgets.optional() }))
    .optional()
    .describe(
      'Per workflow name, overrides of tiers, baseline, decision, economics and budgets.max_cost_per_success_usd.'
    ),
  phases: phases.optional(),
  budgets: budgets.optional(),
  pricing: z
    .record(text, modelPriceSchema)
    .optional()
    .describe('Per model `{ input_per_mtok, output_per_mtok }` in USD, over the built-in table.'),
  override: overrideRulesSchema.optional().describe('Who may override a failed gate with `/evalgate override`.')
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
  // A margin is computed against a value: where a minimum applies, a value must too.
  const needsValue = (economics: EconomicsFile | undefined, at: PropertyKey[], fallback?: EconomicsFile) => {
    if (economics?.min_gross_margin === undefined) return
    if ((economics.value_per_success_usd ?? fallback?.value_per_success_usd) !== undefined) return
    ctx.addIssue({
      code: 'custom',
      path: [...at, 'economics', 'min_gross_margin'],
      message: `"min_gross_margin" needs "value_per_success_usd" (what one successful task is worth, in USD) ${at.length > 0 ? 'in the workflow or at the top level' : 'beside it'}: the margin is 1 - cost per success / value`,
      input: economics.min_gross_margin
    })
  }
  needsValue(file.economics, [])
  for (const [name, rules] of Object.entries(file.workflows ?? {}))
    needsValue(rules.economics, ['workflows', name], file.economics)
  check(file.tiers, ['tiers'], file.decision)
  for (const phase of PHASES) check(file.phases?.[phase]?.tiers, ['phases', phase, 'tiers'], file.decision)
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
export type EconomicsFile = z.output<typeof economics>
export type CostLimitFile = z.output<typeof costLimit>
