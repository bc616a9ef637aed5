import { parseArgs } from './parse-args.js'
import { mergeShardFiles } from '../report/merge-files.js'
import { renderTierTable } from '../report/table.js'
import { InputError } from '../util/problems.js'
import { judgedRules, rulesOfFile } from '../run/merge-rules.js'
import type { MergeRules } from '../report/merge.js'
import { baseRefSource, cliRepoRoot } from './base-ref.js'
import { EXIT } from './exit-codes.js'
import { writtenFiles } from './written-files.js'
import { phaseOption } from './phase-option.js'

export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'evalgate-report' },
      thresholds: { type: 'string', default: 'thresholds.yml' },
      tasks: { type: 'string' },
      'base-ref': { type: 'string' },
      phase: { type: 'string' }
    }
  })
  if (positionals.length === 0)
    throw new InputError(
      'merge needs the shard reports: evalgate merge REPORT.json... [--thresholds FILE] [--tasks DIR] [--base-ref REF] [--phase PHASE] [--out DIR]'
    )
  const { report, paths } = await mergeShardFiles(positionals, values.out!, await mergeRules(values))
  process.stdout.write(renderTierTable(report) + '\n')
  process.stdout.write(`\n${writtenFiles(paths)}`)
  return EXIT[report.decision]
}

/**
 * The rules of the thresholds file; with --tasks, --base-ref or --phase the golden set too (whose
 * workflows' phases choose their tier rules), judged as on REF as `run --base-ref` judges it. The shards may have run a --filter: their tasks must be golden
 * tasks, not all of them.
 */
async function mergeRules(values: {
  thresholds?: string
  tasks?: string
  'base-ref'?: string
  phase?: string
}): Promise<MergeRules> {
  const baseRef = values['base-ref']
  const phase = values.phase !== undefined ? phaseOption(values.phase) : undefined
  if (values.tasks === undefined && baseRef === undefined && phase === undefined) return rulesOfFile(values.thresholds!)
  const judged = await judgedRules({
    tasksDir: values.tasks ?? 'golden-tasks',
    thresholdsFile: values.thresholds!,
    whole: false,
    ...(phase ? { phase } : {}),
    ...(baseRef !== undefined ? { base: await baseRefSource(baseRef), repoRoot: await cliRepoRoot() } : {})
  })
  return judged.rules
}
