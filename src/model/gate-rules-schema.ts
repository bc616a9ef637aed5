// The resolved gate rules (what thresholds.yml loads into and report.json keeps under `gate`),
// as zod schemas: the types are derived from them, and report.json is read back with them.
import * as z from 'zod'
import type { Tier } from './vocabulary.js'

const TIER_NAMES = ['T1', 'T2', 'T3'] as const satisfies readonly Tier[]

// Messages the issue describer completes as `"<field>" must be ..., got <value>`.
export const CONFIDENCE_RANGE = 'must be more than 0.5 and less than 1'
export const NOT_NEGATIVE_MARGIN = 'must be 0 or more'
export const AT_MOST_ONE = 'must be at most 1'
export const AT_LEAST_ONE = 'must be at least 1'
export const WHOLE_NUMBER = 'must be a whole number'
const FRACTION = 'must be between 0 and 1'

export const fractionValue = z.number().min(0, FRACTION).max(1, FRACTION)
export const confidenceValue = z.number().gt(0.5, CONFIDENCE_RANGE).lt(1, CONFIDENCE_RANGE)
export const marginValue = z.number().min(0, NOT_NEGATIVE_MARGIN).max(1, AT_MOST_ONE)
// Not z.int(): its failure aborts the refinements that report unknown keys in the same file.
export const attemptsValue = z.number().refine(Number.isInteger, WHOLE_NUMBER).min(1, AT_LEAST_ONE)
const countValue = z.number().int().min(0)

/** A pass^k threshold: the share of tasks that pass k attempts in a row must be at least `min`. */
export const passKRuleSchema = z.object({ k: attemptsValue, min: fractionValue })

/** How sure a tier's decision must be, and how many attempts per task it may spend. */
export const decisionSettingsSchema = z.object({
  confidence: confidenceValue.optional(),
  margin: marginValue.optional(),
  max_attempts: attemptsValue.optional()
})

export const tierRuleSchema = z.object({
  min_success: fractionValue,
  min_tasks: countValue.optional(),
  ...decisionSettingsSchema.shape,
  pass_k: passKRuleSchema.optional()
})

/** Per tier the most one successful attempt may cost, in USD (thresholds.yml `budgets.max_cost_per_success_usd`). */
export const costLimitsSchema = z.partialRecord(z.enum(TIER_NAMES), z.number().min(0, NOT_NEGATIVE_MARGIN))

/** What a successful task is worth and the gross margin required of it (thresholds.yml `economics`). */
export const economicsRuleSchema = z.object({
  value_per_success_usd: z.number().gt(0, 'must be more than 0').optional(),
  min_gross_margin: fractionValue.optional(),
  /** For `evalgate scorecard`: the largest drop of a margin from one report to the next before it is flagged. */
  max_margin_drop: fractionValue.optional()
})

export const gateRulesSchema = z.object({
  tiers: z.partialRecord(z.enum(TIER_NAMES), tierRuleSchema),
  /** Largest allowed paired drop of a tier's success rate against a baseline report. */
  max_drop: z.partialRecord(z.enum(TIER_NAMES), fractionValue),
  /** Defaults for every tier's `confidence`, `margin`, `max_attempts`. */
  decision: decisionSettingsSchema.optional(),
  /** A high-risk task that regressed consistently fails the gate (default true). */
  block_high_risk_regressions: z.boolean().optional(),
  /** Absent in reports written before issue 14 and where thresholds.yml sets none. */
  max_cost_per_success_usd: costLimitsSchema.optional(),
  economics: economicsRuleSchema.optional()
})

export type PassKRule = z.output<typeof passKRuleSchema>
export type DecisionSettings = z.output<typeof decisionSettingsSchema>
export type TierRule = z.output<typeof tierRuleSchema>
export type GateRules = z.output<typeof gateRulesSchema>
export type CostLimits = z.output<typeof costLimitsSchema>
export type EconomicsRule = z.output<typeof economicsRuleSchema>

/** The decision rule of issue 9, chosen by simulation: 95% confidence, a 3-point margin, 5 attempts. */
export const DECISION_DEFAULTS = {
  confidence: 0.95,
  margin: 0.03,
  max_attempts: 5
} as const satisfies Required<DecisionSettings>

/** How far a workflow's gross margin may fall from one scorecard column to the next before it is flagged. */
export const DEFAULT_MAX_MARGIN_DROP = 0.05
