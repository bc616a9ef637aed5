// (g) The readiness checklist: the kit's sections, each met, partial or missing, with what
// evidences it and what is missing, as the run scored them (report.json `readiness`).
import type { Block } from '../blocks.js'
import type { EvidenceInput } from '../input.js'
import { muted, paragraph } from '../make.js'
import type { PackPage } from '../page.js'
import { READINESS_STATUSES, type Readiness } from '../readiness.js'

export const readinessPage: PackPage = {
  id: 'readiness',
  title: 'Readiness checklist',
  summary: (input) => {
    const readiness = input.run?.readiness
    return readiness ? countsText(readiness) : 'not scored'
  },
  blocks: (input) => {
    const readiness = input.run?.readiness
    return readiness ? checklist(readiness) : notScored(input)
  }
}

function checklist(readiness: Readiness): Block[] {
  return [
    paragraph({ text: `${countsText(readiness)}.`, strong: true }),
    {
      kind: 'table',
      header: ['Section', 'Status', 'Evidence', 'Missing'],
      rows: readiness.sections.map((s) => [
        s.title,
        s.status,
        s.evidence.join('; ') || '—',
        s.missing.join('; ') || '—'
      ]),
      widths: [24, 12, 32, 32]
    }
  ]
}

/** `4 met, 3 partial, 3 missing`. */
function countsText(readiness: Readiness): string {
  return READINESS_STATUSES.map(
    (status) => `${readiness.sections.filter((s) => s.status === status).length} ${status}`
  ).join(', ')
}

function notScored(input: EvidenceInput): Block[] {
  return [
    paragraph({ text: 'Not scored.', strong: true }),
    muted(
      input.run
        ? 'The report given has no readiness section; evalgate readiness scores the workflow against the kit.'
        : 'No run was given; evalgate readiness scores the workflow against the kit.'
    )
  ]
}
