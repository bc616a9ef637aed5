// The readiness checklist in words (every renderer and the CLI), and how it can decide the gate:
// with `strict` (the action's input `readiness: strict`) a section that is missing fails it.
import type { Decision, Readiness, ReadinessSection } from '../model/types.js'

/** `report`: the checklist is in every output; `strict`: a missing section also fails the gate. */
export const READINESS_MODES = ['report', 'strict'] as const
export type ReadinessMode = (typeof READINESS_MODES)[number]

/** `§3 data governance`. */
export function sectionName(section: Pick<ReadinessSection, 'number' | 'title'>): string {
  return `§${section.number} ${section.title}`
}

/** `§7 escalation & fallback: partial — no golden task has a tool fault; no runbook`. */
export function sectionLine(section: ReadinessSection): string {
  const head = `${sectionName(section)}: ${section.status}`
  return section.missing.length > 0 ? `${head} — ${section.missing.join('; ')}` : head
}

/** `5 met, 3 partial, 2 missing`. */
export function readinessCounts(readiness: Readiness): string {
  return `${readiness.met} met, ${readiness.partial} partial, ${readiness.missing} missing`
}

/**
 * The decision with a reason per missing section first ("readiness: §3 data governance missing —
 * no subprocessors listed"), which makes it `fail`; partial sections do not decide.
 */
export function withReadiness<D extends { decision: Decision; reasons: string[] }>(
  decided: D,
  readiness: Readiness
): D {
  const missing = readiness.sections.filter((s) => s.status === 'missing')
  if (missing.length === 0) return decided
  const lines = missing.map((s) => `readiness: ${sectionName(s)} missing — ${s.missing.join('; ')}`)
  return { ...decided, decision: 'fail', reasons: [...lines, ...decided.reasons] }
}
