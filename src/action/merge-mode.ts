// Mode merge: the job after a sharded matrix merges the shard reports and publishes the verdict.
// It fails closed: a missing, repeated or foreign shard, or one edited after it ran (see
// src/report/merge-checks.ts), makes the gate `error`. It decides by the rules as the gate reads them.
import * as core from '@actions/core'
import type { CommitSource } from '../model/commit-source.js'
import { InputError } from '../util/problems.js'
import { mergeShardFiles } from '../report/merge-files.js'
import { judgedRules } from '../run/merge-rules.js'
import { baseSourceFor, noBaseNote } from './base-source.js'
import type { RunContext } from './event.js'
import { findFiles } from './find-files.js'
import type { ActionInputs } from './inputs.js'
import { publishWithEvidence } from './evidence.js'
import { failClosed, publishNoChanges, publishOutcome } from './publish.js'
import { targetOf, type Target } from './target.js'
import { relevantChanges } from './relevance.js'
import type { ModeResult } from './result.js'
import type { GateOutcome } from './verdict.js'
import { workspaceRoot } from './workspace.js'

export async function mergeMode(inputs: ActionInputs, ctx: RunContext): Promise<ModeResult> {
  const target = targetOf(inputs, ctx)
  return failClosed(target, () => merge(inputs, ctx, target))
}

async function merge(inputs: ActionInputs, ctx: RunContext, target: Target): Promise<ModeResult> {
  let base: CommitSource | undefined
  try {
    base = await baseSourceFor(ctx, target.client)
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    return publishOutcome(target, { kind: 'invalid', problems: err.problems, subject: 'the event' })
  }
  if (target.pr !== undefined) {
    const changes = await relevantChanges(target.client, target.pr, inputs)
    if (!changes.run) return publishNoChanges(target, changes)
  }
  if (!base) await core.summary.addRaw(`${noBaseNote(ctx.eventName)}\n\n`).write()
  const outcome = await mergeShards(inputs, base)
  return publishWithEvidence(target, outcome, inputs)
}

async function mergeShards(inputs: ActionInputs, base: CommitSource | undefined): Promise<GateOutcome> {
  const files = await findFiles(inputs.shardReports, process.cwd())
  if (files.length === 0)
    return {
      kind: 'invalid',
      subject: 'the shard reports',
      problems: [{ file: 'evalgate', message: `no shard report matches ${inputs.shardReports}`, severity: 'error' }]
    }
  // The rules as the gate reads them (on a PR the stricter of base and PR), never a shard's record.
  let judged: Awaited<ReturnType<typeof judgedRules>>
  try {
    judged = await judgedRules({
      tasksDir: inputs.tasks,
      thresholdsFile: inputs.thresholds,
      base,
      repoRoot: workspaceRoot(),
      whole: true,
      phase: inputs.phase,
      readiness: inputs.readiness
    })
  } catch (err) {
    if (err instanceof InputError) return { kind: 'invalid', problems: err.problems }
    throw err
  }
  try {
    const { report, paths } = await mergeShardFiles(files, inputs.out, judged.rules)
    // Overrides are re-verified under the same effective rules.
    return { kind: 'report', report, paths, overrideRules: judged.thresholds.override }
  } catch (err) {
    if (err instanceof InputError) return { kind: 'invalid', subject: 'the shard reports', problems: err.problems }
    throw err
  }
}
