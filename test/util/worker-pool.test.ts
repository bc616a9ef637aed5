import { describe, expect, test } from '@jest/globals'
import { forEachInPool } from '../../src/util/worker-pool.js'

describe('forEachInPool', () => {
  test('every item once, in order of start, never more than the concurrency at a time', async () => {
    const started: number[] = []
    let running = 0
    let most = 0
    await forEachInPool(
      Array.from({ length: 50 }, (_, i) => i),
      4,
      async (i) => {
        started.push(i)
        most = Math.max(most, ++running)
        await new Promise((resolve) => setTimeout(resolve, i % 3))
        running--
      }
    )
    expect(started).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(most).toBe(4)
  })

  test('no items, or a concurrency below one, still works', async () => {
    await expect(forEachInPool([], 8, async () => {})).resolves.toBeUndefined()
    const seen: string[] = []
    await forEachInPool(['a', 'b'], 0, async (x) => {
      seen.push(x)
    })
    expect(seen).toEqual(['a', 'b'])
  })

  test('a failing item rejects the whole', async () => {
    await expect(
      forEachInPool([1, 2, 3], 2, async (i) => {
        if (i === 2) throw new Error('item 2 failed')
      })
    ).rejects.toThrow('item 2 failed')
  })
})
