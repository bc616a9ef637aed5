// Redaction on a pull request's run: the union of the base's and the PR's rules, so that a rule
// the PR removes still applies until the change merges; and of what they redact: a field is left
// as it is (`redact_ignore`) only when both leave it.
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

/** workflow.yml `redact_ignore` on a PR: the fields both ignore, and those only the PR ignores (still redacted). */
export function ignoredByBoth(
  base: readonly string[] | undefined,
  pr: readonly string[] | undefined
): { ignore?: string[]; added: string[] } {
  const both = (pr ?? []).filter((field) => base?.includes(field))
  const added = (pr ?? []).filter((field) => !base?.includes(field))
  return both.length > 0 ? { ignore: both, added } : { added }
}
