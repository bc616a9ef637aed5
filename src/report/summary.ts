// summary.md: what a PR reader needs in ten seconds (verdict, tiers, why), then the detail.
import { percent, plural, thresholdPercent } from '../gate/format.js'
import { RISKS, TIERS } from '../model/types.js'
import type { Report, TaskResult } from '../model/types.js'
import { formatCount, formatDuration, formatUsd, headline, severalWorkflows, tierColumns } from './cells.js'

const REASONS_CELL_LIMIT = 300

export interface SummaryOptions {
  /** Rows of the failed-task table and items of the baseline lists before `…and N more`. */
  maxFailed?: number
}

export function renderSummary(report: Report, opts: SummaryOptions = {}): string {
  const maxFailed = opts.maxFailed ?? 50
  const sections = [
    headline(report, true),
    tierTable(report),
    report.reasons.map((r) => `- ${oneLine(r)}`).join('\n'),
    failedTasks(report, maxFailed),
    baselineChanges(report, maxFailed),
    totals(report)
  ]
  return sections.filter((s) => s !== '').join('\n\n') + '\n'
}

function tierTable(report: Report): string {
  const { header, rows } = tierColumns(report)
  return markdownTable(
    header,
    rows.map((row) => row.map((cell, i) => (header[i] === 'Verdict' && cell === 'fail' ? '**fail**' : cell)))
  )
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
  const list = (title: string, meaning: string, ids: string[]): string =>
    ids.length === 0
      ? `**${title}:** none`
      : `**${title} (${ids.length})** — ${meaning}:\n\n` +
        ids
          .slice(0, maxFailed)
          .map((id) => `- ${oneLine(id)}`)
          .join('\n') +
        moreLine(ids.length, maxFailed)
  return [
    `### Against the baseline (${oneLine(baseline.file)})`,
    list('Regressions', 'passed in the baseline, fail now', baseline.regressions),
    list('Fixed', 'failed in the baseline, pass now', baseline.fixed)
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
