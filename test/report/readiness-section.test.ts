// The readiness section of summary.md and report.html shows the names it quotes from the user's
// files (tools, principals, paths) as inert text; a report written before it has no section.
import { describe, expect, it } from '@jest/globals'
import { renderSummary } from '../../src/report/summary.js'
import { pageStart } from '../../src/html/page.js'
import type { Report } from '../../src/model/types.js'
import { passReport } from '../golden/canonical-reports.js'

const HOSTILE = 'identity: delegated_service as @acme/owners <img src=x onerror=alert(1)> [x](https://evil.example)'

function withHostileEvidence(): Report {
  const readiness = passReport.readiness!
  const sections = readiness.sections.map((s) =>
    s.id === 'permission_matrix' ? { ...s, evidence: [HOSTILE], missing: [`no scopes for ${HOSTILE}`] } : s
  )
  return { ...passReport, readiness: { ...readiness, sections } }
}

describe('the readiness section', () => {
  it('summary.md: mentions do not notify, HTML and links do not render', () => {
    const summary = renderSummary(withHostileEvidence())
    const part = summary.slice(summary.indexOf('### Readiness'), summary.indexOf('### Totals'))
    expect(part).toContain('@\u200bacme/owners')
    expect(part).not.toContain('<img')
    expect(part).not.toContain('[x](')
  })

  it('report.html: escaped', () => {
    const html = pageStart(withHostileEvidence())
    const part = html.slice(html.indexOf('<section id="readiness">'))
    expect(part).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(part).not.toContain('<img')
  })

  it('is absent from the outputs of a report written before the checklist', () => {
    const { readiness: _, ...before } = passReport
    expect(renderSummary(before)).not.toContain('### Readiness')
    expect(pageStart(before)).not.toContain('id="readiness"')
  })
})
