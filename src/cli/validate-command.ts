import { loadProject } from '../load/index.js'
import { formatProblem } from '../util/problems.js'
import { parseArgs } from './parse-args.js'
import { cliLoadCache } from './load-cache-option.js'
import { tooSmallTiers } from '../gate/too-small-tiers.js'
import { EXIT } from './exit-codes.js'
import { atPhases } from '../base/phase-rules.js'
import { judgedPhases } from '../model/rollout.js'

export async function validateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: 'string', default: 'golden-tasks' },
      thresholds: { type: 'string', default: 'thresholds.yml' },
      'no-cache': { type: 'boolean' }
    }
  })
  const project = await loadProject({
    tasksDir: values.tasks!,
    thresholdsFile: values.thresholds!,
    cache: cliLoadCache(values['no-cache'])
  })
  for (const p of [...project.problems, ...project.warnings]) process.stderr.write(formatProblem(p) + '\n')
  if (project.problems.length) {
    process.stderr.write(`\n${project.problems.length} problem(s) found\n`)
    return EXIT.error
  }
  // Each workflow's tiers as its rollout phase judges them.
  const thresholds = atPhases(project.thresholds, judgedPhases(project.workflows))
  const gate = {
    rules: thresholds.rules,
    workflows: thresholds.workflows,
    max_error_rate: thresholds.budgets.max_error_rate
  }
  for (const warning of tooSmallTiers(project.tasks, gate))
    process.stderr.write(
      formatProblem({ file: thresholds.source?.file ?? values.thresholds!, message: warning, severity: 'warning' }) +
        '\n'
    )
  const tiers = new Map<string, number>()
  for (const t of project.tasks) tiers.set(t.tier, (tiers.get(t.tier) ?? 0) + 1)
  const byTier = [...tiers]
    .sort()
    .map(([tier, n]) => `${tier} ${n}`)
    .join(', ')
  process.stdout.write(
    `ok: ${project.workflows.length} workflow(s), ${project.tasks.length} tasks (${byTier}), thresholds valid\n`
  )
  return EXIT.pass
}
