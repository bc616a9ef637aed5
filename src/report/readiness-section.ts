// The "Readiness" section of summary.md: the kit's ten sections, their status and what each still
// asks for, then what evidences them (collapsed).
import { readinessCounts, sectionName } from '../gate/readiness.js'
import type { Report } from '../model/types.js'
import { inertText } from './inert-text.js'
import { markdownTable } from './markdown-table.js'

/** Empty for a report written before the checklist. */
export function readinessSection(report: Report): string {
  const { readiness } = report
  if (!readiness) return ''
  const rows = readiness.sections.map((s) => [
    sectionName(s),
    s.status === 'met' ? 'met' : `**${s.status}**`,
    s.missing.map((m) => inertText(m)).join('; ') || '—'
  ])
  const evidence = readiness.sections
    .filter((s) => s.evidence.length > 0)
    .map((s) => `- **${sectionName(s)}:** ${s.evidence.map((e) => inertText(e)).join('; ')}`)
  return [
    `### Readiness — ${readinessCounts(readiness)}`,
    markdownTable(['Section', 'Status', 'Still missing'], rows),
    `<details><summary>What evidences each section</summary>\n\n${evidence.join('\n')}\n\n</details>`
  ].join('\n\n')
}
