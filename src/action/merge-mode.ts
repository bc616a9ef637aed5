// Mode merge: the job after a sharded matrix merges the shard reports and publishes the verdict.
// It fails closed: a missing, repeated or foreign shard makes the gate `error`.
import * as core from '@actions/core'
import type { CommitSource } from '../base/source.js'
import { InputError } from '../load/problems.js'
import { mergeShardFiles } from '../report/merge-files.js'
import { baseSourceFor, noBaseNote } from './base-source.js'
import type { RunContext } from './event.js'
import { findFiles } from './find-files.js'
import type { ActionInputs } from './inputs.js'
import { failClosed, publishNoChanges, publishOutcome, targetOf, type Target } from './publish.js'
import { relevantChanges } from './relevance.js'
import type { ModeResult } from './result.js'
import type { GateOutcome } from './verdict.js'

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
  // The shards were judged as on the base; publishOutcome re-verifies overrides under the base's rules.
  return publishOutcome(target, await mergeShards(inputs))
}

async function mergeShards(inputs: ActionInputs): Promise<GateOutcome> {
  const subject = 'the shard reports'
  const files = await findFiles(inputs.shardReports, process.cwd())
  if (files.length === 0)
    return {
      kind: 'invalid',
      subject,
      problems: [{ file: 'evalgate', message: `no shard report matches ${inputs.shardReports}`, severity: 'error' }]
    }
  try {
    const { report, paths } = await mergeShardFiles(files, inputs.out)
    return { kind: 'report', report, reportPath: paths.report }
  } catch (err) {
    if (err instanceof InputError) return { kind: 'invalid', subject, problems: err.problems }
    throw err
  }
}
