import { describe, expect, it } from '@jest/globals'
import { reportOf } from '../helpers/report-of.js'
import { causeLabel, failureModes, primaryCause } from '../../src/report/failure-modes.js'
import { gate, task, tier } from '../gate/make.js'

describe('failureModes', () => {
  it('groups the tasks that did not pass by cause, largest group first', () => {
    const modes = failureModes([
      ...tier('T1', 3, 0),
      task('a', { status: 'fail', causes: ['wrong_label'] }),
      task('b', { status: 'fail', causes: ['missing_action'] }),
      task('c', { status: 'fail', causes: ['missing_action'] }),
      task('d', { status: 'fail', causes: ['missing_action'] })
    ])
    expect(modes).toEqual([
      { cause: 'missing_action', label: 'missing action', count: 3, tasks: ['b', 'c', 'd'] },
      { cause: 'wrong_label', label: 'wrong label', count: 1, tasks: ['a'] }
    ])
  })

  it('breaks ties by cause name', () => {
    const modes = failureModes([
      task('a', { status: 'fail', causes: ['wrong_result'] }),
      task('b', { status: 'fail', causes: ['forbidden_action'] }),
      task('c', { status: 'fail', causes: ['guardrail_violation'] })
    ])
    expect(modes.map((m) => m.cause)).toEqual(['forbidden_action', 'guardrail_violation', 'wrong_result'])
  })

  it('counts a task once under each of its causes', () => {
    const modes = failureModes([
      task('a', { status: 'fail', causes: ['guardrail_violation', 'wrong_label', 'wrong_label'] }),
      task('b', { status: 'fail', causes: ['wrong_label'] })
    ])
    expect(modes).toEqual([
      { cause: 'wrong_label', label: 'wrong label', count: 2, tasks: ['a', 'b'] },
      { cause: 'guardrail_violation', label: 'guardrail violation', count: 1, tasks: ['a'] }
    ])
  })

  it('includes errored and not-run tasks under their agent error kinds', () => {
    const modes = failureModes([
      task('a', { status: 'error', causes: ['timeout'] }),
      task('b', { status: 'error', causes: ['timeout'] }),
      task('c', { status: 'fail', causes: ['budget_exhausted'] }),
      task('d', { status: 'not_run', causes: ['not_run'] })
    ])
    expect(modes.map((m) => [m.label, m.count])).toEqual([
      ['agent timed out', 2],
      ['budget exhausted', 1],
      ['not run', 1]
    ])
  })

  it('lists the most important tasks of a group first and names the workflow when there are several', () => {
    const modes = failureModes([
      task('t3', { workflow: 'a', tier: 'T3', status: 'fail', causes: ['wrong_label'] }),
      task('t1-low', { workflow: 'b', status: 'fail', causes: ['wrong_label'] }),
      task('t1-high', { workflow: 'b', risk: 'high', status: 'fail', causes: ['wrong_label'] })
    ])
    expect(modes[0].tasks).toEqual(['b/t1-high', 'b/t1-low', 'a/t3'])
  })

  it('puts a failed task without causes under "unclassified"', () => {
    expect(failureModes([task('a', { status: 'fail', causes: [] })])).toEqual([
      { cause: 'unclassified', label: 'unclassified', count: 1, tasks: ['a'] }
    ])
  })

  it('is empty when every task passed', () => {
    expect(failureModes(tier('T1', 5, 0))).toEqual([])
    expect(failureModes([])).toEqual([])
  })

  it('is part of the report, so that a merge recomputes it', () => {
    const report = reportOf({
      tasks: [task('a', { status: 'fail', causes: ['wrong_label'] }), task('b')],
      gate: gate(),
      workflows: [{ name: 'refunds', file: 'w.yml', tasks: 2 }],
      repeat: 1
    })
    expect(report.failure_modes).toEqual([{ cause: 'wrong_label', label: 'wrong label', count: 1, tasks: ['a'] }])
  })
})

describe('primaryCause', () => {
  it('reports a guardrail violation as such, whatever else went wrong', () => {
    expect(primaryCause(task('a', { causes: ['wrong_label', 'guardrail_violation'] }))).toBe('guardrail_violation')
    expect(primaryCause(task('a', { causes: ['crash', 'guardrail_violation'] }))).toBe('guardrail_violation')
    expect(primaryCause(task('a', { causes: ['wrong_result', 'forbidden_action'] }))).toBe('forbidden_action')
  })

  it('ranks unknown causes after known ones, by name', () => {
    expect(primaryCause(task('a', { causes: ['zz_new', 'aa_new', 'wrong_result'] }))).toBe('wrong_result')
    expect(primaryCause(task('a', { causes: ['zz_new', 'aa_new'] }))).toBe('aa_new')
    expect(primaryCause(task('a', { causes: [] }))).toBe('unclassified')
  })
})

describe('causeLabel', () => {
  it('says a cause in plain words', () => {
    expect(causeLabel('wrong_label')).toBe('wrong label')
    expect(causeLabel('bad_output')).toBe('agent output not JSON')
    expect(causeLabel('some_future_cause')).toBe('some future cause')
  })
})
