// The top of the page: the decision, why, and what the run cost.
import { formatCount, formatDuration, formatUsd, percent, thresholdPercent } from '../../gate/format.js'
import type { Report } from '../../model/types.js'
import { h, type Html } from '../escape.js'

export function decisionSection(report: Report): Html {
  const meta: [string, string][] = [['Date', report.created_at]]
  if (report.commit) meta.push(['Commit', report.commit])
  const a = report.attempts
  const extra = a.extra > 0 ? `, ${formatCount(a.extra)} extra (${formatUsd(a.extra_cost_usd)})` : ''
  meta.push([
    'Attempts',
    `${formatCount(a.total)} in ${a.rounds} round${a.rounds === 1 ? '' : 's'}, ` +
      `${a.mode === 'fixed' ? `fixed (--repeat ${report.repeat ?? 1})` : 'adaptive'}${extra}${a.stopped_by ? ` — ${a.stopped_by}` : ''}`
  ])
  if (report.shard) {
    const { index, count, set_size: setSize } = report.shard
    meta.push(['Shard', `${index + 1} of ${count} (${setSize} tasks in the set); merge all shards to decide the gate`])
  }
  return h(
    'section',
    { id: 'decision', class: `decision decision-${report.decision}` },
    h('p', { class: 'verdict' }, 'Gate: ', h('strong', { id: 'decision-value' }, report.decision.toUpperCase())),
    h('ul', { class: 'reasons' }, ...report.reasons.map((reason) => h('li', null, reason))),
    h('dl', { class: 'meta' }, ...meta.map(([term, value]) => [h('dt', null, term), h('dd', null, value)]))
  )
}

/** One card per workflow with economics: `62.0% (min 70%, value $1.00)`. */
function marginCards(report: Report): [string, string, string?][] {
  const entries = report.economics ?? []
  return entries.map((e) => [
    entries.length > 1 || report.workflows.length > 1 ? `Gross margin · ${e.workflow}` : 'Gross margin',
    `${e.gross_margin === null ? 'none' : percent(e.gross_margin)} (` +
      `${e.min_gross_margin !== null ? `min ${thresholdPercent(e.min_gross_margin)}, ` : ''}value ${formatUsd(e.value_per_success_usd)})`,
    e.ok ? undefined : 'fail'
  ])
}

export function totalsSection(report: Report): Html {
  const t = report.totals
  const unpriced = t.cost_unknown_models?.length ? ` (no price for ${t.cost_unknown_models.join(', ')})` : ''
  const cards: [string, string, string?][] = [
    ['Tasks', formatCount(t.tasks)],
    ['Passed', formatCount(t.passed), 'pass'],
    ['Failed', formatCount(t.failed), t.failed > 0 ? 'fail' : undefined],
    ['Errored', formatCount(t.errored), t.errored > 0 ? 'error' : undefined],
    ['Not run', formatCount(t.not_run), t.not_run > 0 ? 'error' : undefined],
    ['Error rate', `${percent(t.error_rate)} (max ${thresholdPercent(report.gate.max_error_rate)})`],
    ['Duration', formatDuration(t.duration_ms)],
    ['Model calls', formatCount(t.model_calls)],
    ['Tool calls', formatCount(t.tool_calls)],
    ['Tokens', `${formatCount(t.tokens.input)} in / ${formatCount(t.tokens.output)} out`],
    ['Cost', formatUsd(t.cost_usd) + unpriced],
    ['Cost per successful task', formatUsd(t.cost_per_success_usd)],
    ...(t.cost_per_passed_attempt_usd !== undefined
      ? [['Cost per passed attempt', formatUsd(t.cost_per_passed_attempt_usd)] as [string, string]]
      : []),
    ...marginCards(report)
  ]
  return h(
    'section',
    { id: 'totals' },
    h('h2', null, 'Totals'),
    h(
      'dl',
      { class: 'cards' },
      ...cards.map(([label, value, tone]) =>
        h('div', { class: tone ? `card tone-${tone}` : 'card' }, h('dt', null, label), h('dd', null, value))
      )
    ),
    h('p', { class: 'note' }, 'Duration is the sum of task run times.')
  )
}
