// A report as a run makes it: the attempts counted, the decide step, then the report step
// (src/run/evaluate.ts runs the same three in order). Tests that start from task results use it.
import type { BaselineSnapshot } from '../../src/gate/decide.js'
import { decideRun } from '../../src/gate/decide-run.js'
import { runAttempts, type AttemptRounds } from '../../src/gate/run-attempts.js'
import { buildReport, type BuildReportArgs } from '../../src/report/build.js'
import type { Report } from '../../src/model/types.js'

export type ReportOfArgs = Omit<BuildReportArgs, 'decided' | 'attempts'> &
  AttemptRounds & { baseline?: BaselineSnapshot }

export function reportOf(args: ReportOfArgs): Report {
  const { rounds, baseline, ...rest } = args
  const attempts = runAttempts(args.tasks, { repeat: args.repeat, rounds })
  const decided = decideRun({
    tasks: args.tasks,
    gate: args.gate,
    attempts,
    baseline,
    gateChanges: args.gateChanges,
    shard: args.shard
  })
  return buildReport({ ...rest, decided, attempts })
}
