// Mode gate (pull_request, workflow_dispatch): run the golden tasks when the PR touches the agent,
// judged as on the PR's base commit, then publish the verdict. A sharded run only writes its
// report: the merge job decides.
import * as core from '@actions/core'
import type { CommitSource } from '../model/commit-source.js'
import { InputError } from '../util/problems.js'
import { evaluate, type EvaluateOptions } from '../run/evaluate.js'
import { annotate } from './annotations.js'
import { baseSourceFor, noBaseNote } from './base-source.js'
import type { RunContext } from './event.js'
import type { ActionInputs } from './inputs.js'
import { missingKeyNames } from './missing-keys.js'
import { persistedCredential } from './persisted-credentials.js'
import { publishWithEvidence } from './evidence.js'
import { failClosed, publishNoChanges, publishOutcome, setStatus } from './publish.js'
import { targetOf, type Target } from './target.js'
import { relevantChanges } from './relevance.js'
import type { ModeResult } from './result.js'
import { reportOutputs } from './task-counts.js'
import { successRates, verdictOf, type GateOutcome } from './verdict.js'
import { workspaceRoot } from './workspace.js'

export async function gateMode(inputs: ActionInputs, ctx: RunContext): Promise<ModeResult> {
  const target = targetOf(inputs, ctx)
  // A shard sets no status: its failure reaches the merge as a missing report.
  return inputs.shard ? gate(inputs, ctx, target) : failClosed(target, () => gate(inputs, ctx, target))
}

async function gate(inputs: ActionInputs, ctx: RunContext, target: Target): Promise<ModeResult> {
  let base: CommitSource | undefined
  try {
    base = await baseSourceFor(ctx, target.client)
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    const outcome: GateOutcome = { kind: 'invalid', problems: err.problems, subject: 'the event' }
    return inputs.shard ? publishShardProblem(outcome) : publishOutcome(target, outcome)
  }
  if (target.pr !== undefined) {
    const changes = await relevantChanges(target.client, target.pr, inputs)
    if (!changes.run) {
      if (inputs.shard) return { decision: 'pass', successRates: {} }
      return publishNoChanges(target, changes)
    }
    for (const reason of changes.paths.alwaysRun) core.info(`the gate runs on every PR: ${reason}`)
    if (changes.matched.length > 0)
      core.info(`agent changes: ${changes.matched.slice(0, 10).join(', ')}${changes.matched.length > 10 ? ', …' : ''}`)
  }
  if (!base) await core.summary.addRaw(`${noBaseNote(ctx.eventName)}\n\n`).write()
  const credential = persistedCredential(workspaceRoot())
  if (credential) {
    const outcome: GateOutcome = { kind: 'invalid', problems: [credential], subject: 'the workflow' }
    return inputs.shard ? publishShardProblem(outcome) : publishOutcome(target, outcome)
  }
  if (inputs.shard) return runShard(inputs, target.sha, base)

  try {
    await setStatus(target, 'pending', 'running the golden tasks…')
  } catch (err) {
    core.warning(`could not set the pending status: ${(err as Error).message}`)
  }
  const outcome = await runGate(inputs, target.sha, base)
  return publishWithEvidence(target, outcome, inputs)
}

async function runGate(inputs: ActionInputs, sha: string, base: CommitSource | undefined): Promise<GateOutcome> {
  try {
    const { report, paths, thresholds } = await evaluate(evaluateOptions(inputs, sha, base))
    return { kind: 'report', report, paths, overrideRules: thresholds.override }
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    const keys = await missingKeyNames(inputs, err.problems)
    return keys.length > 0 ? { kind: 'not-run', keys } : { kind: 'invalid', problems: err.problems }
  }
}

/** One shard of a matrix: its report for the merge job, no status, no comment. */
async function runShard(inputs: ActionInputs, sha: string, base: CommitSource | undefined): Promise<ModeResult> {
  const outcome = await runGate(inputs, sha, base)
  if (outcome.kind !== 'report') return publishShardProblem(outcome)
  const { report, paths } = outcome
  await core.summary.addRaw(`**evalgate shard ${inputs.shard}** — merge all shards to decide the gate.\n\n`).write()
  core.info(`evalgate shard ${inputs.shard}: ${report.totals.passed}/${report.totals.tasks} passed; ${paths.report}`)
  return { decision: report.decision, paths, successRates: successRates(report), ...reportOutputs(report) }
}

async function publishShardProblem(outcome: Exclude<GateOutcome, { kind: 'report' }>): Promise<ModeResult> {
  const verdict = verdictOf(outcome)
  if (outcome.kind === 'invalid') annotate(outcome.problems)
  await core.summary.addRaw(verdict.summary).write()
  return { decision: 'error', successRates: {}, failure: verdict.failure }
}

function evaluateOptions(inputs: ActionInputs, sha: string, base: CommitSource | undefined): EvaluateOptions {
  return {
    tasksDir: inputs.tasks,
    thresholdsFile: inputs.thresholds,
    outDir: inputs.out,
    concurrency: inputs.concurrency,
    repeat: inputs.repeat,
    shard: inputs.shard,
    baselineFile: inputs.baseline,
    commit: sha,
    cacheDir: inputs.cache,
    phase: inputs.phase,
    openaiApiKey: inputs.openaiApiKey,
    openaiBaseUrl: inputs.openaiBaseUrl,
    // The run is judged as on the base commit (undefined: no PR, this commit's own rules).
    base,
    repoRoot: workspaceRoot(),
    otlpEndpoint: inputs.otlpEndpoint,
    readiness: inputs.readiness,
    warn: (message) => core.warning(`evalgate: ${message}`)
  }
}
