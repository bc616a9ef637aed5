// Issue 14 item 5: the scorecard's cost per success and gross margin per column, and the flags
// for a column under its target or fallen more than max_margin_drop since the column before.
import { describe, expect, it } from '@jest/globals'
import { computeScorecard } from '../../src/scorecard/compute.js'
import { renderScorecardHtml } from '../../src/scorecard/html.js'
import { renderScorecardMarkdown } from '../../src/scorecard/markdown.js'
import type { EconomicsRule, Report } from '../../src/model/types.js'
import { reportOf } from '../helpers/report-of.js'
import { gate, tier } from '../gate/make.js'

const workflows = [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: 0 }]

/** 4 passing tasks at `cost` each: `cost` per success. */
function week(date: string, cost: number, economics?: EconomicsRule): Report {
  const rules = { tiers: { T1: { min_success: 0.5 } }, max_drop: {}, ...(economics ? { economics } : {}) }
  return reportOf({
    tasks: tier('T1', 4, 0, { cost_usd: cost }),
    gate: gate({ rules }),
    workflows,
    repeat: 1,
    createdAt: new Date(`${date}T09:00:00Z`)
  })
}

const target = { value_per_success_usd: 1, min_gross_margin: 0.7 }
const series = [
  week('2025-01-06', 0.5), // no economics yet: no margin, no flag
  week('2025-01-13', 0.1, target), // 90%
  week('2025-01-20', 0.18, target), // 82%: dropped 8 points > 5
  week('2025-01-27', 0.4, target), // 60%: under 70%, and dropped 22 points
  week('2025-02-03', 0.29, { ...target, max_margin_drop: 0.5 }) // 71%: up
]
const card = () => computeScorecard(series.map((report, i) => ({ file: `w${i + 1}.json`, report })))

describe('the scorecard: cost per success and gross margin', () => {
  it('has the cost per success and the margin of every column', () => {
    const { cost_per_success_usd, economics } = card()
    expect(cost_per_success_usd.values).toEqual([0.5, 0.1, 0.18, 0.4, 0.29])
    expect(economics.costs).toEqual([{ label: 'Cost per passed attempt', values: [null, 0.1, 0.18, 0.4, 0.29] }])
    expect(economics.margins).toEqual([
      {
        workflow: 'refunds',
        label: 'Gross margin',
        values: [
          null,
          expect.closeTo(0.9, 12),
          expect.closeTo(0.82, 12),
          expect.closeTo(0.6, 12),
          expect.closeTo(0.71, 12)
        ]
      }
    ])
  })

  it("flags a column under its report's target or dropped more than its max_margin_drop", () => {
    expect(card().economics.flags).toEqual([
      {
        column: 2,
        workflow: 'refunds',
        text: 'Gross margin: dropped 8.0 points from 90.0% to 82.0% (more than max_margin_drop 0.05)'
      },
      {
        column: 3,
        workflow: 'refunds',
        text: 'Gross margin: 60.0%, under the target 70%; dropped 22.0 points from 82.0% to 60.0% (more than max_margin_drop 0.05)'
      }
    ])
  })

  it('marks the flagged cells and lists the flags in the markdown and the page', () => {
    const md = renderScorecardMarkdown(card())
    expect(md).toContain('| **Gross margin** | — | 90.0% | 82.0% ⚠ | 60.0% ⚠ | 71.0% |')
    expect(md).toContain('| **Cost per successful task** | $0.50 | $0.10 | $0.18 | $0.40 | $0.29 |')
    expect(md).toContain('| Cost per passed attempt | — | $0.10 | $0.18 | $0.40 | $0.29 |')
    expect(md).toContain('- Gross margin (reports with economics.value_per_success_usd): 1 − cost per passed attempt')
    expect(md).toContain(
      '### Margin flags\n\n- 2025-01-20: Gross margin: dropped 8.0 points from 90.0% to 82.0% (more than max_margin_drop 0.05)\n' +
        '- 2025-01-27: Gross margin: 60.0%, under the target 70%; dropped 22.0 points from 82.0% to 60.0% (more than max_margin_drop 0.05)'
    )
    const html = renderScorecardHtml(card())
    expect(html).toContain('<td class="fail flagged">82.0% ⚠</td>')
    expect(html).toContain('<td>71.0%</td>')
    expect(html).toContain('<h2>Margin flags</h2>')
  })

  it('a series without economics has no margin rows and no flag section', () => {
    const plain = computeScorecard([{ file: 'a.json', report: week('2025-01-06', 0.1) }])
    expect(plain.economics).toEqual({ costs: [], margins: [], flags: [] })
    expect(renderScorecardMarkdown(plain)).not.toContain('Margin flags')
    expect(renderScorecardMarkdown(plain)).not.toContain('Gross margin')
  })

  it('names the workflow of a margin row when the series has several, and flags each on its own record', () => {
    const both = reportOf({
      tasks: [...tier('T1', 2, 0, { cost_usd: 0.5 }), ...tier('T1', 2, 0, { workflow: 'billing', cost_usd: 0.1 })],
      gate: gate({
        rules: { tiers: { T1: { min_success: 0.5 } }, max_drop: {}, economics: target },
        workflows: { billing: { economics: { min_gross_margin: 0.95 } } }
      }),
      workflows,
      repeat: 1,
      createdAt: new Date('2025-03-03T09:00:00Z')
    })
    const { economics } = computeScorecard([{ file: 'x.json', report: both }])
    expect(economics.margins.map((r) => [r.label, r.values])).toEqual([
      ['billing gross margin', [expect.closeTo(0.9, 12)]],
      ['refunds gross margin', [expect.closeTo(0.5, 12)]]
    ])
    expect(economics.flags.map((f) => f.text)).toEqual([
      'billing gross margin: 90.0%, under the target 95%',
      'refunds gross margin: 50.0%, under the target 70%'
    ])
  })
})
