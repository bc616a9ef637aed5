import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { prettyJsonPieces } from '../../src/util/json-pieces.js'

const joined = (value: unknown) => [...prettyJsonPieces(value)].join('')

describe('prettyJsonPieces', () => {
  test('joined, the pieces are JSON.stringify(value, null, 2)', () => {
    const report = {
      version: 1,
      empty: {},
      none: [],
      skipped: undefined,
      tasks: [
        { id: 'a', reasons: ['x\ny'], nested: { deep: [1, { two: 2 }] } },
        { id: 'b', reasons: [] }
      ],
      totals: { cost_usd: null, tokens: { input: 1, output: 2 } },
      list: [undefined, 3]
    }
    expect(joined(report)).toBe(JSON.stringify(report, null, 2))
  })

  test('any JSON value comes out the same', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => joined(value) === JSON.stringify(value, null, 2)))
  })

  test('a long list is one piece per item, not one string', () => {
    const tasks = Array.from({ length: 1000 }, (_, i) => ({ id: `t-${i}` }))
    const pieces = [...prettyJsonPieces({ tasks })]
    expect(pieces.length).toBeGreaterThan(2000)
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(40)
  })
})
