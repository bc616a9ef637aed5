import type { RunAttempts, TaskResult } from '../model/types.js'

export interface AttemptRounds {
  /** `--repeat K`: a fixed K attempts per task. Absent: attempts were adaptive. */
  repeat?: number
  /** What the runner knows of its rounds (a merge: of all its shards'). */
  rounds?: Partial<Pick<RunAttempts, 'rounds' | 'extra_cost_usd' | 'stopped_by'>>
}

/** How the attempts of a run were spent, counted from its tasks. */
export function runAttempts(tasks: readonly TaskResult[], args: AttemptRounds): RunAttempts {
  let total = 0
  let extra = 0
  let most = 0
  for (const task of tasks) {
    total += task.attempts.total
    extra += Math.max(0, task.attempts.total - 1)
    most = Math.max(most, task.attempts.total)
  }
  const stoppedBy = args.rounds?.stopped_by
  return {
    mode: args.repeat !== undefined ? 'fixed' : 'adaptive',
    rounds: args.rounds?.rounds ?? most,
    total,
    extra,
    extra_cost_usd: args.rounds?.extra_cost_usd !== undefined ? args.rounds.extra_cost_usd : extra === 0 ? 0 : null,
    ...(stoppedBy ? { stopped_by: stoppedBy } : {})
  }
}
