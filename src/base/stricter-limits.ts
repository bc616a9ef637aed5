// A tool's argument limits on a pull request: each the stricter of the base's and the PR's. A PR
// may narrow a limit or add one; a limit it widens or removes stays as on the base.
import { describeLimit, LIMIT_KINDS, type Limit } from '../model/limits.js'
import { stricterOf } from './stricter.js'

type Limits = Record<string, Limit>

export function stricterLimits(
  base: Limits | undefined,
  pr: Limits | undefined
): { limits?: Limits; changes: string[] } {
  if (!base && !pr) return { changes: [] }
  const limits: Limits = {}
  const changes: string[] = []
  for (const arg of new Set([...Object.keys(pr ?? {}), ...Object.keys(base ?? {})])) {
    const theirs = base?.[arg]
    const mine = pr?.[arg]
    if (!theirs || !mine) {
      limits[arg] = (theirs ?? mine)!
      if (!mine) changes.push(`limits.${arg} removed in this PR: stays ${describeLimit(theirs!)}`)
      else changes.push(`limits.${arg} added in this PR (${describeLimit(mine)})`)
      continue
    }
    const kept = stricterLimit(theirs, mine)
    limits[arg] = kept
    for (const kind of LIMIT_KINDS) {
      const [was, now, applies] = [theirs, mine, kept].map((l) => JSON.stringify(l[kind]) ?? 'none')
      if (was === now) continue
      changes.push(
        `limits.${arg}.${kind} ${was} -> ${now} in this PR: ${applies === now ? 'applies' : `stays ${applies}`}`
      )
    }
  }
  return { limits, changes }
}

/** Values within both limits: the lower max, the higher min, the values both allow; a pattern the PR changes stays the base's. */
function stricterLimit(base: Limit, pr: Limit): Limit {
  const limit: Limit = {}
  let max = stricterOf(base.max, pr.max, 'lower')
  let min = stricterOf(base.min, pr.min, 'higher')
  // Bounds that leave no value between them are no limit a manifest can state: the base's stay.
  if (min !== undefined && max !== undefined && min > max) [min, max] = [base.min, base.max]
  if (max !== undefined) limit.max = max
  if (min !== undefined) limit.min = min
  const both = base.one_of && pr.one_of ? base.one_of.filter((v) => pr.one_of!.includes(v)) : undefined
  // Likewise no value that both allow.
  const oneOf = both && both.length > 0 ? both : (base.one_of ?? pr.one_of)
  if (oneOf) limit.one_of = oneOf
  const pattern = base.pattern ?? pr.pattern
  if (pattern !== undefined) limit.pattern = pattern
  return limit
}
