// The golden tasks of one workflow on the base and in the PR, by id. A task counts in its base
// form unless the PR only added it or left what decides it (input, fixtures, initial_state,
// expected, tier, risk, reports_actions) untouched; tags and descriptions are not gate changes.
import { canonicalJson } from '../llm/canonical-json.js'
import type { LoadedTask } from '../load/task-schema.js'
import type { Fixture } from '../model/types.js'
import { diffLines } from './value-diff.js'

const GATE_FIELDS = ['input', 'fixtures', 'initial_state', 'expected', 'tier', 'risk', 'reports_actions'] as const
type GateField = (typeof GATE_FIELDS)[number]
const DIFF_LINES_PER_TASK = 8

export interface ChangedPair {
  base: LoadedTask
  pr: LoadedTask
  fields: string[]
  diff: string[]
}

export interface TaskComparison {
  unchanged: LoadedTask[]
  added: LoadedTask[]
  /** Base forms. */
  removed: LoadedTask[]
  changed: ChangedPair[]
}

export function compareTasks(base: readonly LoadedTask[], pr: readonly LoadedTask[]): TaskComparison {
  const baseById = new Map(base.map((t) => [t.id, t]))
  const prIds = new Set(pr.map((t) => t.id))
  const result: TaskComparison = { unchanged: [], added: [], removed: [], changed: [] }
  for (const task of pr) {
    const before = baseById.get(task.id)
    if (!before) {
      result.added.push(task)
      continue
    }
    const [was, now] = [decisive(before), decisive(task)]
    const fields = GATE_FIELDS.filter((f) => canonicalJson(was[f]) !== canonicalJson(now[f]))
    if (fields.length === 0) result.unchanged.push(task)
    else
      result.changed.push({
        base: before,
        pr: task,
        fields,
        diff: shortDiff(fields.flatMap((f) => diffLines(was[f], now[f], f)))
      })
  }
  result.removed = base.filter((t) => !prIds.has(t.id))
  return result
}

/** What decides a task, with fixtures as written in the task file. */
function decisive(task: LoadedTask): Record<GateField, unknown> {
  const fixtures = Object.fromEntries(Object.entries(task.fixtures).map(([tool, f]) => [tool, asWritten(f)]))
  return {
    input: task.input,
    fixtures,
    initial_state: task.initial_state,
    expected: task.expected,
    tier: task.tier,
    risk: task.risk,
    reports_actions: task.reports_actions
  }
}

function asWritten(fixture: Fixture): unknown {
  return fixture.kind === 'value' ? fixture.value : fixture.cases
}

function shortDiff(lines: string[]): string[] {
  if (lines.length <= DIFF_LINES_PER_TASK) return lines
  return [...lines.slice(0, DIFF_LINES_PER_TASK - 1), `… and ${lines.length - DIFF_LINES_PER_TASK + 1} more changes`]
}
