// The sections of thresholds.yml that load as they are written (budgets, pricing, override), and
// the resolved thresholds every later stage reads. The file's own shape, with its shorthands for
// the gate rules, is src/load/thresholds-schema.ts.
import * as z from 'zod'
import type { GateRules } from './gate-rules-schema.js'
import { fraction, nonNegative, nonNegativeInt, POSITIVE, positiveInt, strictMap, textList } from './schema-common.js'
import type { Phase, SourceRef } from './vocabulary.js'

export const DEFAULT_BUDGETS = {
  max_model_calls_per_task: 20,
  max_tool_calls_per_task: 200,
  max_retries: 3,
  task_timeout_s: 60,
  max_error_rate: 0.1
} as const

export const budgetsSchema = strictMap({
  max_model_calls_per_task: positiveInt.default(DEFAULT_BUDGETS.max_model_calls_per_task),
  max_tool_calls_per_task: positiveInt
    .default(DEFAULT_BUDGETS.max_tool_calls_per_task)
    .describe('Tool calls one attempt may make; past it the sandbox answers 429 and the task fails.'),
  max_retries: nonNegativeInt.default(DEFAULT_BUDGETS.max_retries),
  max_context_tokens: positiveInt.optional(),
  task_timeout_s: z.number().positive(POSITIVE).default(DEFAULT_BUDGETS.task_timeout_s),
  max_cost_usd: nonNegative.optional().describe('The cost cap of the whole run, in USD.'),
  max_error_rate: fraction
    .default(DEFAULT_BUDGETS.max_error_rate)
    .describe('The share of attempts that may error for infrastructure reasons; above it the decision is `error`.')
})
export type Budgets = z.output<typeof budgetsSchema>

export const modelPriceSchema = strictMap({ input_per_mtok: nonNegative, output_per_mtok: nonNegative })
export type ModelPrice = z.output<typeof modelPriceSchema>

export const overrideRulesSchema = strictMap({
  approvers: textList.default(() => []).describe('Logins and `org/team` slugs.'),
  min_permission: z.enum(['write', 'maintain', 'admin']).default('write'),
  allow_author: z.boolean().default(false).describe('Whether a PR author may override their own PR.')
})
export type OverrideRules = z.output<typeof overrideRulesSchema>

export interface PhaseRules {
  tiers: GateRules['tiers']
}

/** thresholds.yml resolved: built by one function, src/load/thresholds.ts `resolveThresholds`. */
export interface Thresholds {
  source?: SourceRef
  rules: GateRules
  workflows: Record<string, Partial<GateRules>>
  /** Tier rules of a rollout phase: at that phase each tier is judged by the stricter of these and its own rule. */
  phases?: Partial<Record<Phase, PhaseRules>>
  budgets: Budgets
  pricing: Record<string, ModelPrice>
  override: OverrideRules
}
