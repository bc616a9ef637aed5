// (g) The readiness checklist: the kit's ten sections, each met, partial or missing, with what
// evidences it and what is missing, as the run scored them (report.json `readiness`).
import { readinessCounts, sectionName } from '../../gate/readiness.js'
import type { Readiness, ReadinessSection } from '../../model/types.js'
import type { Block } from '../blocks.js'
import type { EvidenceInput } from '../input.js'
import { muted, paragraph } from '../make.js'
import type { PackPage } from '../page.js'

export const readinessPage: PackPage = {
  id: 'readiness',
  title: 'Readiness checklist',
  summary: (input) => {
    const readiness = input.run?.report.readiness
    return readiness ? readinessCounts(readiness) : 'not scored'
  },
  blocks: (input) => {
    const readiness = input.run?.report.readiness
    return readiness ? checklist(readiness) : notScored(input)
  }
}

function checklist(readiness: Readiness): Block[] {
  return [
    paragraph({ text: `The readiness kit's ten sections: ${readinessCounts(readiness)}.`, strong: true }),
    {
      kind: 'table',
      header: ['Section', 'Status', 'What evidences it; what is still missing'],
      rows: readiness.sections.map((s) => [sectionName(s), s.status, sectionText(s)]),
      widths: [18, 10, 72]
    }
  ]
}

/** Its evidence, then what it still lacks: one cell, so that a section that is met wastes no column. */
function sectionText(section: ReadinessSection): string {
  const evidence = section.evidence.join('; ') || 'nothing yet'
  return section.missing.length > 0 ? `${evidence}. Still missing: ${section.missing.join('; ')}` : evidence
}

function notScored(input: EvidenceInput): Block[] {
  return [
    paragraph({ text: 'Not scored.', strong: true }),
    muted(
      input.run
        ? 'The report given has no readiness section (a report of an older evalgate); evalgate readiness scores the workflow from its files.'
        : 'No run was given; evalgate readiness scores the workflow from its files.'
    )
  ]
}
