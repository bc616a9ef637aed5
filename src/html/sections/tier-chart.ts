// The per-tier success rates as an inline SVG bar chart: bar = success rate, whisker = 95%
// interval, dashed line = threshold. Drawn on the server: the chart needs no script.
import { percent, thresholdPercent } from '../../gate/format.js'
import type { Report, TierSummary } from '../../model/types.js'
import { severalWorkflows, verdictCell } from '../../gate/labels.js'
import { h, type Html } from '../escape.js'
import { preview } from '../../util/preview.js'

export const PLOT_HEIGHT = 200
const TOP = 24
const LEFT = 44
const SLOT = 76
const BAR = 40
const CAP = 8
const GRID = [0, 0.25, 0.5, 0.75, 1]

const round = (n: number) => Math.round(n * 100) / 100
const yOf = (rate: number) => round(TOP + (1 - clamp(rate)) * PLOT_HEIGHT)
const clamp = (rate: number) => Math.min(1, Math.max(0, rate))

export function tierChart(report: Report): Html {
  const withWorkflow = severalWorkflows(report)
  const labelsHeight = withWorkflow ? 40 : 24
  const width = LEFT + Math.max(1, report.tiers.length) * SLOT + 12
  const height = TOP + PLOT_HEIGHT + labelsHeight
  return h(
    'figure',
    { class: 'chart' },
    h(
      'svg',
      {
        id: 'tier-chart',
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        role: 'img',
        'aria-labelledby': 'tier-chart-title',
        'data-plot-height': PLOT_HEIGHT,
        'data-plot-top': TOP
      },
      h('title', { id: 'tier-chart-title' }, 'Success rate per tier against its threshold'),
      GRID.map((rate) => [
        h('line', { class: 'grid', x1: LEFT, x2: width - 8, y1: yOf(rate), y2: yOf(rate) }),
        h('text', { class: 'axis', x: LEFT - 6, y: yOf(rate) + 4, 'text-anchor': 'end' }, `${rate * 100}%`)
      ]),
      report.tiers.map((tier, i) => tierBar(tier, LEFT + i * SLOT + SLOT / 2, withWorkflow))
    ),
    h(
      'figcaption',
      { class: 'legend' },
      h('span', { class: 'key key-ok' }, 'passes its threshold'),
      h('span', { class: 'key key-fail' }, 'fails the gate'),
      h('span', { class: 'key key-ungated' }, 'not gated'),
      h('span', { class: 'key key-threshold' }, 'threshold'),
      h('span', { class: 'key key-ci' }, '95% interval')
    )
  )
}

function tierBar(tier: TierSummary, center: number, withWorkflow: boolean): Html {
  const verdict = verdictCell(tier)
  const tone = verdict === 'not gated' ? 'ungated' : verdict
  const top = yOf(tier.success_rate)
  const bottom = yOf(0)
  const ciTop = yOf(tier.ci_high)
  const ciBottom = yOf(tier.ci_low)
  const label = withWorkflow ? `${tier.workflow} ${tier.tier}` : tier.tier
  const threshold = tier.threshold === null ? 'no threshold' : `threshold ${thresholdPercent(tier.threshold)}`
  const summary =
    `${label}: ${percent(tier.success_rate)} (${tier.passed}/${tier.total}), 95% interval ` +
    `${percent(tier.ci_low)}–${percent(tier.ci_high)}, ${threshold}, ${verdict}`
  return h(
    'g',
    {
      class: `tier-bar bar-${tone}`,
      'data-workflow': tier.workflow,
      'data-tier': tier.tier,
      'data-rate': tier.success_rate,
      'data-threshold': tier.threshold
    },
    h('title', null, summary),
    h('rect', { class: 'bar', x: round(center - BAR / 2), y: top, width: BAR, height: round(bottom - top) }),
    tier.total > 0 && [
      h('line', { class: 'ci', x1: center, x2: center, y1: ciTop, y2: ciBottom }),
      h('line', { class: 'ci', x1: center - CAP / 2, x2: center + CAP / 2, y1: ciTop, y2: ciTop }),
      h('line', { class: 'ci', x1: center - CAP / 2, x2: center + CAP / 2, y1: ciBottom, y2: ciBottom })
    ],
    tier.threshold !== null &&
      h('line', {
        class: 'threshold',
        x1: round(center - SLOT / 2 + 6),
        x2: round(center + SLOT / 2 - 6),
        y1: yOf(tier.threshold),
        y2: yOf(tier.threshold)
      }),
    h(
      'text',
      { class: 'value', x: center, y: round(Math.min(top, ciTop) - 6), 'text-anchor': 'middle' },
      tier.total > 0 ? percent(tier.success_rate) : 'no tasks'
    ),
    h('text', { class: 'label', x: center, y: bottom + 16, 'text-anchor': 'middle' }, tier.tier),
    withWorkflow &&
      h('text', { class: 'label workflow', x: center, y: bottom + 32, 'text-anchor': 'middle' }, shorten(tier.workflow))
  )
}

function shorten(name: string): string {
  return preview(name, 12, { markInside: true })
}
