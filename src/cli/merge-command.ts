import { parseArgs } from 'node:util'
import { mergeShardFiles } from '../report/merge-files.js'
import { renderTierTable } from '../report/table.js'
import { InputError } from '../load/problems.js'
import { EXIT } from './main.js'

export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'evalgate-report' } }
  })
  if (positionals.length === 0)
    throw new InputError('merge needs the shard reports: evalgate merge REPORT.json... [--out DIR]')
  const { report, paths } = await mergeShardFiles(positionals, values.out!)
  process.stdout.write(renderTierTable(report) + '\n')
  process.stdout.write(
    `\nreport:  ${paths.report}\nsummary: ${paths.summary}\nhtml:    ${paths.html}\njunit:   ${paths.junit}\n`
  )
  if (paths.traces) process.stdout.write(`traces:  ${paths.traces}\n`)
  return EXIT[report.decision]
}
