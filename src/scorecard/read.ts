// Reads the reports of a scorecard and puts them in time order.
import { InputError, type Problem } from '../util/problems.js'
import { readReport } from '../report/read-report.js'
import type { ReportFile } from './compute.js'
import { append } from '../util/append.js'

/**
 * Reads every report (all problems at once, each naming its file) and orders them by
 * `created_at`, oldest first; reports created at the same moment keep the order given.
 * Shard reports are refused: each holds only part of a run, so its rates would mislead.
 */
export async function readScorecardReports(files: readonly string[]): Promise<ReportFile[]> {
  const problems: Problem[] = []
  const series: (ReportFile & { time: number })[] = []
  for (const file of files) {
    try {
      const report = await readReport(file)
      const time = Date.parse(report.created_at)
      if (Number.isNaN(time)) problems.push(problem(file, `created_at "${report.created_at}" is not a date`))
      else if (report.shard) {
        const { index, count } = report.shard
        problems.push(problem(file, `is shard ${index + 1}/${count} of a run: merge the shards first (evalgate merge)`))
      } else series.push({ file, report, time })
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      append(problems, error.problems)
    }
  }
  if (problems.length > 0) throw new InputError(problems)
  return series.sort((a, b) => a.time - b.time).map(({ file, report }) => ({ file, report }))
}

function problem(file: string, message: string): Problem {
  return { file, message, severity: 'error' }
}
