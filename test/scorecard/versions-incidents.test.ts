// The scorecard's version rows, incidents and monthly review, from report records.
import { describe, expect, it } from '@jest/globals'
import type { IncidentResult, Report, Versions } from '../../src/model/types.js'
import { computeScorecard } from '../../src/scorecard/compute.js'
import { renderMonthlyReviewMarkdown } from '../../src/scorecard/review-markdown.js'
import { week1, week2, week3 } from './series.js'

const versions = (version: string, prompt: string): Versions => ({
  workflows: [
    {
      workflow: 'refunds',
      version,
      require_bump: false,
      files: [
        { path: 'golden-tasks/refunds/workflow.yml', kind: 'manifest', sha256: 'a'.repeat(64) },
        { path: 'golden-tasks/refunds/prompt.md', kind: 'prompt', sha256: prompt.repeat(64) }
      ]
    }
  ]
})

const incident = (id: string, date: string, passing: boolean | null): IncidentResult => ({
  workflow: 'refunds',
  id,
  date,
  severity: 'sev2',
  summary: `incident ${id}`,
  tasks: [{ id: 't1-a', status: passing === false ? 'fail' : 'pass' }],
  passing
})

const series = (...reports: Report[]) => reports.map((report, i) => ({ file: `r${i}.json`, report }))

describe('versions per column', () => {
  it('the version of each column and the files changed since the one before; unknown without versions', () => {
    const card = computeScorecard(
      series({ ...week1, versions: versions('1.0', 'b') }, { ...week2, versions: versions('1.1', 'c') }, week3)
    )
    expect(card.versions).toEqual([
      { label: 'Version', cells: ['1.0', '1.1', 'unknown'] },
      { label: 'Files changed since the previous report', cells: ['—', 'prompt.md', 'unknown'] }
    ])
  })

  it('no rows when no report records versions', () => {
    expect(computeScorecard(series(week1, week2)).versions).toEqual([])
  })
})

describe('incidents', () => {
  it('every incident of the series as its latest report says, counted per month of its date', () => {
    const card = computeScorecard(
      series(
        { ...week1, incidents: [incident('INC-1', '2024-12-30', true), incident('INC-2', '2025-01-02', null)] },
        // INC-1 fails again now; INC-2 was taken out of incidents.yml: kept as week1 said.
        { ...week2, incidents: [incident('INC-1', '2024-12-30', false), incident('INC-3', '2025-01-10', true)] }
      )
    )
    expect(card.incidents.map((i) => [i.id, i.passing, i.created_at.slice(0, 10)])).toEqual([
      ['INC-3', true, '2025-01-13'],
      ['INC-2', null, '2025-01-06'],
      ['INC-1', false, '2025-01-13']
    ])
    expect(card.incident_months).toEqual([
      { month: '2024-12', count: 1, severities: { sev1: 0, sev2: 1, sev3: 0, sev4: 0 }, failing: 1 },
      { month: '2025-01', count: 2, severities: { sev1: 0, sev2: 2, sev3: 0, sev4: 0 }, failing: 0 }
    ])
  })
})

describe('the monthly review', () => {
  it('pools the task results of each month, newest month first', () => {
    const feb = { ...week3, created_at: '2025-02-03T09:00:00.000Z' }
    const card = computeScorecard(series(week1, week2, feb))
    expect(card.months.map((m) => [m.month, m.reports, m.results, m.escalations])).toEqual([
      ['2025-01', 2, 16, 3],
      ['2025-02', 1, feb.tasks.length, feb.tasks.filter((t) => t.escalated).length]
    ])
    // January: 4 + 7 of 16 passed; 15 ran (one not run), 3 escalated.
    expect(card.months[0].success_rate).toBeCloseTo(11 / 16)
    expect(card.months[0].containment_rate).toBeCloseTo(1 - 3 / 15)
    expect(card.months[0].failure_modes).toEqual([
      { label: 'missing action', count: 2 },
      { label: 'wrong label', count: 2 },
      { label: 'not run', count: 1 }
    ])
    const md = renderMonthlyReviewMarkdown(card)
    expect(md.indexOf('| 2025-02 |')).toBeLessThan(md.indexOf('| 2025-01 |'))
    expect(md).toContain(
      '| 2025-01 | 2 (16 task results) | 68.8% | 80.0% | 3 | 0 | missing action (2), wrong label (2), not run (1) |'
    )
  })
})
