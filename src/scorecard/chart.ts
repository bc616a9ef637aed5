// A small inline SVG line chart of success rates over the series: overall and per tier.
import { percent } from '../gate/format.js'
import { h, type Html } from '../html/escape.js'
import type { Scorecard, ScorecardRow } from './model.js'
import { smallest } from '../util/append.js'

const WIDTH = 720
const HEIGHT = 260
const MARGIN = { top: 16, right: 48, bottom: 40, left: 48 }
const COLORS = ['#111827', '#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d']
const MAX_X_LABELS = 12

export interface ChartSeries {
  label: string
  color: string
  values: (number | null)[]
}

export function chartSeries(card: Scorecard): ChartSeries[] {
  const rows: ScorecardRow[] = [card.success_rate, ...card.tiers]
  return rows.map((row, i) => ({
    label: i === 0 ? 'All tasks' : row.label,
    color: COLORS[i % COLORS.length],
    values: row.values
  }))
}

export function successRateChart(card: Scorecard): Html {
  const series = chartSeries(card)
  const labels = card.columns.map((c) => c.created_at.slice(0, 10))
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null))
  // Zoom in on the range the rates live in, in steps of 10 points, so that a 3-point drop shows.
  const bottom = known.length > 0 ? Math.max(0, Math.floor(smallest(known) * 10 - 0.5) / 10) : 0
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const x = (i: number) => MARGIN.left + (labels.length > 1 ? (i / (labels.length - 1)) * plotWidth : plotWidth / 2)
  const y = (rate: number) => MARGIN.top + ((1 - rate) / (1 - bottom || 1)) * plotHeight

  const grid: Html[] = []
  for (let tenth = Math.round(bottom * 10); tenth <= 10; tenth++) {
    const at = fmt(y(tenth / 10))
    grid.push(
      h('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: at, y2: at, class: 'grid' }),
      h(
        'text',
        { x: MARGIN.left - 6, y: fmt(y(tenth / 10) + 4), 'text-anchor': 'end', class: 'axis' },
        `${tenth * 10}%`
      )
    )
  }
  const every = Math.ceil(labels.length / MAX_X_LABELS)
  const xLabels = labels.map(
    (label, i) =>
      (i % every === 0 || i === labels.length - 1) &&
      h('text', { x: fmt(x(i)), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', class: 'axis' }, label)
  )
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: WIDTH,
      height: HEIGHT,
      role: 'img',
      'aria-label': 'Success rate over time'
    },
    grid,
    xLabels,
    series.map((s) => seriesMarks(s, card, x, y))
  )
}

function seriesMarks(
  series: ChartSeries,
  card: Scorecard,
  x: (i: number) => number,
  y: (rate: number) => number
): Html[] {
  const width = series.label === 'All tasks' ? 3 : 1.5
  const lines: Html[] = []
  const dots: Html[] = []
  // A report without the tier breaks the line rather than bridging the gap.
  let run: string[] = []
  const endLine = () => {
    if (run.length > 1)
      lines.push(h('polyline', { points: run.join(' '), fill: 'none', stroke: series.color, 'stroke-width': width }))
    run = []
  }
  series.values.forEach((value, i) => {
    if (value === null) return endLine()
    run.push(`${fmt(x(i))},${fmt(y(value))}`)
    const title = `${series.label} · ${card.columns[i].label} · ${percent(value)}`
    dots.push(
      h('circle', { cx: fmt(x(i)), cy: fmt(y(value)), r: width + 1.5, fill: series.color }, h('title', null, title))
    )
  })
  endLine()
  return [...lines, ...dots]
}

function fmt(n: number): string {
  return Number(n.toFixed(1)).toString()
}
