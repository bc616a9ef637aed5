// A section's score is a list of checks, each a fact that is there (evidence) or a thing the kit
// still asks for (missing), plus notes: evidence that holds whatever the team does (e.g. "every run
// writes traces.jsonl"), which does not count towards the status.
import type { ReadinessStatus } from '../model/types.js'

export interface Check {
  ok: boolean
  /** The evidence when ok, else what is missing, in words. */
  says: string
}

export interface SectionScore {
  /** Checks that do not apply (e.g. high-risk writes, with no high-risk write tool) are left out. */
  checks: Check[]
  notes?: string[]
}

export const evidence = (says: string): Check => ({ ok: true, says })
export const lacking = (says: string): Check => ({ ok: false, says })

/** `ok` when the condition holds: the evidence, else what is missing. */
export function check(ok: boolean, ifOk: string, ifNot: string): Check {
  return ok ? evidence(ifOk) : lacking(ifNot)
}

/** Met when every check holds, missing when none does, partial in between. */
export function statusOf(checks: readonly Check[]): ReadinessStatus {
  const held = checks.filter((c) => c.ok).length
  if (held === checks.length) return 'met'
  return held === 0 ? 'missing' : 'partial'
}
