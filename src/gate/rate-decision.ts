// A gated tier's rate against its threshold θ with margin δ (issue 9; the rule was chosen by
// simulation): a lower bound above θ − δ justifies passing, an upper bound below θ + δ
// justifies failing; both mean the truth is inside the margin, where the estimate decides.
import type { TierDecision } from '../model/types.js'
import type { AttemptCounts } from './task-attempts.js'
import { tierInterval, type TierInterval } from './tier-interval.js'
import type { DecisionRule } from './tier-settings.js'

// Rates are ratios of small integers compared with decimal thresholds: 0.92 must meet 0.92.
export const EPSILON = 1e-9

export interface RateJudgement {
  /** Bounds at one-sided level (1 − confidence)/looks. */
  bounds: TierInterval
  outcome: TierDecision['outcome']
  /** Undefined while undecided. */
  passes?: boolean
}

/**
 * `looks`: how many times the tier may be looked at (max_attempts when attempts are adaptive):
 * each look spends 1/looks of the error rate on each side (Bonferroni).
 */
export function judgeRate(
  tasks: readonly AttemptCounts[],
  threshold: number,
  rule: DecisionRule,
  looks: number
): RateJudgement {
  const bounds = tierInterval(tasks, (1 - rule.confidence) / looks)
  const atLeast = bounds.estimate >= threshold - EPSILON
  const clearlyNotBelow = bounds.low > threshold - rule.margin + EPSILON
  const clearlyNotAbove = bounds.high < threshold + rule.margin - EPSILON
  if (clearlyNotBelow && clearlyNotAbove) return { bounds, outcome: 'inside_margin', passes: atLeast }
  // One side alone decides only when the estimate agrees: the Wilson interval leans towards 50%,
  // and a tier at 92.3% must not be failed against 92% while another round could still tell.
  if (clearlyNotBelow && atLeast) return { bounds, outcome: 'pass', passes: true }
  if (clearlyNotAbove && !atLeast) return { bounds, outcome: 'fail', passes: false }
  return { bounds, outcome: 'undecided' }
}
