// Whether a tier has enough tasks to separate its threshold from its margin at all.
import { normalQuantile } from './normal-quantile.js'
import { plural, thresholdPercent } from './format.js'

export interface TooSmallInput {
  label: string
  tasks: number
  threshold: number
  confidence: number
  margin: number
  /** Attempts per task at most (max_attempts, or --repeat K). */
  attempts: number
}

/**
 * The worst case is every task passing with probability θ: at K attempts each, the interval's
 * half-width is z·√(θ(1−θ)/(nK)) with z two-sided at the confidence. When that is wider than
 * the margin, no number of rounds lets the tier tell θ from θ − margin.
 */
export function tooSmallWarning(input: TooSmallInput): string | undefined {
  const { tasks, threshold, confidence, margin, attempts } = input
  const variance = threshold * (1 - threshold)
  // A point rule (margin 0) has nothing to separate; a threshold of 0 or 1 has no variance.
  if (margin <= 0 || variance === 0 || tasks === 0) return undefined
  const z = normalQuantile(1 - (1 - confidence) / 2)
  const halfWidth = z * Math.sqrt(variance / (tasks * attempts))
  if (halfWidth <= margin) return undefined
  const needed = Math.ceil((z * z * variance) / (attempts * margin * margin))
  return (
    `${input.label} has ${plural(tasks, 'task')}: at ${thresholdPercent(threshold)} it cannot tell ` +
    `${thresholdPercent(threshold)} from ${roughPercent(threshold - halfWidth)} at ${thresholdPercent(confidence)} confidence ` +
    `(${needed} tasks would, at ${plural(attempts, 'attempt')} each)`
  )
}

function roughPercent(rate: number): string {
  return `${Number((Math.max(0, rate) * 100).toFixed(1))}%`
}
