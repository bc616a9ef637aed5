import { loadProject } from '../load/index.js'
import { sectionName } from '../gate/readiness.js'
import { readinessInputs } from '../readiness/inputs.js'
import { scoreReadiness } from '../readiness/score.js'
import { InputError } from '../util/problems.js'
import { EXIT } from './exit-codes.js'
import { parseArgs } from './parse-args.js'
import { renderReadinessTable } from './readiness-table.js'

/** `evalgate readiness [--tasks DIR] [--thresholds FILE] [--strict]`: the kit's checklist, from the files alone. */
export async function readinessCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: 'string', default: 'golden-tasks' },
      thresholds: { type: 'string', default: 'thresholds.yml' },
      strict: { type: 'boolean', default: false }
    }
  })
  const project = await loadProject({ tasksDir: values.tasks!, thresholdsFile: values.thresholds! })
  if (project.problems.length > 0) throw new InputError(project.problems)
  const readiness = scoreReadiness(readinessInputs(project))
  process.stdout.write(
    `${renderReadinessTable(
      readiness,
      project.workflows.map((w) => w.name)
    )}\n`
  )
  const missing = readiness.sections.filter((s) => s.status === 'missing')
  if (!values.strict || missing.length === 0) return EXIT.pass
  process.stdout.write(`\n--strict: ${missing.map(sectionName).join(', ')} missing\n`)
  return EXIT.fail
}
