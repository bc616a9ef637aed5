import { describe, expect, it } from '@jest/globals'
import { computeScorecard } from '../../src/scorecard/compute.js'
import { renderScorecardHtml } from '../../src/scorecard/html.js'
import { renderScorecardMarkdown } from '../../src/scorecard/markdown.js'
import { week1, week2, week3 } from './series.js'

const card = computeScorecard([
  { file: 'reports/w1.json', report: week1 },
  { file: 'reports/w2.json', report: week2 },
  { file: 'reports/w3.json', report: week3 }
])

describe('renderScorecardMarkdown', () => {
  const md = renderScorecardMarkdown(card)

  it('has a column per report and a row per metric', () => {
    expect(md).toContain('refunds: 3 reports, 2025-01-06 to 2025-01-20, oldest first (ordered by created_at).')
    expect(md).toContain('| Metric | 2025-01-06 · aaaaaaa | 2025-01-13 · bbbbbbb | 2025-01-20 |')
    expect(md).toContain('| Decision | error | fail | pass |')
    expect(md).toContain('| Tasks | 8 | 8 | 4 |')
    expect(md).toContain('| **Success rate** | 50.0% | 87.5% | 75.0% |')
    expect(md).toContain('| T1 success rate | 75.0% | 100.0% | 100.0% |')
    expect(md).toContain('| T2 success rate | 25.0% | 75.0% | — |')
    expect(md).toContain('| T3 success rate | — | — | 50.0% |')
    expect(md).toContain('| Escalation rate | 28.6% | 12.5% | 0.0% |')
    expect(md).toContain('| **Containment rate** | 71.4% | 87.5% | 100.0% |')
    expect(md).toContain('| Error rate | 14.3% | 0.0% | 0.0% |')
    expect(md).toContain('| **Cost per successful task** | $0.018 | $0.011 | — |')
  })

  it('shows the failure modes over time and where each column comes from', () => {
    expect(md).toContain('| Failure mode | 2025-01-06 · aaaaaaa | 2025-01-13 · bbbbbbb | 2025-01-20 |')
    expect(md).toContain('| missing action | 1 | 1 | 0 |\n| wrong label | 2 | 0 | 0 |')
    expect(md).toContain('| agent timed out | 1 | 0 | 0 |')
    expect(md).toContain('- 2025-01-13 · bbbbbbb: reports/w2.json')
    expect(md).toContain('containment rate = 1 − escalation rate')
  })

  it('says so when no task failed', () => {
    const clean = computeScorecard([{ file: 'w.json', report: { ...week2, tasks: week2.tasks.slice(0, 3) } }])
    expect(renderScorecardMarkdown(clean)).toContain('No task failed in any report.')
  })
})

describe('renderScorecardHtml', () => {
  const html = renderScorecardHtml(card)

  it('is one self-contained page: nothing is fetched and nothing runs', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
  })

  it('draws the success rates as an inline SVG line chart, a line per series', () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"')
    // All tasks and T1 have three points, T2 two (a line), T3 one (a dot only).
    expect(html.match(/<polyline /g)).toHaveLength(3)
    expect(html.match(/<circle /g)).toHaveLength(3 + 3 + 2 + 1)
    expect(html).toContain('<title>All tasks · 2025-01-13 · bbbbbbb · 87.5%</title>')
    expect(html).toContain('<title>T3 · 2025-01-20 · 50.0%</title>')
  })

  it('holds the same numbers as the markdown', () => {
    expect(html).toContain(
      '<tr class="strong"><td>Containment rate</td><td>71.4%</td><td>87.5%</td><td>100.0%</td></tr>'
    )
    expect(html).toContain('<td class="error">error</td>')
    expect(html).toContain('<tr><td>wrong label</td><td>2</td><td>0</td><td>0</td></tr>')
    expect(html).toContain('<th title="reports/w1.json">2025-01-06<br><span class="commit">aaaaaaa</span></th>')
  })

  it('escapes what comes from the reports', () => {
    const nasty = computeScorecard([{ file: '<x>&".json', report: { ...week1, commit: '<script>' } }])
    const page = renderScorecardHtml(nasty)
    expect(page).not.toContain('<script>')
    expect(page).toContain('&lt;x&gt;&amp;&quot;.json')
  })
})
