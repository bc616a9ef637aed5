// The compact task rows of report.html, read back by the page script's own decoder.
import { describe, expect, test } from '@jest/globals'
import { ROWS_SCRIPT } from '../../src/html/client/rows.js'
import { StringTable, taskRow } from '../../src/html/task-rows.js'
import type { TaskResult } from '../../src/model/types.js'
import { syntheticTask } from './synthetic.js'

type Decode = (rows: unknown[], strings: string[]) => Record<string, unknown>[]
const decodeTasks = new Function(`${ROWS_SCRIPT}\nreturn decodeTasks;`)() as Decode

function roundTrip(tasks: TaskResult[]) {
  const table = new StringTable()
  const rows = JSON.parse(JSON.stringify(tasks.map((t) => taskRow(t, table)))) as unknown[]
  return { rows, strings: table.strings, back: decodeTasks(rows, table.strings) }
}

/** The fields the page reads of a task. */
function pageView(task: TaskResult) {
  return {
    id: task.id,
    workflow: task.workflow,
    tier: task.tier,
    risk: task.risk,
    status: task.status,
    reasons: task.reasons,
    tags: task.tags ?? [],
    duration_ms: task.duration_ms,
    model_calls: task.model_calls,
    tool_calls: task.tool_calls,
    cost_usd: task.cost_usd,
    attempts: { total: task.attempts.total, passed: task.attempts.passed },
    ...(task.flaky ? { flaky: true } : {})
  }
}

describe('compact task rows', () => {
  test('decode to the fields the page shows, filters and sorts by', () => {
    const tasks = Array.from({ length: 200 }, (_, i) => syntheticTask(i, 200))
    tasks[3] = { ...tasks[3], attempts: { total: 3, passed: 2, errored: 0 }, flaky: true, status: 'fail' }
    tasks[4] = { ...tasks[4], status: 'not_run', attempts: { total: 0, passed: 0 }, tags: [], cost_usd: null }
    const { back } = roundTrip(tasks)
    expect(back).toEqual(tasks.map(pageView))
  })

  test('repeated strings are written once', () => {
    const tasks = Array.from({ length: 1000 }, (_, i) => syntheticTask(i, 1000))
    const { rows, strings } = roundTrip(tasks)
    expect(new Set(strings).size).toBe(strings.length)
    expect(strings.length).toBeLessThan(20)
    // A passing task of one attempt, no reasons: only its id and numbers.
    expect(Object.keys(rows[0] as object).sort()).toEqual(['c', 'd', 'g', 'id', 'k', 'm', 's', 't', 'u', 'w'])
    expect(JSON.stringify(rows).length / tasks.length).toBeLessThan(90)
  })

  test('a text that looks like markup or a number stays text', () => {
    const task = { ...syntheticTask(6, 10), reasons: ['</script><b>x</b>', '0', ''], tags: ['1'] }
    expect(roundTrip([task]).back[0]).toMatchObject({ reasons: ['</script><b>x</b>', '0', ''], tags: ['1'] })
  })
})
