import { describe, expect, it } from '@jest/globals'
import { fitDescription, gateDescription } from '../../src/action/status-description.js'
import { reportOf } from '../helpers/report-of.js'
import type { TaskResult } from '../../src/model/types.js'
import { gate, tier } from '../gate/make.js'

const report = (tasks: TaskResult[], extra: Partial<Parameters<typeof reportOf>[0]> = {}) =>
  reportOf({ tasks, gate: gate(), workflows: [{ name: 'refunds', file: 'w.yml', tasks: 0 }], repeat: 1, ...extra })

describe('gateDescription', () => {
  it('states each gated tier against its threshold', () => {
    expect(gateDescription(report([...tier('T1', 78, 4), ...tier('T2', 38, 12)]))).toBe(
      'T1 95.1% >= 92%, T2 76.0% < 80%'
    )
  })

  it('names the workflow when there are several', () => {
    const tasks = [...tier('T1', 10, 0, { workflow: 'a' }), ...tier('T1', 5, 5, { workflow: 'b' })]
    expect(gateDescription(report(tasks))).toBe('a/T1 100.0% >= 92%, b/T1 50.0% < 92%')
  })

  it('stays within 140 characters, failing tiers first', () => {
    const workflows = Array.from({ length: 12 }, (_, i) => `workflow_number_${i}`)
    const tasks = workflows.flatMap((workflow, i) => tier('T1', i === 11 ? 0 : 10, i === 11 ? 10 : 0, { workflow }))
    const text = gateDescription(report(tasks))
    expect(text.length).toBeLessThanOrEqual(140)
    expect(text.startsWith('workflow_number_11/T1 0.0% < 92%')).toBe(true)
    expect(text).toMatch(/\(\+\d+ more\)$/)
  })

  it('gives the first reason of an error', () => {
    const text = gateDescription(report(tier('T1', 1, 9, { failStatus: 'error' })))
    expect(text).toMatch(/^error: /)
  })

  it('fitDescription cuts to 140 on one line', () => {
    expect(fitDescription('a\nb')).toBe('a b')
    expect(fitDescription('x'.repeat(200))).toHaveLength(140)
  })
})
