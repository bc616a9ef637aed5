import { evaluate } from '../run/evaluate.js'
import { renderTierTable } from '../report/table.js'
import { InputError } from '../util/problems.js'
import { detectCommit } from './commit.js'
import { parseArgs } from './parse-args.js'
import { EXIT } from './exit-codes.js'
import { baseRefSource, cliRepoRoot } from './base-ref.js'
import { writtenFiles } from './written-files.js'
import { phaseOption } from './phase-option.js'

export async function runCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: 'string', default: 'golden-tasks' },
      thresholds: { type: 'string', default: 'thresholds.yml' },
      out: { type: 'string', default: 'evalgate-report' },
      concurrency: { type: 'string', default: '8' },
      repeat: { type: 'string' },
      shard: { type: 'string' },
      baseline: { type: 'string' },
      workflow: { type: 'string' },
      filter: { type: 'string' },
      cache: { type: 'string' },
      'openai-base-url': { type: 'string' },
      'base-ref': { type: 'string' },
      'otlp-endpoint': { type: 'string' },
      phase: { type: 'string' }
    }
  })
  const baseRef = values['base-ref']
  const { report, paths } = await evaluate({
    tasksDir: values.tasks!,
    thresholdsFile: values.thresholds!,
    outDir: values.out!,
    concurrency: positiveInt('--concurrency', values.concurrency!),
    ...(values.repeat !== undefined ? { repeat: positiveInt('--repeat', values.repeat) } : {}),
    shard: values.shard,
    baselineFile: values.baseline,
    workflow: values.workflow,
    filter: values.filter,
    commit: detectCommit(),
    cacheDir: values.cache,
    openaiBaseUrl: values['openai-base-url'],
    progress: true,
    otlpEndpoint: values['otlp-endpoint'],
    ...(values.phase !== undefined ? { phase: phaseOption(values.phase) } : {}),
    ...(baseRef !== undefined ? { base: await baseRefSource(baseRef), repoRoot: await cliRepoRoot() } : {})
  })
  const missing = report.baseline?.missing_tiers ?? []
  if (missing.length > 0)
    process.stderr.write(
      `warning: the baseline ${report.baseline!.file} has no result for ` +
        `${missing.map((t) => `${t.workflow} ${t.tier}`).join(', ')}: not compared there (no max_drop)\n`
    )
  process.stdout.write(renderTierTable(report) + '\n')
  process.stdout.write(`\n${writtenFiles(paths)}`)
  return EXIT[report.decision]
}

export function positiveInt(flag: string, value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < 1) throw new InputError(`${flag} must be a positive integer, got "${value}"`)
  return n
}
