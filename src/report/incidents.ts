// report.json `incidents`: each incidents.yml entry with the status of its tasks in this run, so
// that the scorecard can tell whether an incident could happen again.
import type { Incident, IncidentResult, TaskResult } from '../model/types.js'

/** An incidents.yml entry and its workflow: what a run (or a merge) records the results of. */
export type IncidentDefinition = Incident & { workflow: string }

export function incidentResults(
  definitions: readonly IncidentDefinition[],
  tasks: readonly TaskResult[]
): IncidentResult[] {
  const statuses = new Map(tasks.map((t) => [`${t.workflow}/${t.id}`, t.status]))
  return definitions.map((incident) => {
    const results: IncidentResult['tasks'] = incident.tasks.map((id) => ({
      id,
      status: statuses.get(`${incident.workflow}/${id}`) ?? 'absent'
    }))
    const passing = results.some((r) => r.status === 'fail' || r.status === 'error')
      ? false
      : results.length > 0 && results.every((r) => r.status === 'pass')
        ? true
        : null
    return { ...incident, tasks: results, passing }
  })
}

/** The entries a report's results were made from (a merge records them again from the merged tasks). */
export function incidentDefinitions(results: readonly IncidentResult[]): IncidentDefinition[] {
  return results.map(({ tasks, passing: _passing, ...incident }) => ({ ...incident, tasks: tasks.map((t) => t.id) }))
}
