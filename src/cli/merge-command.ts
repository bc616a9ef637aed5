import { readReport } from '../report/schema.js'
import { mergeReports } from '../report/merge.js'
import { writeReportFiles } from '../report/write.js'
import { renderTierTable } from '../report/table.js'
import { InputError } from '../load/problems.js'
import { parseArgs } from 'node:util'
import { EXIT } from './main.js'

export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'evalgate-report' } }
  })
  if (positionals.length === 0)
    throw new InputError('merge needs the shard reports: evalgate merge REPORT.json... [--out DIR]')
  const reports = await Promise.all(positionals.map((file) => readReport(file)))
  const merged = mergeReports(reports, positionals)
  const written = await writeReportFiles(values.out!, merged)
  process.stdout.write(renderTierTable(merged) + '\n')
  process.stdout.write(`\nreport:  ${written.reportPath}\nsummary: ${written.summaryPath}\n`)
  return EXIT[merged.decision]
}
