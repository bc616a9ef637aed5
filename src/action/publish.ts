// Writes a gate outcome where people and branch protection look: the job summary, the commit
// status on the head SHA and the PR comment. A failing write does not stop the others.
import * as core from '@actions/core'
import { setCommitStatus, type CommitStatus } from '../github/statuses.js'
import { annotate } from './annotations.js'
import type { OverrideRecord } from './comment-body.js'
import { noChangesComment, verdictComment } from './comment-update.js'
import { escapeUserText } from './escape.js'
import { noChangesSummary } from './no-changes.js'
import { fitDescription } from './status-description.js'
import type { Changes } from './relevance.js'
import { overrideInForce } from './override-check.js'
import type { VerifiedOverride } from './override-evidence.js'
import { emptyState, findOurComment, readThread, writeOurComment, type OurComment } from './pr-comment.js'
import type { ModeResult } from './result.js'
import type { Target } from './target.js'
import { reportOutputs } from './task-counts.js'
import { verdictOf, type GateOutcome } from './verdict.js'

export async function publishOutcome(target: Target, outcome: GateOutcome): Promise<ModeResult> {
  const failures: string[] = []
  const thread =
    target.pr === undefined
      ? undefined
      : await attempt(failures, () => readThread(target.client, target.pr!, target.context))
  // Without the existing comment a new one would be a second comment: then only the status is set.
  const commentRead = failures.length === 0
  const existing = thread?.ours
  const verified =
    thread && failedReport(outcome)
      ? await attempt(failures, () => overrideInForce(target, thread, outcome))
      : undefined
  const override = verified ? overrideRecord(verified) : undefined
  const verdict = verdictOf(outcome, override)
  if (outcome.kind === 'invalid') annotate(outcome.problems)
  await core.summary.addRaw(verdict.summary).write()

  await attempt(failures, () => setStatus(target, verdict.state, verdict.description))
  if (target.pr !== undefined && target.comment && commentRead) {
    const body = verdictComment(existing?.state ?? emptyState(), target, verdict, override)
    await attempt(failures, () => writeOurComment(target.client, target.pr!, existing, body))
  }
  if (failures.length > 0) await core.summary.addRaw(apiProblems(failures)).write()
  core.info(`evalgate: ${verdict.decision} (${verdict.description})`)
  return {
    decision: verdict.decision,
    paths: verdict.paths,
    successRates: verdict.successRates,
    ...(outcome.kind === 'report' ? reportOutputs(outcome.report) : {}),
    failure: joinFailures([verdict.failure, ...failures])
  }
}

/** No agent file changed: the gate passes without running; the summary says which rules decided, an existing comment says so. */
export async function publishNoChanges(target: Target, changes: Changes): Promise<ModeResult> {
  const failures: string[] = []
  const summary = noChangesSummary(changes)
  await core.summary.addRaw(summary).write()
  await attempt(failures, () => setStatus(target, 'success', 'no agent changes'))
  if (target.pr !== undefined && target.comment) {
    const existing = await attempt(failures, () => readComment(target))
    if (existing) {
      const body = noChangesComment(existing.state, target)
      await attempt(failures, () => writeOurComment(target.client, target.pr!, existing, body))
    }
  }
  core.info('evalgate: no agent changes, the gate was not run')
  return { decision: 'pass', successRates: {}, failure: joinFailures(failures) }
}

/**
 * Runs a mode that publishes a verdict: whatever fails in it (a GitHub API call that failed after
 * its retries, a bug) makes the status `error` when it can still be set, never leaves it pending or
 * as it was, and puts the reason in the job summary.
 */
export async function failClosed(target: Target, run: () => Promise<ModeResult>): Promise<ModeResult> {
  try {
    return await run()
  } catch (err) {
    const message = (err as Error)?.message ?? String(err)
    const failure = message.startsWith('evalgate') ? message : `evalgate: ${message}`
    let statusFailure: string | undefined
    try {
      await setStatus(target, 'error', fitDescription(`error: ${message}`))
    } catch (statusErr) {
      statusFailure = (statusErr as Error).message
    }
    const lines = [`**evalgate: ERROR** — the gate was not decided: ${message}`]
    if (statusFailure) lines.push('', `The commit status could not be set either: ${statusFailure}`)
    await core.summary.addRaw(`${lines.join('\n')}\n`).write()
    return { decision: 'error', successRates: {}, failure: joinFailures([failure, statusFailure]) }
  }
}

export async function setStatus(target: Target, state: CommitStatus['state'], description: string): Promise<void> {
  await setCommitStatus(target.client, target.sha, {
    state,
    context: target.context,
    description,
    targetUrl: target.runUrl
  })
}

function failedReport(outcome: GateOutcome): outcome is Extract<GateOutcome, { kind: 'report' }> {
  return outcome.kind === 'report' && outcome.report.decision === 'fail'
}

function overrideRecord(v: VerifiedOverride): OverrideRecord {
  return { sha: v.sha, login: v.login, at: v.at, reason: escapeUserText(v.reason), tiers: [] }
}

async function readComment(target: Target): Promise<OurComment | undefined> {
  return target.pr === undefined ? undefined : findOurComment(target.client, target.pr, target.context)
}

async function attempt<T>(failures: string[], action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action()
  } catch (err) {
    failures.push((err as Error).message)
    return undefined
  }
}

/** Calls that failed while publishing: the verdict stands (an override unverified does not count). */
function apiProblems(failures: string[]): string {
  const lines = failures.map((f) => `- ${f}`)
  return `\n\n**Not everything could be published** (the gate fails closed: an override that could not be verified does not count):\n\n${lines.join('\n')}\n`
}

function joinFailures(failures: (string | undefined)[]): string | undefined {
  const present = failures.filter((f): f is string => !!f)
  return present.length > 0 ? present.join('\n') : undefined
}
