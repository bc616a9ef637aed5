import { describe, expect, it } from '@jest/globals'
import { compareTasks } from '../../src/base/compare-tasks.js'
import { diffLines } from '../../src/base/value-diff.js'
import { task } from './builders.js'

describe('compareTasks', () => {
  it('sorts tasks into unchanged, added, removed and changed by id', () => {
    const base = [task('same'), task('gone'), task('moved-expected')]
    const pr = [
      task('same', { tags: ['new-tag'], description: 'reworded', source: { file: 'elsewhere.yaml', line: 9 } }),
      task('moved-expected', { expected: { label: 'refund_approved', actions_match: 'superset' } }),
      task('fresh')
    ]
    const c = compareTasks(base, pr)
    expect(c.unchanged.map((t) => t.id)).toEqual(['same'])
    expect(c.added.map((t) => t.id)).toEqual(['fresh'])
    expect(c.removed.map((t) => t.id)).toEqual(['gone'])
    expect(c.changed).toHaveLength(1)
    expect(c.changed[0]).toMatchObject({ fields: ['expected'], diff: ['expected.label: "ok" -> "refund_approved"'] })
    expect(c.changed[0].base).toBe(base[2])
  })

  it('a PR that sets reports_actions on a task changes what decides it: the base form counts', () => {
    const [changed] = compareTasks([task('t')], [task('t', { reports_actions: true })]).changed
    expect(changed.fields).toEqual(['reports_actions'])
    expect(changed.diff).toEqual(['reports_actions: (none) -> true'])
  })

  it('notices tier, risk, input and fixture changes', () => {
    const base = [task('t', { fixtures: { lookup_order: { kind: 'value', value: { status: 'shipped' } } } })]
    const pr = [
      task('t', {
        tier: 'T3',
        risk: 'high',
        input: { msg: 't', extra: 1 },
        fixtures: { lookup_order: { kind: 'cases', cases: [{ when: { id: 1 }, return: { status: 'lost' } }] } }
      })
    ]
    const [changed] = compareTasks(base, pr).changed
    expect(changed.fields).toEqual(['input', 'fixtures', 'tier', 'risk'])
    expect(changed.diff).toEqual([
      'input.extra: (none) -> 1',
      'fixtures.lookup_order: {"status":"shipped"} -> [{"return":{"status":"lost"},"when":{"id":1}}]',
      'tier: "T1" -> "T3"',
      'risk: "low" -> "high"'
    ])
  })

  it('keeps the diff of a task short', () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]))
    const [changed] = compareTasks([task('t')], [task('t', { input: many })]).changed
    expect(changed.diff).toHaveLength(8)
    expect(changed.diff[7]).toBe('… and 14 more changes')
  })
})

describe('diffLines', () => {
  it('walks maps and equal-length lists, and shows other differences whole', () => {
    expect(diffLines({ a: [1, 2], b: 'x' }, { a: [1, 3], b: 'x' }, 'v')).toEqual(['v.a[1]: 2 -> 3'])
    expect(diffLines([1], [1, 2], 'v')).toEqual(['v: [1] -> [1,2]'])
    expect(diffLines({ a: 1 }, { a: 1 }, 'v')).toEqual([])
    expect(diffLines('x'.repeat(200), 'y', 'v')[0]).toMatch(/^v: "x{78}… -> "y"$/)
  })
})
