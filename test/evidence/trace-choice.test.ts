// The trace sample is a fixed choice: the same report always gives the same tasks, failures first.
import { describe, expect, it } from '@jest/globals'
import { chooseSample, MAX_FAILURES } from '../../src/evidence/trace-choice.js'
import type { TaskResult } from '../../src/model/types.js'
import { reportFor, syntheticReport } from '../html/synthetic.js'

describe('the trace sample', () => {
  it('shows the failures first, one of each cause before a second, then one pass per tier and risk', () => {
    const report = syntheticReport(60)
    const choice = chooseSample(report)
    const failures = choice.tasks.filter((c) => c.why === 'failure').map((c) => c.task)
    const passes = choice.tasks.filter((c) => c.why === 'pass').map((c) => c.task)
    expect(choice.tasks.slice(0, failures.length).every((c) => c.why === 'failure')).toBe(true)
    expect(failures).toHaveLength(MAX_FAILURES)
    // Both causes of the report (wrong_label, timeout) before a second task of either.
    expect(new Set(failures.slice(0, 2).map((t) => t.causes[0]))).toEqual(new Set(['wrong_label', 'timeout']))
    expect(choice.moreFailures).toBe(report.tasks.filter((t) => t.status !== 'pass').length - MAX_FAILURES)
    expect(passes.map((t) => `${t.tier}/${t.risk}`)).toEqual([
      'T1/high',
      'T1/medium',
      'T1/low',
      'T2/high',
      'T2/medium',
      'T2/low',
      'T3/high',
      'T3/medium',
      'T3/low'
    ])
    expect(passes.every((t) => t.status === 'pass')).toBe(true)
  })

  it('is the same whatever the order of the report’s tasks', () => {
    const report = syntheticReport(45)
    const shuffled = { ...report, tasks: [...report.tasks].reverse() }
    const ids = (r: typeof report) => chooseSample(r).tasks.map((c) => `${c.why}:${c.task.id}`)
    expect(ids(shuffled)).toEqual(ids(report))
  })

  it('puts T1 and high risk failures first, and leaves out tasks that never ran', () => {
    const base = syntheticReport(3).tasks[0]
    const task = (id: string, tier: TaskResult['tier'], risk: TaskResult['risk'], status: TaskResult['status']) => ({
      ...base,
      id,
      tier,
      risk,
      status,
      causes: status === 'pass' ? [] : [`cause-${id}`]
    })
    const report = reportFor([
      task('a', 'T3', 'high', 'fail'),
      task('b', 'T1', 'low', 'fail'),
      task('c', 'T1', 'high', 'error'),
      task('d', 'T2', 'low', 'not_run'),
      task('e', 'T2', 'low', 'pass')
    ])
    expect(chooseSample(report).tasks.map((c) => c.task.id)).toEqual(['c', 'b', 'a', 'e'])
  })
})
