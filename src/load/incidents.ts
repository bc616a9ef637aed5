// incidents.yml (or .yaml) beside a workflow.yml: a list of the workflow's production incidents,
// each naming the golden tasks that reproduce it. Read with the lines of its parts, so that an
// incident naming an unknown task is a `file:line` problem; one naming none is a warning.
import path from 'node:path'
import { incidentSchema, type Incident } from '../model/incident.js'
import { isPlainMap } from '../model/schema-common.js'
import { isFile } from '../util/path-kind.js'
import type { Problem } from '../util/problems.js'
import { append } from '../util/append.js'
import { issueProblems } from './issues.js'
import type { Located } from './located.js'
import { displayPath } from './paths.js'
import { readDataFile } from './read-data-file.js'
import { repoPathProblem } from './repo-root.js'

export const INCIDENTS_NAMES = ['incidents.yml', 'incidents.yaml']

export interface LocatedIncident {
  incident: Incident
  at: Located
}

export interface LoadedIncidents {
  /** Absolute path of the file (never a golden task file). */
  absPath: string
  file: string
  incidents: LocatedIncident[]
  problems: Problem[]
}

/** The incidents file in the workflow folder `dir`, or undefined when there is none. */
export async function findIncidentsFile(dir: string): Promise<string | undefined> {
  for (const name of INCIDENTS_NAMES) {
    const candidate = path.join(dir, name)
    if (await isFile(candidate)) return candidate
  }
  return undefined
}

export async function loadIncidents(absPath: string, repoRoot: string): Promise<LoadedIncidents> {
  const file = displayPath(absPath)
  const loaded: LoadedIncidents = { absPath, file, incidents: [], problems: [] }
  const error = (line: number | undefined, message: string) =>
    loaded.problems.push({ file, line, message, severity: 'error' })
  const outside = await repoPathProblem('the incidents file', absPath, 'file', repoRoot, file)
  if (outside) {
    error(undefined, outside)
    return loaded
  }
  const { values, problems } = await readDataFile(absPath, file)
  append(loaded.problems, problems)
  if (values.length === 0) return loaded
  if (values.length > 1) error(values[1].line, 'an incidents file holds one YAML document')
  const list = values[0]
  if (!Array.isArray(list.value)) {
    error(list.line, 'an incidents file holds a list of incidents ({ id, date, severity, summary, tasks })')
    return loaded
  }
  const seen = new Map<string, number>()
  for (const at of list.elements()) {
    const id = isPlainMap(at.value) && typeof at.value.id === 'string' ? at.value.id : undefined
    const line = at.lineOf(['id'])
    const first = id === undefined ? undefined : seen.get(id)
    if (first !== undefined) error(line, `incident id "${id}" is also used at line ${first}`)
    else if (id !== undefined) seen.set(id, line)
    const parsed = incidentSchema.safeParse(at.value)
    if (parsed.success) loaded.incidents.push({ incident: parsed.data, at })
    else append(loaded.problems, issueProblems(parsed.error.issues, at, file, 'an incident'))
  }
  return loaded
}

/** An incident naming a task the workflow does not have is an error; one naming no task, a warning. */
export function incidentTaskProblems(
  loaded: LoadedIncidents,
  workflow: string,
  taskIds: ReadonlySet<string>
): Problem[] {
  const problems: Problem[] = []
  for (const { incident, at } of loaded.incidents) {
    if (incident.tasks.length === 0)
      problems.push({
        file: loaded.file,
        line: at.line,
        message: `incident "${incident.id}" names no golden task that reproduces it (tasks: [...]): the gate cannot tell whether it could happen again`,
        severity: 'warning'
      })
    incident.tasks.forEach((id, i) => {
      if (!taskIds.has(id))
        problems.push({
          file: loaded.file,
          line: at.lineOf(['tasks', i]),
          message: `incident "${incident.id}" names task "${id}", which is not a golden task of workflow "${workflow}"`,
          severity: 'error'
        })
    })
  }
  return problems
}
