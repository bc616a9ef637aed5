import { describe, expect, it } from '@jest/globals'
import { maximumMatching } from '../../src/grade/bipartite.js'

describe('maximumMatching', () => {
  it('re-routes an earlier pairing to pair everything', () => {
    // left 0 accepts right 0 or 1; left 1 accepts only right 0.
    const edges = [[0, 1], [0]]
    const m = maximumMatching(2, 2, (l, r) => edges[l].includes(r))
    expect(m.leftToRight).toEqual([1, 0])
    expect(m.rightToLeft).toEqual([1, 0])
  })

  it('pairs each right node at most once', () => {
    const m = maximumMatching(2, 1, () => true)
    expect(m.leftToRight).toEqual([0, -1])
    expect(m.rightToLeft).toEqual([0])
  })

  it('handles empty sides', () => {
    expect(maximumMatching(0, 2, () => true)).toEqual({ leftToRight: [], rightToLeft: [-1, -1] })
    expect(maximumMatching(1, 0, () => true)).toEqual({ leftToRight: [-1], rightToLeft: [] })
  })
})
