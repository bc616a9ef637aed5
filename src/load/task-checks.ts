// Checks of golden tasks against their workflow manifest and against each other.
import type { RedactRule, Workflow } from '../model/types.js'
import { matchFinder, type Match } from '../redact/redactor.js'
import { BUILTIN_REDACTIONS } from '../redact/builtin-rules.js'
import { describeValue } from './issues.js'
import type { Problem } from '../util/problems.js'
import { isPlainMap } from '../model/schema-common.js'
import type { LocatedTask } from './tasks.js'
import { REQUEST_APPROVAL } from '../model/approval-tool.js'
import { append } from '../util/append.js'

/** The checks of each golden task against its workflow manifest, with what the manifest alone decides prepared once. */
export function taskChecksAgainst(workflow: Workflow): (task: LocatedTask) => Problem[] {
  const pii = piiFinder(workflow)
  return (task) => checkAgainstWorkflow(task, workflow, pii)
}

function checkAgainstWorkflow({ task, at }: LocatedTask, workflow: Workflow, pii: PiiFinder): Problem[] {
  const problems: Problem[] = []
  const error = (line: number, message: string) =>
    problems.push({ file: task.source.file, line, message, severity: 'error' })
  const allowed = (tool: string) => tool === REQUEST_APPROVAL || tool in workflow.permissions
  const unlisted = `which the permissions of workflow "${workflow.name}" do not list`

  const required = workflow.inputs.required
  if (required.length > 0 && !isPlainMap(task.input)) {
    error(
      at.lineOf(['input']),
      `input must be a map with the fields workflow "${workflow.name}" requires (${required.join(', ')}), got ${describeValue(task.input)}`
    )
  } else {
    for (const field of required) {
      if (valueAtDottedPath(task.input, field) === undefined) {
        error(
          at.lineOf(['input']),
          `input is missing required field "${field}" (inputs.required of workflow "${workflow.name}")`
        )
      }
    }
  }

  for (const tool of Object.keys(task.fixtures)) {
    if (!allowed(tool)) error(at.keyLineOf(['fixtures'], tool), `fixture for tool "${tool}", ${unlisted}`)
  }
  task.expected.actions?.forEach(({ tool }, i) => {
    if (!allowed(tool))
      error(at.lineOf(['expected', 'actions', i, 'tool']), `expected action on tool "${tool}", ${unlisted}`)
  })
  task.expected.forbidden_actions?.forEach((tool, i) => {
    if (!allowed(tool))
      error(at.lineOf(['expected', 'forbidden_actions', i]), `forbidden action on tool "${tool}", ${unlisted}`)
  })
  append(problems, piiWarnings({ task, at }, pii))
  if (!workflow.tools_backend) {
    const needsBackend = (path: string[], what: string) =>
      error(
        at.lineOf(path),
        `${what} needs a tools backend: add "tools_backend: { command: [...] }" (or { url }) to workflow "${workflow.name}"`
      )
    if (task.initial_state !== undefined) needsBackend(['initial_state'], 'initial_state')
    if (task.expected.state !== undefined) needsBackend(['expected', 'state'], 'expected.state')
    if (task.expected.state_equals_replay !== undefined)
      needsBackend(['expected', 'state_equals_replay'], 'expected.state_equals_replay')
  }
  if (task.expected.judge !== undefined && !workflow.judge) {
    error(
      at.lineOf(['expected', 'judge']),
      `expected.judge needs a judge model: add "judge: { model: ... }" to workflow "${workflow.name}" (or use an openai agent)`
    )
  }
  return problems
}

const PII_DETECTORS: RedactRule[] = Object.entries(BUILTIN_REDACTIONS).map(([name, pattern]) => ({ name, pattern }))
const PII_WARNINGS_PER_TASK = 3

type PiiFinder = (value: unknown, path: (string | number)[]) => Match[]

function piiFinder(workflow: Workflow): PiiFinder {
  const rules = [
    ...PII_DETECTORS,
    ...(workflow.data_governance?.redact ?? []).filter((r) => !(r.name in BUILTIN_REDACTIONS))
  ]
  return matchFinder(rules, workflow.redact_ignore)
}

/** Golden tasks should be synthetic: say where one still holds something that looks like PII. */
function piiWarnings({ task, at }: LocatedTask, find: PiiFinder): Problem[] {
  const matches = [...find(task.input, ['input']), ...find(fixtureValues(task), ['fixtures'])]
  return matches.slice(0, PII_WARNINGS_PER_TASK).map(({ path, rule }) => ({
    file: task.source.file,
    line: at.lineOf(path),
    message: `task "${task.id}": ${path.join('.')} looks like PII (${rule}); golden tasks should be synthetic`,
    severity: 'warning' as const
  }))
}

function fixtureValues(task: LocatedTask['task']): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(task.fixtures).map(([tool, f]) => [tool, f.kind === 'value' ? f.value : f.cases])
  )
}

/** Ids are unique in a workflow; a repeated id names both places. */
export function checkDuplicateIds(tasks: LocatedTask[]): Problem[] {
  const first = new Map<string, LocatedTask>()
  const problems: Problem[] = []
  for (const located of tasks) {
    const { id, source } = located.task
    const earlier = first.get(id)
    if (!earlier) {
      first.set(id, located)
      continue
    }
    const where = `${earlier.task.source.file}:${earlier.at.lineOf(['id'])}`
    problems.push({
      file: source.file,
      line: located.at.lineOf(['id']),
      message: `duplicate task id "${id}" (first defined at ${where})`,
      severity: 'error'
    })
  }
  return problems
}

function valueAtDottedPath(value: unknown, dotted: string): unknown {
  let current = value
  for (const key of dotted.split('.')) {
    if (!isPlainMap(current)) return undefined
    current = current[key]
  }
  return current
}
