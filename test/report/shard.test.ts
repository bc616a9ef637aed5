import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/util/problems.js'
import { parseShard, shardTasks, taskSetHash } from '../../src/report/shard.js'

const TIER_NAMES = ['T1', 'T2', 'T3']
// 23 T1, 13 T2, 7 T3 tasks over two workflows.
const tasks = Array.from({ length: 43 }, (_, i) => ({
  id: `task-${i}`,
  workflow: i % 2 === 0 ? 'refunds' : 'billing',
  tier: i < 23 ? 'T1' : i < 36 ? 'T2' : 'T3'
}))
const key = (t: { workflow: string; id: string }) => `${t.workflow}/${t.id}`
const allShards = (list: typeof tasks, count: number) =>
  Array.from({ length: count }, (_, i) => shardTasks(list, i, count))

describe('shardTasks', () => {
  it.each([1, 2, 3, 4, 7, 50])('covers every task exactly once with %i shards', (count) => {
    const keys = allShards(tasks, count).flat().map(key)
    expect(keys).toHaveLength(tasks.length)
    expect(new Set(keys).size).toBe(tasks.length)
  })

  it.each([2, 3, 4, 5])('balances sizes and every tier over %i shards', (count) => {
    const shards = allShards(tasks, count)
    const sizes = shards.map((s) => s.length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    for (const tier of TIER_NAMES) {
      const perShard = shards.map((s) => s.filter((t) => t.tier === tier).length)
      expect(Math.max(...perShard) - Math.min(...perShard)).toBeLessThanOrEqual(1)
    }
  })

  it('is stable and ignores the input order', () => {
    const reversed = [...tasks].reverse()
    const shuffled = [...tasks].sort((a, b) => key(a).localeCompare(key(b)))
    for (let i = 0; i < 3; i++) {
      const expected = shardTasks(tasks, i, 3).map(key)
      expect(shardTasks(tasks, i, 3).map(key)).toEqual(expected)
      expect(shardTasks(reversed, i, 3).map(key)).toEqual(expected)
      expect(shardTasks(shuffled, i, 3).map(key)).toEqual(expected)
    }
  })

  it('rejects an impossible shard', () => {
    expect(() => shardTasks(tasks, 3, 3)).toThrow(RangeError)
    expect(() => shardTasks(tasks, 0, 0)).toThrow(RangeError)
  })
})

describe('taskSetHash', () => {
  it('is 16 hex chars, order independent and set dependent', () => {
    const hash = taskSetHash(tasks)
    expect(hash).toMatch(/^[0-9a-f]{16}$/)
    expect(taskSetHash([...tasks].reverse())).toBe(hash)
    expect(taskSetHash(tasks.slice(1))).not.toBe(hash)
    expect(taskSetHash([{ id: 'a', workflow: 'x' }])).not.toBe(taskSetHash([{ id: 'a', workflow: 'y' }]))
  })
})

describe('parseShard', () => {
  it('reads the 1-based I/N of the CLI', () => {
    expect(parseShard('2/4')).toEqual({ index: 1, count: 4 })
    expect(parseShard('1/1')).toEqual({ index: 0, count: 1 })
    expect(parseShard('4/4')).toEqual({ index: 3, count: 4 })
  })

  it.each(['0/4', '5/4', 'a/b', '1/0', '2', '-1/4', '1.5/4', ''])('refuses %p', (text) => {
    expect(() => parseShard(text)).toThrow(InputError)
  })

  it('says what is wrong', () => {
    expect(() => parseShard('5/4')).toThrow('--shard 5/4: the shard number must be between 1 and 4')
    expect(() => parseShard('a/b')).toThrow('--shard a/b: expected I/N, e.g. --shard 1/4')
  })
})
