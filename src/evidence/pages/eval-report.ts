// (d) The eval report: the decision and why, each tier's success rate with its interval against
// its threshold, and what a success costs. report.html has the rest.
import { formatCount, formatUsd, percent, plural, thresholdPercent } from '../../gate/format.js'
import { briefTierColumns, tierTable } from '../../html/sections/tier-table.js'
import { markdownTable } from '../../report/markdown-table.js'
import { failureModes } from '../../report/failure-modes.js'
import { inertText } from '../../report/inert-text.js'
import { TIERS, type Report } from '../../model/types.js'
import type { Block } from '../blocks.js'
import { decisionCallout } from '../decision.js'
import type { EvidenceInput, EvidenceRun, EvidenceWorkflow } from '../input.js'
import { facts, heading, muted, paragraph, perWorkflow } from '../make.js'
import type { PackPage } from '../page.js'

const TOP_FAILURE_MODES = 3

export const evalReportPage: PackPage = {
  id: 'eval-report',
  title: 'Eval report',
  summary: (input) =>
    input.run
      ? `${input.run.report.decision.toUpperCase()}; ${tierRates(input.run.report)}; ` +
        `${formatUsd(input.run.report.totals.cost_per_success_usd)} per successful task`
      : 'no run was given',
  blocks: (input) => (input.run ? runBlocks(input.run, input) : [decisionCallout(undefined), ...rulesBlocks(input)])
}

function runBlocks(run: EvidenceRun, input: EvidenceInput): Block[] {
  const { report } = run
  const t = report.totals
  const columns = briefTierColumns(report)
  return [
    decisionCallout(run),
    facts([
      ['Report', { text: run.file, code: true }],
      ['Date', report.created_at],
      ['Commit', report.commit ?? 'not recorded'],
      ['Tasks', `${formatCount(t.tasks)}: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored`],
      ['Attempts', `${formatCount(report.attempts.total)} (${report.attempts.mode})`],
      ['Cost', `${formatUsd(t.cost_usd)}; per successful task ${formatUsd(t.cost_per_success_usd)}`],
      ['Error rate', `${percent(t.error_rate)} (max ${thresholdPercent(report.gate.max_error_rate)})`]
    ]),
    heading(3, 'Tiers'),
    {
      kind: 'rendered',
      html: tierTable(report, columns),
      markdown: markdownTable(
        columns.map((c) => c.header),
        report.tiers.map((tier) => columns.map((c) => inertText(c.cell(tier))))
      )
    },
    muted('Success rate: the share of the tier’s golden tasks that passed; the interval says how sure that rate is.'),
    ...failureModeBlocks(report),
    ...workflowMismatch(report, input),
    fullReport(run)
  ]
}

function failureModeBlocks(report: Report): Block[] {
  const modes = report.failure_modes ?? failureModes(report.tasks)
  if (modes.length === 0) return []
  return [
    heading(3, 'Top failure modes'),
    {
      kind: 'list',
      ordered: true,
      items: modes.slice(0, TOP_FAILURE_MODES).map((mode) => `${mode.label}: ${plural(mode.count, 'task')}`)
    }
  ]
}

/** The report is of other workflows than the manifests the pack shows. */
function workflowMismatch(report: Report, input: EvidenceInput): Block[] {
  const declared = new Set(input.workflows.map((w) => w.info.name))
  const run = report.workflows.map((w) => w.name)
  const notDeclared = run.filter((name) => !declared.has(name))
  const notRun = [...declared].filter((name) => !run.includes(name))
  if (notDeclared.length === 0 && notRun.length === 0) return []
  const parts = [
    ...(notDeclared.length > 0 ? [`the report covers ${notDeclared.join(', ')}, which no manifest here declares`] : []),
    ...(notRun.length > 0 ? [`the report has no result for ${notRun.join(', ')}`] : [])
  ]
  return [paragraph({ text: `Note: ${parts.join('; ')}.`, strong: true })]
}

function fullReport(run: EvidenceRun): Block {
  return run.reportHtml
    ? paragraph(['Every task, trace and rule: ', { text: 'report.html', href: run.reportHtml }, '.'])
    : muted('The full report (report.html) is not beside the report given.')
}

/** Without a run: the rules a run is judged by, tier by tier. */
function rulesBlocks(input: EvidenceInput): Block[] {
  return perWorkflow(input, (w) => [
    heading(3, 'What a run must show'),
    {
      kind: 'table',
      header: ['Tier', 'Golden tasks', 'Min success', 'Min tasks'],
      rows: ruleRows(w),
      numeric: [1, 2, 3]
    }
  ])
}

function ruleRows(w: EvidenceWorkflow): string[][] {
  return TIERS.filter((tier) => w.tasks.some((t) => t.tier === tier) || w.rules[tier]).map((tier) => {
    const rule = w.rules[tier]
    return [
      tier,
      String(w.tasks.filter((t) => t.tier === tier).length),
      rule ? `≥ ${thresholdPercent(rule.min_success)}` : 'not gated',
      rule?.min_tasks !== undefined ? String(rule.min_tasks) : '—'
    ]
  })
}

/** `T1 95.0%, T2 77.8%` (with the workflow when there are several). */
function tierRates(report: Report): string {
  const several = report.workflows.length > 1
  return report.tiers.map((t) => `${several ? `${t.workflow} ` : ''}${t.tier} ${percent(t.success_rate)}`).join(', ')
}
