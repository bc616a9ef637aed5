// summary.md: what a PR reader needs in ten seconds (verdict, tiers, why), then the detail.
import { percent, plural, points, signedPoints, thresholdPercent } from '../gate/format.js'
import { RISKS, TIERS } from '../model/types.js'
import type { Report, TaskResult, TierSummary } from '../model/types.js'
import { formatCount, formatDuration, formatUsd, headline, severalWorkflows, tierColumns } from './cells.js'
import { failureModes } from './failure-modes.js'
import { gateChangesSection } from './gate-changes.js'

const REASONS_CELL_LIMIT = 300
const REGRESSION_REASON_LIMIT = 140
const TOP_FAILURE_MODES = 3
const FAILURE_MODE_EXAMPLES = 3

export interface SummaryOptions {
  /** Rows of the failed-task table and items of the baseline lists before `…and N more`. */
  maxFailed?: number
}

export function renderSummary(report: Report, opts: SummaryOptions = {}): string {
  const maxFailed = opts.maxFailed ?? 50
  const sections = [
    headline(report, true),
    tierTable(report),
    topFailureModes(report),
    report.reasons.map((r) => `- ${oneLine(r)}`).join('\n'),
    gateChangesSection(report.gate_changes),
    failedTasks(report, maxFailed),
    baselineChanges(report, maxFailed),
    totals(report)
  ]
  return sections.filter((s) => s !== '').join('\n\n') + '\n'
}

function tierTable(report: Report): string {
  const { header, rows } = tierColumns(report)
  const cell = (tier: TierSummary, column: string, text: string): string => {
    if (column === 'Verdict' && text === 'fail') return '**fail**'
    if (column === 'Rate') return rateWithChange(tier)
    if (column === 'Baseline') return baselineRate(tier)
    return text
  }
  return markdownTable(
    header,
    rows.map((row, r) => row.map((text, i) => cell(report.tiers[r], header[i], text)))
  )
}

/** `92.0% (−3.1 pts)`: the change against the baseline sits next to the rate it changed. */
function rateWithChange(tier: TierSummary): string {
  const rate = percent(tier.success_rate)
  return tier.baseline_rate == null ? rate : `${rate} (${signedPoints(tier.success_rate - tier.baseline_rate)} pts)`
}

function baselineRate(tier: TierSummary): string {
  if (tier.baseline_rate == null) return '—'
  return `${percent(tier.baseline_rate)}${tier.max_drop != null ? `, max drop ${points(tier.max_drop)} pts` : ''}`
}

/** The three largest failure modes, then the rest on one line. */
function topFailureModes(report: Report): string {
  const modes = report.failure_modes ?? failureModes(report.tasks)
  if (modes.length === 0) return ''
  const items = modes.slice(0, TOP_FAILURE_MODES).map((mode, i) => {
    const shown = mode.tasks.slice(0, FAILURE_MODE_EXAMPLES).map(oneLine).join(', ')
    const more = mode.count > FAILURE_MODE_EXAMPLES ? ` and ${mode.count - FAILURE_MODE_EXAMPLES} more` : ''
    return `${i + 1}. **${mode.label}** — ${plural(mode.count, 'task')}: ${shown}${more}`
  })
  const rest = modes.slice(TOP_FAILURE_MODES)
  const restLine = rest.length > 0 ? [`Also: ${rest.map((m) => `${m.label} (${m.count})`).join(', ')}.`] : []
  const notPassed = report.tasks.filter((t) => t.status !== 'pass').length
  const counted = modes.reduce((sum, m) => sum + m.count, 0)
  const note =
    counted > notPassed
      ? [`${plural(notPassed, 'task')} did not pass; a task with several causes counts under each.`]
      : []
  return ['### Top failure modes', items.join('\n'), ...restLine, ...note].join('\n\n')
}

function failedTasks(report: Report, maxFailed: number): string {
  const failed = report.tasks.filter((t) => t.status !== 'pass').sort(byImportance)
  if (failed.length === 0) return ''
  const withWorkflow = severalWorkflows(report)
  const rows = failed
    .slice(0, maxFailed)
    .map((t) => [
      withWorkflow ? `${t.workflow}/${t.id}` : t.id,
      t.tier,
      t.risk,
      statusCell(t, report.repeat),
      truncate(t.reasons.join('; '), REASONS_CELL_LIMIT)
    ])
  const table = markdownTable(['Task', 'Tier', 'Risk', 'Status', 'Reasons'], rows)
  return `### Failed tasks (${failed.length})\n\n${table}${moreLine(failed.length, maxFailed)}`
}

// Most important first, since the table is cut: T1 before T3, high risk before low.
function byImportance(a: TaskResult, b: TaskResult): number {
  return TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk)
}

function statusCell(task: TaskResult, repeat: number): string {
  const status = task.status === 'not_run' ? 'not run' : task.status
  return repeat > 1 && task.attempts.total > 0
    ? `${status} (${task.attempts.passed}/${task.attempts.total} attempts passed)`
    : status
}

function baselineChanges(report: Report, maxFailed: number): string {
  const { baseline } = report
  if (!baseline) return ''
  const byName = new Map<string, TaskResult>()
  for (const t of report.tasks) byName.set(severalWorkflows(report) ? `${t.workflow}/${t.id}` : t.id, t)
  const item = (name: string, withReason: boolean): string => {
    const task = byName.get(name)
    if (!task) return `- ${oneLine(name)}`
    const reason =
      withReason && task.reasons.length > 0 ? `: ${truncate(oneLine(task.reasons[0]), REGRESSION_REASON_LIMIT)}` : ''
    return `- ${oneLine(name)} (${task.tier})${reason}`
  }
  const list = (title: string, meaning: string, names: string[], withReason: boolean): string =>
    names.length === 0
      ? `**${title}:** none`
      : `**${title} (${names.length})** — ${meaning}:\n\n` +
        names
          .slice(0, maxFailed)
          .map((name) => item(name, withReason))
          .join('\n') +
        moreLine(names.length, maxFailed)
  return [
    `### Against the baseline (${oneLine(baseline.file)})`,
    list('Regressions', 'passed in the baseline, fail now', baseline.regressions, true),
    list('Fixed', 'failed in the baseline, pass now', baseline.fixed, false)
  ].join('\n\n')
}

function totals(report: Report): string {
  const t = report.totals
  const breakdown = [
    `${t.passed} passed`,
    `${t.failed} failed`,
    `${t.errored} errored`,
    ...(t.not_run > 0 ? [`${t.not_run} not run`] : [])
  ]
  const unpriced = t.cost_unknown_models?.length ? ` (no price for ${t.cost_unknown_models.join(', ')})` : ''
  const lines = [
    `- Tasks: ${t.tasks} (${breakdown.join(', ')})`,
    `- Errors: ${plural(t.errored, 'task')} errored, error rate ${percent(t.error_rate)} (max_error_rate ${thresholdPercent(report.gate.max_error_rate)})`,
    `- Duration: ${formatDuration(t.duration_ms)} (sum of task run times)`,
    `- Model calls: ${formatCount(t.model_calls)} · Tool calls: ${formatCount(t.tool_calls)} · ` +
      `Tokens: ${formatCount(t.tokens.input)} in / ${formatCount(t.tokens.output)} out`,
    `- Cost: ${formatUsd(t.cost_usd)}${unpriced} · per successful task: ${formatUsd(t.cost_per_success_usd)}`
  ]
  if (t.model_calls > 0) {
    const byTier = report.tiers
      .map((tier) => {
        const name = `${severalWorkflows(report) ? `${tier.workflow} ` : ''}${tier.tier}`
        return `${name} ${formatUsd(tier.cost_usd)} (${formatUsd(tier.cost_per_success_usd ?? null)} per success)`
      })
      .join(' · ')
    lines.push(`- Cost by tier: ${byTier}`)
  }
  if (report.repeat > 1) {
    const attemptRates = report.tiers
      .map(
        (tier) =>
          `${severalWorkflows(report) ? `${tier.workflow} ` : ''}${tier.tier} ${percent(tier.attempt_success_rate)}`
      )
      .join(', ')
    lines.push(
      `- Repeat: --repeat ${report.repeat}: pass^${report.repeat} per tier (a task passes only when all ` +
        `${report.repeat} attempts pass); share of attempts passed: ${attemptRates}`
    )
  }
  if (report.shard) {
    const { index, count, set_size } = report.shard
    lines.push(`- Shard ${index + 1}/${count} of ${set_size} tasks: merge all shards to decide the gate`)
  }
  if (report.commit) lines.push(`- Commit: ${report.commit}`)
  return `### Totals\n\n${lines.join('\n')}`
}

function moreLine(total: number, shown: number): string {
  return total > shown ? `\n\n…and ${total - shown} more (see report.json)` : ''
}

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
}

/** A table cell: one line, no column breaks. */
export function escapeCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|')
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}
