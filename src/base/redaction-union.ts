// Redaction on a pull request's run: the union of the base's and the PR's rules, so that a rule
// the PR removes still applies until the change merges.
import type { DataGovernance, RedactRule } from '../model/types.js'

export function redactionUnion(
  base: DataGovernance | undefined,
  pr: DataGovernance | undefined
): { governance: DataGovernance | undefined; kept: RedactRule[] } {
  const mine = pr?.redact ?? []
  const kept = (base?.redact ?? []).filter((r) => !mine.some((m) => m.name === r.name && m.pattern === r.pattern))
  if (kept.length === 0) return { governance: pr, kept }
  return { governance: { ...(pr ?? {}), redact: [...mine, ...kept] }, kept }
}
