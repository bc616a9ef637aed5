import { describe, expect, it } from '@jest/globals'
import { nestedDeeperThan, shapeProblems } from '../../src/util/value-shape.js'

function nested(depth: number): unknown {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value]
  return value
}

describe('shapeProblems', () => {
  it('counts every list and map as one level; a scalar is 0 deep', () => {
    expect(nestedDeeperThan(1, 0)).toBe(false)
    expect(nestedDeeperThan({}, 0)).toBe(true)
    expect(nestedDeeperThan(nested(64), 64)).toBe(false)
    expect(nestedDeeperThan(nested(65), 64)).toBe(true)
  })

  it('walks a million levels without recursion and names the path to the first part too deep', () => {
    expect(nestedDeeperThan(nested(1_000_000), 100)).toBe(true)
    const [problem] = shapeProblems({ x: [{ y: [[]] }] }, 4)
    expect(problem).toEqual({ kind: 'too_deep', path: ['x', 0, 'y', 0] })
  })

  it('ends on a cycle (a YAML alias to its own anchor) as too deep', () => {
    const loop: Record<string, unknown> = {}
    loop.self = loop
    expect(shapeProblems(loop, 64)).toEqual([{ kind: 'too_deep', path: Array(64).fill('self') }])
  })

  it('walks a part shared by many aliases once per depth, not once per path', () => {
    let shared: unknown = [1]
    for (let i = 0; i < 40; i++) shared = [shared, shared] // 2^40 paths
    const started = Date.now()
    expect(shapeProblems(shared, 64)).toEqual([])
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('finds own __proto__ keys when asked, at their path', () => {
    const value = JSON.parse('{"a":{"__proto__":{"b":1}},"c":[{"__proto__":null}]}')
    expect(shapeProblems(value, 64)).toEqual([])
    expect(shapeProblems(value, 64, true)).toEqual([
      { kind: 'proto_key', path: ['a', '__proto__'] },
      { kind: 'proto_key', path: ['c', 0, '__proto__'] }
    ])
    expect(shapeProblems({ constructor: 1, prototype: 2 }, 64, true)).toEqual([])
  })
})
