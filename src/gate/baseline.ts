import { InputError } from '../util/problems.js'
import type { BaselineReport } from '../model/report.js'
import type { Tier } from '../model/types.js'
import type { BaselineSnapshot } from './decide.js'

/** What the comparison needs of a baseline report (read by src/report/read-report.ts `loadBaseline`). */
export function baselineSnapshot(report: BaselineReport, file: string): BaselineSnapshot {
  const { shard, tiers, tasks, versions } = report
  // A shard's rates describe a slice of the task set, not the baseline of the whole set.
  if (shard) {
    const message = `shard ${shard.index + 1}/${shard.count} of a sharded run cannot be a baseline: merge the shards (evalgate merge) and use the merged report`
    throw new InputError([{ file, message, severity: 'error' }])
  }
  const statuses: Record<string, string> = {}
  const attempts: NonNullable<BaselineSnapshot['attempts']> = {}
  for (const task of tasks) {
    const key = `${task.workflow}/${task.id}`
    statuses[key] = task.status
    // The paired comparison needs each task's attempts; a report without them ran one each.
    if (task.attempts) attempts[key] = { total: task.attempts.total, passed: task.attempts.passed }
  }
  return {
    file,
    tiers: tiers.map(({ workflow, tier, success_rate }) => ({ workflow, tier, success_rate })),
    statuses,
    attempts,
    ...(versions ? { versions } : {})
  }
}

/**
 * A baseline that shares no tier (workflow and tier) with the run compares nothing: every
 * `max_drop` would be silently inert, so it is refused. Tiers only some of which it has are
 * compared where it can; the report warns about the others (decide.ts `missing_tiers`).
 */
export function checkBaselineTiers(
  baseline: BaselineSnapshot,
  tasks: readonly { workflow: string; tier: Tier }[]
): void {
  const key = (t: { workflow: string; tier: Tier }) => `${t.workflow} ${t.tier}`
  const ours = [...new Set(tasks.map(key))].sort()
  const theirs = [...new Set(baseline.tiers.map(key))].sort()
  if (ours.length === 0 || ours.some((k) => theirs.includes(k))) return
  const message =
    `the baseline has no tier in common with this run: it has ${theirs.join(', ') || 'no tiers'}, ` +
    `this run has ${ours.join(', ')} (a report of another workflow or task set?)`
  throw new InputError([{ file: baseline.file, message, severity: 'error' }])
}
