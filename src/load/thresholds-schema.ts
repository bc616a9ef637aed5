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

const tierRule = z.union([fraction, strictMap({ min_success: fraction, min_tasks: nonNegativeInt.optional() })])
const tierRules = strictMap({ T1: tierRule.optional(), T2: tierRule.optional(), T3: tierRule.optional() })

/** One number for every tier, or one per tier. */
const maxDrop = z.union([
  fraction,
  strictMap({ T1: fraction.optional(), T2: fraction.optional(), T3: fraction.optional() })
])
const baseline = strictMap({ max_drop: maxDrop })

export const DEFAULT_BUDGETS = {
  max_model_calls_per_task: 20,
  max_retries: 3,
  task_timeout_s: 60,
  max_error_rate: 0.1
} as const

const budgets = strictMap({
  max_model_calls_per_task: positiveInt.default(DEFAULT_BUDGETS.max_model_calls_per_task),
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

export const thresholdsSchema = strictMap({
  tiers: tierRules.optional(),
  workflows: z.record(text, strictMap({ tiers: tierRules.optional(), baseline: baseline.optional() })).optional(),
  baseline: baseline.optional(),
  budgets: budgets.optional(),
  pricing: z.record(text, price).optional(),
  override: override.optional()
})

export type ThresholdsFile = z.output<typeof thresholdsSchema>
export type TierRulesFile = NonNullable<ThresholdsFile['tiers']>
export type MaxDropFile = z.output<typeof maxDrop>
