// The tool-faults view of a report (src/gate/tool-faults.ts): the tasks whose fixtures made a
// tool fault, what the agent answered, named by workflow when there are several.
import { describe, expect, it } from '@jest/globals'
import { faultedTasks, toolFaultsLine } from '../../src/gate/tool-faults.js'
import type { Report, TaskResult } from '../../src/model/types.js'

const task = (id: string, workflow: string, extra: Partial<TaskResult>): TaskResult => ({
  id,
  workflow,
  tier: 'T1',
  risk: 'high',
  tags: [],
  status: 'pass',
  reasons: [],
  causes: [],
  attempts: { total: 1, passed: 1, errored: 0 },
  duration_ms: 1,
  model_calls: 0,
  tokens: { input: 0, output: 0 },
  cost_usd: 0,
  tool_calls: 1,
  ...extra
})

const report = (tasks: TaskResult[], workflows: string[]) =>
  ({ tasks, workflows: workflows.map((name) => ({ name })) }) as unknown as Report

describe('faulted tasks', () => {
  it('lists only tasks with a fault, with what the agent answered', () => {
    const tasks = [
      task('a', 'wf', { tool_faults: ['lookup: no answer (timeout)'], escalated: true, fallback: 'human' }),
      task('b', 'wf', {}),
      task('c', 'wf', { tool_faults: ['pay: 503 down'], escalated: false, status: 'fail' }),
      task('d', 'wf', { tool_faults: ['pay: 503 down'], fallback: 'read_only' })
    ]
    const faulted = faultedTasks(report(tasks, ['wf']))
    expect(faulted.map((t) => [t.task, t.answered, t.status])).toEqual([
      ['a', 'escalated, fallback human', 'pass'],
      ['c', 'neither', 'fail'],
      ['d', 'fallback read_only', 'pass']
    ])
    expect(toolFaultsLine(faulted)).toBe('3 tasks met a tool fault: 2 passed, 1 did not')
    expect(toolFaultsLine(faulted.slice(0, 1))).toBe('1 task met a tool fault: 1 passed, 0 did not')
  })

  it('names the workflow when the report has several', () => {
    const faulted = faultedTasks(report([task('a', 'refunds', { tool_faults: ['x: 500 e'] })], ['refunds', 'other']))
    expect(faulted[0].task).toBe('refunds/a')
  })
})
