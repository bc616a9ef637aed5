// The readiness checklist: every section of the kit scored for every workflow, then one row per
// section. With several workflows a section is as good as its worst workflow, and each line says
// which workflow it is about.
import { READINESS_STATUSES } from '../model/report.js'
import type { Readiness, ReadinessSection, ReadinessStatus } from '../model/types.js'
import { largest } from '../util/append.js'
import { statusOf } from './check.js'
import type { ReadinessInputs } from './inputs.js'
import { READINESS_SECTIONS } from './sections/index.js'

export function scoreReadiness(inputs: ReadinessInputs): Readiness {
  const several = inputs.workflows.length > 1
  const sections = READINESS_SECTIONS.map((section): ReadinessSection => {
    const scored = inputs.workflows.map((w) => {
      const { checks, notes = [] } = section.score(w)
      const prefix = several ? `${w.workflow.name}: ` : ''
      return {
        status: statusOf(checks),
        notes,
        evidence: checks.filter((c) => c.ok).map((c) => prefix + c.says),
        missing: checks.filter((c) => !c.ok).map((c) => prefix + c.says)
      }
    })
    return {
      id: section.id,
      number: section.number,
      title: section.title,
      status: worst(scored.map((s) => s.status)),
      // A note holds for every workflow alike: said once, first.
      evidence: [...new Set(scored.flatMap((s) => s.notes)), ...scored.flatMap((s) => s.evidence)],
      missing: scored.flatMap((s) => s.missing)
    }
  })
  const count = (status: ReadinessStatus) => sections.filter((s) => s.status === status).length
  return { sections, met: count('met'), partial: count('partial'), missing: count('missing') }
}

/** The worst of the statuses (missing without a workflow to score). */
function worst(statuses: readonly ReadinessStatus[]): ReadinessStatus {
  if (statuses.length === 0) return 'missing'
  return READINESS_STATUSES[
    largest(
      statuses.map((s) => READINESS_STATUSES.indexOf(s)),
      0
    )
  ]
}
