// summary.md: what a PR reader needs in ten seconds (verdict, tiers, why), then the detail.
import {
  formatCount,
  formatDuration,
  formatUsd,
  percent,
  plural,
  points,
  signedPoints,
  thresholdPercent,
  usdLimit
} from '../gate/format.js'
import { severalWorkflows } from '../gate/labels.js'
import { isFlaky } from '../gate/task-attempts.js'
import { RISKS, TIERS } from '../model/types.js'
import type { Report, TaskResult, TierSummary } from '../model/types.js'
import { headline, tierColumns } from './cells.js'
import { failedChecks } from '../gate/decide.js'
import { failureModes } from './failure-modes.js'
import { gateChangesSection } from './gate-changes.js'
import { drillLine, drillTaskName } from '../gate/drill.js'
import { faultedTasks, toolFaultsLine } from '../gate/tool-faults.js'
import { preview } from '../util/preview.js'
import { inertText } from './inert-text.js'
import { markdownTable, oneLine } from './markdown-table.js'
import { rolloutSection } from './rollout-section.js'
import { incidentsSection, versionsSection } from './versions-section.js'
import { readinessSection } from './readiness-section.js'

export { escapeCell } from './markdown-table.js'

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
    baselineWarning(report),
    tierTable(report),
    topFailureModes(report),
    report.reasons.map((r) => `- ${inertText(r)}`).join('\n'),
    decisionNotes(report),
    gateChangesSection(report.gate_changes),
    versionsSection(report),
    failedTasks(report, maxFailed),
    flakyTasks(report, maxFailed),
    baselineChanges(report, maxFailed),
    rolloutSection(report),
    drillSection(report),
    incidentsSection(report),
    toolFaultsSection(report),
    readinessSection(report),
    totals(report)
  ]
  return sections.filter((s) => s !== '').join('\n\n') + '\n'
}

/** On top: a baseline that lacks some of the run's tiers compares nothing there, and max_drop is inert. */
export function baselineWarning(report: Report): string {
  const missing = report.baseline?.missing_tiers ?? []
  if (missing.length === 0) return ''
  const several = severalWorkflows(report)
  const names = missing.map((t) => (several ? `${t.workflow} ${t.tier}` : t.tier)).join(', ')
  return (
    `> **Warning:** the baseline ${oneLine(report.baseline!.file)} has no result for ${names}: ` +
    `${missing.length === 1 ? 'that tier is' : 'those tiers are'} not compared with it (no paired comparison, no \`max_drop\`).`
  )
}

export function tierTable(report: Report): string {
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
    const shown = mode.tasks
      .slice(0, FAILURE_MODE_EXAMPLES)
      .map((text) => inertText(text))
      .join(', ')
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

/** The tasks that did not pass, most important first; a flaky one (some attempts passed) is in the flaky list instead. */
export function failedTaskList(report: Report): TaskResult[] {
  return report.tasks.filter((t) => t.status !== 'pass' && !isFlaky(t.attempts)).sort(byImportance)
}

/** A task as lists name it: `workflow/id` when the report has several workflows. */
export function taskName(report: Report, task: TaskResult): string {
  return severalWorkflows(report) ? `${task.workflow}/${task.id}` : task.id
}

function failedTasks(report: Report, maxFailed: number): string {
  const failed = failedTaskList(report)
  if (failed.length === 0) return ''
  const rows = failed
    .slice(0, maxFailed)
    .map((t) => [
      inertText(taskName(report, t)),
      t.tier,
      t.risk,
      statusCell(t),
      inertText(truncate(t.reasons.join('; '), REASONS_CELL_LIMIT))
    ])
  const table = markdownTable(['Task', 'Tier', 'Risk', 'Status', 'Reasons'], rows)
  return `### Failed tasks (${failed.length})\n\n${table}${moreLine(failed.length, maxFailed)}`
}

/** Most important first, since the table is cut: T1 before T3, high risk before low. */
export function byImportance(a: TaskResult, b: TaskResult): number {
  return TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk)
}

function statusCell(task: TaskResult): string {
  const status = task.status === 'not_run' ? 'not run' : task.status
  return task.attempts.total > 1 ? `${status} (${task.attempts.passed}/${task.attempts.total} attempts passed)` : status
}

/** How each gated tier's interval was computed and decided, and the tiers too small to judge. */
function decisionNotes(report: Report): string {
  const several = severalWorkflows(report)
  const lines = report.tiers.flatMap((t) => {
    const d = t.decision
    if (!d || !t.ci_method) return []
    const label = `${several ? `${t.workflow} ` : ''}${t.tier}`
    const rule =
      `${thresholdPercent(d.confidence)} confidence outside a ${points(d.margin)}-point margin` +
      (report.attempts.mode === 'fixed'
        ? `, ${plural(report.repeat ?? 1, 'attempt')} per task (--repeat)`
        : `, up to ${d.max_attempts} attempts per task`)
    return [`- ${label}: ${t.ci_method}; ${rule}`]
  })
  const warnings = tooSmallWarnings(report)
  if (lines.length === 0 && warnings.length === 0) return ''
  return [
    '<details><summary>How the tiers were decided</summary>',
    '',
    ...lines,
    '',
    '</details>',
    ...(warnings.length > 0 ? ['', ...warnings] : [])
  ].join('\n')
}

/** The tiers too small to tell their threshold from a few points below it. */
export function tooSmallWarnings(report: Report): string[] {
  return report.tiers.flatMap((t) => (t.too_small ? [`- ⚠️ ${t.too_small}`] : []))
}

const FLAKY_OPEN_LIMIT = 10

/** Tasks with mixed outcomes; collapsed when the list is long (the PR comment stays short). */
function flakyTasks(report: Report, maxShown: number): string {
  const names = report.flaky_tasks
  if (names.length === 0) return ''
  const list = flakyList(report, maxShown)
  const title = `Flaky tasks (${names.length}) — mixed outcomes across attempts`
  return names.length > FLAKY_OPEN_LIMIT
    ? `<details><summary><strong>${title}</strong></summary>\n\n${list}\n\n</details>`
    : `### ${title}\n\n${list}`
}

/** The flaky tasks with their passes and attempts, up to `maxShown`. */
export function flakyList(report: Report, maxShown: number): string {
  const names = report.flaky_tasks
  const byName = new Map(report.tasks.map((t) => [severalWorkflows(report) ? `${t.workflow}/${t.id}` : t.id, t]))
  const items = names.slice(0, maxShown).map((name) => {
    const task = byName.get(name)
    return task
      ? `- ${inertText(name)} (${task.tier}, ${task.risk} risk): passed ${task.attempts.passed} of ${task.attempts.total} attempts`
      : `- ${inertText(name)}`
  })
  return items.join('\n') + moreLine(names.length, maxShown)
}

function baselineChanges(report: Report, maxFailed: number): string {
  if (!report.baseline) return ''
  return [`### Against the baseline (${inertText(report.baseline.file)})`, baselineLists(report, maxFailed)].join(
    '\n\n'
  )
}

/** The tasks that regressed, were fixed or are flaky against the baseline, and the paired comparison per tier. */
export function baselineLists(report: Report, maxFailed: number): string {
  const baseline = report.baseline
  if (!baseline) return ''
  const byName = new Map<string, TaskResult>()
  for (const t of report.tasks) byName.set(severalWorkflows(report) ? `${t.workflow}/${t.id}` : t.id, t)
  const item = (name: string, withReason: boolean): string => {
    const task = byName.get(name)
    if (!task) return `- ${inertText(name)}`
    const reason =
      withReason && task.reasons.length > 0 ? `: ${inertText(truncate(task.reasons[0], REGRESSION_REASON_LIMIT))}` : ''
    return `- ${inertText(name)} (${task.tier})${reason}`
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
  const highRisk = baseline.high_risk_regressions ?? []
  return [
    ...(highRisk.length > 0
      ? [list('High-risk regressions', 'each fails the gate (baseline.block_high_risk_regressions)', highRisk, true)]
      : []),
    list('Regressions', 'passed every attempt in the baseline, fail every attempt now', baseline.regressions, true),
    list('Fixed', 'failed every attempt in the baseline, pass every attempt now', baseline.fixed, false),
    list('Flaky', 'mixed outcomes on either side, not counted as regressed or fixed', baseline.flaky ?? [], false),
    ...pairedLines(report)
  ].join('\n\n')
}

function pairedLines(report: Report): string[] {
  const several = severalWorkflows(report)
  const lines = report.tiers.flatMap((t) => {
    const p = t.paired
    if (!p) return []
    const label = `${several ? `${t.workflow} ` : ''}${t.tier}`
    return [
      `- ${label}: paired over ${plural(p.common, 'task')}: drop ${signedPoints(-p.drop)} points, ` +
        `${p.regressed} regressed vs ${p.fixed} fixed, McNemar p = ${Number(p.p_value.toPrecision(2))}` +
        `${p.significant ? ' (significant)' : ''}`
    ]
  })
  return lines.length > 0 ? [lines.join('\n')] : []
}

function totals(report: Report): string {
  const t = report.totals
  const breakdown = [
    `${t.passed} passed`,
    `${t.failed} failed`,
    `${t.errored} errored`,
    ...(t.not_run > 0 ? [`${t.not_run} not run`] : [])
  ]
  const unpriced = t.cost_unknown_models?.length ? ` (no price for ${inertText(t.cost_unknown_models.join(', '))})` : ''
  const lines = [
    `- Tasks: ${t.tasks} (${breakdown.join(', ')})`,
    `- Errors: ${plural(t.errored, 'task')} errored, error rate ${percent(t.error_rate)} (max_error_rate ${thresholdPercent(report.gate.max_error_rate)})`,
    `- Duration: ${formatDuration(t.duration_ms)} (sum of task run times)`,
    `- Model calls: ${formatCount(t.model_calls)} · Tool calls: ${formatCount(t.tool_calls)} · ` +
      `Tokens: ${formatCount(t.tokens.input)} in / ${formatCount(t.tokens.output)} out`,
    `- Cost: ${formatUsd(t.cost_usd)}${unpriced} · per successful task: ${formatUsd(t.cost_per_success_usd)}` +
      perAttemptText(report, t.cost_per_passed_attempt_usd)
  ]
  const margins = marginLine(report)
  if (margins) lines.push(margins)
  if (t.model_calls > 0 || report.economics || report.tiers.some((tier) => tier.cost_limit)) {
    const byTier = report.tiers
      .map((tier) => {
        const name = `${severalWorkflows(report) ? `${tier.workflow} ` : ''}${tier.tier}`
        const extra = [
          ...(tier.cost_per_passed_attempt_usd !== undefined
            ? [`${formatUsd(tier.cost_per_passed_attempt_usd)} per passed attempt`]
            : []),
          ...(tier.cost_limit
            ? [
                `max ${usdLimit(tier.cost_limit.max_usd)}${failedChecks(tier).includes('max_cost_per_success') ? ' — **over**' : ''}`
              ]
            : []),
          ...(tier.gross_margin != null ? [`margin ${percent(tier.gross_margin)}`] : [])
        ]
        return `${name} ${formatUsd(tier.cost_usd)} (${[`${formatUsd(tier.cost_per_success_usd ?? null)} per success`, ...extra].join(', ')})`
      })
      .join(' · ')
    lines.push(`- Cost by tier: ${byTier}`)
  }
  lines.push(attemptsLine(report))
  if (report.attempts.total > t.tasks) {
    const passK = report.tiers
      .filter((tier) => tier.pass_k && tier.pass_k.k > 1)
      .map(
        (tier) =>
          `${severalWorkflows(report) ? `${tier.workflow} ` : ''}${tier.tier} pass^${tier.pass_k!.k} ${percent(tier.pass_k!.rate)}`
      )
    if (passK.length > 0) lines.push(`- pass^k (every one of k attempts passes): ${passK.join(', ')}`)
  }
  if (report.shard) {
    const { index, count, set_size } = report.shard
    lines.push(`- Shard ${index + 1}/${count} of ${set_size} tasks: merge all shards to decide the gate`)
  }
  if (report.commit) lines.push(`- Commit: ${report.commit}`)
  return `### Totals\n\n${lines.join('\n')}`
}

/** ` · per passed attempt: $0.18`, what the cost rules judge, where one applies. */
function perAttemptText(report: Report, usd: number | null | undefined): string {
  if (usd === undefined) return ''
  const cached = report.tasks.some((task) => task.cached_cost_usd !== undefined)
  return ` · per passed attempt: ${formatUsd(usd)}${cached ? ' (cached responses at their price)' : ''}`
}

/** `Gross margin: 62.0% (min 70%, value $1.00) — **fail**`, per workflow with economics. */
function marginLine(report: Report): string {
  const entries = report.economics ?? []
  if (entries.length === 0) return ''
  const several = severalWorkflows(report)
  const items = entries.map((e) => {
    const margin = e.gross_margin === null ? 'none' : percent(e.gross_margin)
    const min = e.min_gross_margin !== null ? `min ${thresholdPercent(e.min_gross_margin)}, ` : ''
    return `${several ? `${inertText(e.workflow)} ` : ''}${margin} (${min}value ${formatUsd(e.value_per_success_usd)})${e.ok ? '' : ' — **fail**'}`
  })
  return `- Gross margin (1 − cost per passed attempt / value): ${items.join(' · ')}`
}

/** `Attempts: 162 in 3 rounds (adaptive; 102 extra, $0.12)`, and what stopped them. */
function attemptsLine(report: Report): string {
  const a = report.attempts
  const how = a.mode === 'fixed' ? `--repeat ${report.repeat ?? 1}` : 'adaptive'
  const extra = a.extra > 0 ? `; ${formatCount(a.extra)} extra, ${formatUsd(a.extra_cost_usd)}` : ''
  const stopped = a.stopped_by ? ` — ${a.stopped_by}` : ''
  return `- Attempts: ${formatCount(a.total)} in ${plural(a.rounds, 'round')} (${how}${extra})${stopped}`
}

function moreLine(total: number, shown: number): string {
  return total > shown ? `\n\n…and ${total - shown} more (see report.json)` : ''
}

/** The kill-switch drill: absent without a kill switch. */
function drillSection(report: Report): string {
  const { drill } = report
  if (!drill) return ''
  const intro = `### Kill-switch drill\n\n${drillLine(drill)} (counted apart from the tiers).`
  if (drill.failures.length === 0) return intro
  const rows = drill.failures.map((f) => [
    inertText(drillTaskName(report, f)),
    f.status,
    inertText(truncate(f.reason, REASONS_CELL_LIMIT))
  ])
  return `${intro}\n\n${markdownTable(['Task', 'Status', 'Reason'], rows)}`
}

/** How the agent behaved when tools failed: absent when no task's fixtures made a fault. */
function toolFaultsSection(report: Report): string {
  const faulted = faultedTasks(report)
  if (faulted.length === 0) return ''
  const rows = faulted.map((t) => [
    inertText(t.task),
    t.tier,
    inertText(truncate(t.faults.join('; '), REASONS_CELL_LIMIT)),
    t.answered,
    t.status
  ])
  const table = markdownTable(['Task', 'Tier', 'Faults', 'Answered', 'Status'], rows)
  return `### Tool faults

${toolFaultsLine(faulted)}.

${table}`
}

function truncate(text: string, limit: number): string {
  return preview(text, limit, { markInside: true })
}
