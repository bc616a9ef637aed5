import type { GateChanges } from './types.js'

/** Whether the pull request changed anything about the gate it is judged by. */
export function hasChanges(c: GateChanges): boolean {
  const { tasks, workflows } = c
  const lists: unknown[][] = [
    c.thresholds,
    tasks.added,
    tasks.removed,
    tasks.changed,
    workflows.renamed,
    workflows.added,
    workflows.removed,
    c.permissions,
    c.endpoints,
    c.notes
  ]
  return c.first_run === true || lists.some((list) => list.length > 0)
}
