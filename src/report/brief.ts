// The PR comment's view of a report, read in ten seconds: the outcome in one line, the tier
// table (with the change against the baseline), a line of totals; then the detail folded into
// <details> blocks, regressions first. summary.md (the job summary) keeps everything open.
import { formatDuration, formatUsd, plural } from '../gate/format.js'
import { ownReasons } from '../gate/task-attempts.js'
import { drillLine, drillTaskName } from '../gate/drill.js'
import type { Report, TaskResult } from '../model/types.js'
import { preview } from '../util/preview.js'
import { decisiveSummary } from './cells.js'
import { failureModes } from './failure-modes.js'
import { gateChangesOverview, gateChangesSection } from './gate-changes.js'
import { hasChanges } from '../model/gate-changes.js'
import { inertText } from './inert-text.js'
import { versionsBrief } from './versions-section.js'
import {
  baselineLists,
  baselineWarning,
  failedTaskList,
  flakyList,
  taskName,
  tierTable,
  tooSmallWarnings
} from './summary.js'

export interface Brief {
  /** The first line: the gate's own outcome, e.g. `❌ **evalgate: T2 75.4% < 80%**`. */
  outcome: string
  /** What shows without a click: the tier table and the totals. */
  above: string
  /** The detail, each part a collapsed <details> block. */
  folds: string
}

export type OutcomeKind = 'pass' | 'fail' | 'error'

const EMOJI: Record<OutcomeKind, string> = { pass: '✅', fail: '❌', error: '⚠️' }
const FAILED_SHOWN = 10
const LISTED_SHOWN = 10
const REASON_CHARS = 160
const CAUSES_SHOWN = 3

/** `❌ **evalgate: T2 75.4% < 80%**`: the comment's first line. */
export function outcomeLine(kind: OutcomeKind, text: string): string {
  return `${EMOJI[kind]} **evalgate: ${text}**`
}

export function renderBrief(report: Report): Brief {
  const unchangedGate = report.gate_changes && !hasChanges(report.gate_changes)
  const above = [
    baselineWarning(report),
    tierTable(report),
    totalsLine(report),
    versionsBrief(report),
    report.drill && report.drill.failures.length === 0 ? `Kill-switch drill: ${drillLine(report.drill)}` : '',
    unchangedGate ? gateChangesSection(report.gate_changes) : ''
  ]
  const folds = [
    regressionsFold(report),
    failuresFold(report),
    drillFold(report),
    flakyFold(report),
    gateChangesFold(report),
    decidedFold(report)
  ]
  return { outcome: reportOutcome(report), above: joinParts(above), folds: joinParts(folds) }
}

function reportOutcome(report: Report): string {
  const facts = decisiveSummary(report)
  if (report.decision === 'fail') return outcomeLine('fail', facts)
  return outcomeLine(report.decision, `${report.decision} — ${facts}`)
}

/** `58 tasks: 52 passed, 6 failed · 62 attempts · $0.58 · 5.8s` */
function totalsLine(report: Report): string {
  const t = report.totals
  const counts = [
    `${t.passed} passed`,
    `${t.failed} failed`,
    ...(t.errored > 0 ? [`${t.errored} errored`] : []),
    ...(t.not_run > 0 ? [`${t.not_run} not run`] : [])
  ]
  return [
    `${plural(t.tasks, 'task')}: ${counts.join(', ')}`,
    plural(report.attempts.total, 'attempt'),
    formatUsd(t.cost_usd),
    formatDuration(t.duration_ms)
  ].join(' · ')
}

function regressionsFold(report: Report): string {
  const baseline = report.baseline
  if (!baseline) return ''
  const highRisk = baseline.high_risk_regressions?.length ?? 0
  const facts = [
    ...(highRisk > 0 ? [`${highRisk} high-risk`] : []),
    `${baseline.fixed.length} fixed`,
    `${baseline.flaky?.length ?? 0} flaky`
  ]
  const title = `Regressions against the baseline (${baseline.regressions.length})`
  return fold(`<strong>${title}</strong> · ${facts.join(' · ')}`, baselineLists(report, LISTED_SHOWN))
}

function failuresFold(report: Report): string {
  const failed = failedTaskList(report)
  if (failed.length === 0) return ''
  const items = failed.slice(0, FAILED_SHOWN).map((t) => `- ${failureItem(report, t)}`)
  const more =
    failed.length > FAILED_SHOWN
      ? [`…and ${failed.length - FAILED_SHOWN} more: the job summary and the report artifact list them all.`]
      : []
  const modes = (report.failure_modes ?? failureModes(report.tasks)).slice(0, CAUSES_SHOWN)
  const causes = modes.map((m) => `${inertText(m.label, true)} (${m.count})`).join(', ')
  const title = `<strong>Failed tasks (${failed.length})</strong>${causes ? ` · top causes: ${causes}` : ''}`
  return fold(title, [items.join('\n'), ...more].join('\n\n'))
}

/** `t2-chargeback (T2, high risk): called issue_refund, which this task forbids (+1 more)` */
function failureItem(report: Report, task: TaskResult): string {
  const reasons = ownReasons(task)
  const attempts = task.attempts.total > 1 ? `, ${task.attempts.passed}/${task.attempts.total} attempts passed` : ''
  const status = task.status === 'fail' ? '' : `, ${task.status === 'not_run' ? 'not run' : task.status}`
  const first = reasons[0] ? `: ${inertText(preview(reasons[0], REASON_CHARS, { markInside: true }))}` : ''
  const more = reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ''
  return `${inertText(taskName(report, task))} (${task.tier}, ${task.risk} risk${status}${attempts})${first}${more}`
}

/** The drill's failed tasks, when it has any; a drill that passed is one line above the folds. */
function drillFold(report: Report): string {
  const drill = report.drill
  if (!drill || drill.failures.length === 0) return ''
  const items = drill.failures.slice(0, FAILED_SHOWN).map((f) => {
    const name = inertText(drillTaskName(report, f))
    const status = f.status === 'fail' ? '' : ` (${f.status})`
    return `- ${name}${status}: ${inertText(preview(f.reason, REASON_CHARS, { markInside: true }))}`
  })
  const more = drill.failures.length > FAILED_SHOWN ? [`…and ${drill.failures.length - FAILED_SHOWN} more.`] : []
  return fold(`<strong>Kill-switch drill</strong> · ${drillLine(drill)}`, [items.join('\n'), ...more].join('\n\n'))
}

function flakyFold(report: Report): string {
  const count = report.flaky_tasks.length
  if (count === 0) return ''
  return fold(`<strong>Flaky tasks (${count})</strong> · mixed outcomes`, flakyList(report, LISTED_SHOWN))
}

function gateChangesFold(report: Report): string {
  const changes = report.gate_changes
  if (!changes || !hasChanges(changes)) return ''
  return fold(
    `<strong>Changes to the gate in this PR</strong> · ${gateChangesOverview(changes)}`,
    gateChangesSection(changes, { fold: false })
  )
}

/** The gate's reasons and the tiers too small to judge closely; intervals and totals are in the job summary. */
function decidedFold(report: Report): string {
  const warnings = tooSmallWarnings(report)
  const reasons = report.reasons.map((r) => `- ${inertText(r)}`)
  if (reasons.length === 0 && warnings.length === 0) return ''
  const title = `<strong>How the gate decided</strong>${warnings.length > 0 ? ` · ⚠️ ${plural(warnings.length, 'tier')} too small to judge closely` : ''}`
  return fold(title, joinParts([reasons.join('\n'), warnings.join('\n')]))
}

/** A collapsed block: `summary` is HTML (evalgate's own words and counts only), `body` markdown. */
export function fold(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

export function joinParts(parts: string[]): string {
  return parts.filter((p) => p !== '').join('\n\n')
}
