// Against the base branch: how each tier moved, which tasks regressed and which were fixed.
import { percent, points, signedPoints } from '../../gate/format.js'
import type { Report } from '../../model/types.js'
import { severalWorkflows } from '../../gate/labels.js'
import { h, type Html } from '../escape.js'
import { taskLinks } from './task-links.js'

export function baselineSection(report: Report): Html | null {
  const { baseline } = report
  if (!baseline) return null
  const withWorkflow = severalWorkflows(report)
  const flaky = baseline.flaky ?? []
  const highRisk = baseline.high_risk_regressions ?? []
  const rows = report.tiers.map((t) => {
    const before = t.baseline_rate
    const change = before == null ? null : t.success_rate - before
    const paired = t.paired
    const tooLarge = paired !== undefined && t.max_drop != null && paired.significant && paired.drop > t.max_drop + 1e-9
    return h(
      'tr',
      { class: change === null ? null : change < 0 ? 'worse' : change > 0 ? 'better' : null },
      withWorkflow && h('td', null, t.workflow),
      h('td', null, t.tier),
      h('td', { class: 'num' }, before == null ? '—' : percent(before)),
      h('td', { class: 'num' }, percent(t.success_rate)),
      h('td', { class: 'num' }, change === null ? '—' : signedPoints(change)),
      h('td', { class: 'num' }, t.max_drop == null ? '—' : points(t.max_drop)),
      h(
        'td',
        null,
        paired
          ? `${paired.common} tasks: ${paired.regressed} regressed, ${paired.fixed} fixed, p = ${Number(paired.p_value.toPrecision(2))}`
          : '—'
      ),
      h('td', null, change === null ? 'not in the baseline' : tooLarge ? 'dropped too far (significant)' : 'ok')
    )
  })
  return h(
    'section',
    { id: 'baseline' },
    h('h2', null, 'Against the baseline'),
    h('p', null, 'Baseline report: ', h('code', null, baseline.file)),
    h(
      'table',
      { class: 'grid-table', id: 'baseline-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          withWorkflow && h('th', null, 'Workflow'),
          h('th', null, 'Tier'),
          h('th', { class: 'num' }, 'Baseline'),
          h('th', { class: 'num' }, 'Now'),
          h('th', { class: 'num' }, 'Change (points)'),
          h('th', { class: 'num' }, 'Max drop'),
          h('th', null, 'Paired (McNemar)'),
          h('th', null, 'Drop rule')
        )
      ),
      h('tbody', null, ...rows)
    ),
    h(
      'h3',
      null,
      `Regressions (${baseline.regressions.length})`,
      h('small', null, ' passed in the baseline, fail now')
    ),
    baseline.regressions.length > 0 ? taskLinks(baseline.regressions) : h('p', { class: 'muted' }, 'none'),
    h('h3', null, `Fixed (${baseline.fixed.length})`, h('small', null, ' failed in the baseline, pass now')),
    baseline.fixed.length > 0 ? taskLinks(baseline.fixed) : h('p', { class: 'muted' }, 'none'),
    h('h3', null, `Flaky (${flaky.length})`, h('small', null, ' mixed outcomes on either side')),
    flaky.length > 0 ? taskLinks(flaky) : h('p', { class: 'muted' }, 'none'),
    highRisk.length > 0 && [
      h(
        'h3',
        null,
        `High-risk regressions (${highRisk.length})`,
        h('small', null, ' each fails the gate (baseline.block_high_risk_regressions)')
      ),
      taskLinks(highRisk)
    ]
  )
}
