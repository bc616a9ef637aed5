import type { PassKRule, TaskResult, TierSummary } from '../model/types.js'
import { passHatK } from './pass-hat-k.js'
import { smallest } from '../util/append.js'

/**
 * pass^k of a tier: the mean over its tasks of C(c, k)/C(n, k). k is the rule's k when every
 * task ran that many attempts, else the fewest attempts a task ran (then a rule cannot be met).
 */
export function tierPassK(tasks: readonly TaskResult[], required?: PassKRule): NonNullable<TierSummary['pass_k']> {
  const ran = tasks.filter((t) => t.attempts.total > 0)
  const fewest = ran.length > 0 ? smallest(ran.map((t) => t.attempts.total)) : 1
  const k = required ? Math.min(required.k, fewest) : fewest
  const sum = ran.reduce((total, t) => total + passHatK(t.attempts.passed, t.attempts.total, k), 0)
  return { k, rate: tasks.length > 0 ? sum / tasks.length : 0, ...(required ? { required } : {}) }
}
