// What one gate (or merge) outcome means for the step, the commit status, the summary and the
// comment. Pure: publish.ts does the writing.
import type { Problem } from '../util/problems.js'
import type { OverrideRules, Report } from '../model/types.js'
import { renderSummary } from '../report/summary.js'
import { outcomeLine, renderBrief, type Brief } from '../report/brief.js'
import type { OutputPaths } from '../report/outputs.js'
import type { StatusState } from '../github/statuses.js'
import { describeProblem, problemList } from './problem-text.js'
import { short, type OverrideRecord } from './comment-body.js'
import { quietMention } from './escape.js'
import { inertText } from '../report/inert-text.js'
import { fitDescription, gateDescription } from './status-description.js'

export type GateOutcome =
  | {
      kind: 'report'
      report: Report
      paths: OutputPaths
      /** The run's effective `override` rules (the engine's); absent: read from the base commit. */
      overrideRules?: OverrideRules
    }
  /** The model key is not available (fork PRs get no secrets): the agent was not run. */
  | { kind: 'not-run'; keys: string[] }
  /** Problems in the user's files, or shard reports that cannot be merged. */
  | { kind: 'invalid'; problems: Problem[]; subject?: string }

export type Decision = 'pass' | 'fail' | 'error' | 'overridden'

export interface Verdict {
  decision: Decision
  state: StatusState
  description: string
  /** The job summary. */
  summary: string
  /** The PR comment's view of the outcome: its first line, what shows without a click, the folded detail. */
  comment: Brief
  /** Tiers that failed, recorded in the comment for the override audit line. */
  failedTiers?: string[]
  paths?: OutputPaths
  successRates: Record<string, number>
  /** Why the step fails, when it does. */
  failure?: string
}

export function verdictOf(outcome: GateOutcome, override?: OverrideRecord): Verdict {
  switch (outcome.kind) {
    case 'report':
      return reportVerdict(outcome.report, outcome.paths, override)
    case 'not-run':
      return notRunVerdict(outcome.keys)
    case 'invalid':
      return invalidVerdict(outcome.problems, outcome.subject ?? 'the input files')
  }
}

function reportVerdict(report: Report, paths: OutputPaths, override: OverrideRecord | undefined): Verdict {
  const base = { paths, successRates: successRates(report) }
  const facts = gateDescription(report)
  if (report.decision === 'fail' && override) {
    const note = `**Overridden** by ${quietMention(override.login)} on \`${short(override.sha)}\` (${override.at}): ${override.reason}`
    return {
      ...base,
      decision: 'overridden',
      state: 'success',
      description: fitDescription(`overridden by @${override.login}`),
      summary: `${note}\n\n${renderSummary(report)}`,
      comment: renderBrief(report),
      failedTiers: failedTiers(report)
    }
  }
  const state: StatusState = report.decision === 'pass' ? 'success' : report.decision === 'fail' ? 'failure' : 'error'
  return {
    ...base,
    decision: report.decision,
    state,
    description: facts,
    summary: renderSummary(report),
    comment: renderBrief(report),
    ...(report.decision === 'fail' ? { failedTiers: failedTiers(report) } : {}),
    ...(report.decision === 'pass'
      ? {}
      : { failure: `evalgate: the gate ${report.decision === 'fail' ? 'failed' : 'could not decide'}: ${facts}` })
  }
}

function notRunVerdict(keys: string[]): Verdict {
  const names = keys.join(', ')
  const description = fitDescription(`not run: ${names} ${keys.length > 1 ? 'are' : 'is'} not available (fork PR?)`)
  const missing = `${inertText(names)} ${keys.length > 1 ? 'are' : 'is'} not available`
  const why = `${missing} to this run, so the agent was not run and the gate is not decided.`
  const advice =
    'GitHub gives no secrets to workflows of pull requests from forks. A maintainer can push the change to a branch of this repository, or run the gate with `workflow_dispatch`; the gate stays `error` until then.'
  return errorVerdict(description, {
    summary: `**evalgate: NOT RUN** — ${why}\n\n${advice}`,
    comment: {
      outcome: outcomeLine('error', `error — not run: ${missing} (fork PR?)`),
      above: `${why}\n\n${advice}`,
      folds: ''
    },
    failure: `evalgate: ${description}`
  })
}

function invalidVerdict(problems: Problem[], subject: string): Verdict {
  const errors = problems.filter((p) => p.severity === 'error')
  const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`
  const description = fitDescription(
    errors.length === 1 ? `error: ${describeProblem(errors[0])}` : `error: ${count} in ${subject} (see annotations)`
  )
  const list = problemList(errors)
  return errorVerdict(description, {
    summary: `**evalgate: ERROR** — ${count} in ${subject}; the gate was not decided:\n\n${list}`,
    comment: {
      outcome: outcomeLine('error', `error — ${count} in ${subject}`),
      above: `The gate was not decided:\n\n${list}`,
      folds: ''
    },
    failure: `evalgate: ${count} in ${subject}`
  })
}

/** A gate that could not be decided: status `error`, the reason in the summary and the comment. */
function errorVerdict(description: string, text: Pick<Verdict, 'summary' | 'comment' | 'failure'>): Verdict {
  return { decision: 'error', state: 'error', description, successRates: {}, ...text }
}

/** Success rate per tier, keyed `T1`, or `workflow/T1` when the report has several workflows. */
export function successRates(report: Report): Record<string, number> {
  const several = new Set(report.tiers.map((t) => t.workflow)).size > 1
  return Object.fromEntries(report.tiers.map((t) => [several ? `${t.workflow}/${t.tier}` : t.tier, t.success_rate]))
}

function failedTiers(report: Report): string[] {
  const several = new Set(report.tiers.map((t) => t.workflow)).size > 1
  return report.tiers.filter((t) => t.gated && !t.ok).map((t) => (several ? `${t.workflow}/${t.tier}` : t.tier))
}
