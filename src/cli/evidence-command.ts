import { parseArgs } from './parse-args.js'
import { makeEvidencePack } from '../run/evidence-pack.js'
import { EXIT } from './exit-codes.js'

/** `evalgate evidence [--tasks DIR] [--thresholds FILE] [--report REPORT.json] [--out DIR]`. */
export async function evidenceCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: 'string', default: 'golden-tasks' },
      thresholds: { type: 'string', default: 'thresholds.yml' },
      report: { type: 'string' },
      out: { type: 'string', default: 'evidence' }
    }
  })
  const files = await makeEvidencePack({
    tasksDir: values.tasks!,
    thresholdsFile: values.thresholds!,
    reportFile: values.report,
    outDir: values.out!
  })
  const pages = files.filter((file) => file.endsWith('.html')).length
  process.stdout.write(
    `evidence pack: ${files[0]} (${pages} pages, each also as markdown)` +
      `${values.report === undefined ? '; no run given (--report REPORT.json adds the eval report and traces)' : ''}\n`
  )
  return EXIT.pass
}
