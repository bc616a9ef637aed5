import { describe, expect, it } from '@jest/globals'
import { deepSubset } from '../../src/util/deep-subset.js'

describe('deepSubset', () => {
  it('matches objects by key, ignoring extra keys', () => {
    expect(deepSubset({ a: 1 }, { a: 1, b: 2 })).toBe(true)
    expect(deepSubset({ a: 1, b: 2 }, { a: 1 })).toBe(false)
    expect(deepSubset({}, { a: 1 })).toBe(true)
    expect(deepSubset({ a: { b: { c: 'x' } } }, { a: { b: { c: 'x', d: 1 }, e: [] } })).toBe(true)
  })

  it('compares scalars strictly: 25 is not "25"', () => {
    expect(deepSubset(25, '25')).toBe(false)
    expect(deepSubset({ amount: 25 }, { amount: '25' })).toBe(false)
    expect(deepSubset(true, 1)).toBe(false)
    expect(deepSubset(null, null)).toBe(true)
    expect(deepSubset(null, undefined)).toBe(false)
    expect(deepSubset(0, -0)).toBe(true)
  })

  it('matches arrays element by element with equal length', () => {
    expect(deepSubset([1, 2], [1, 2])).toBe(true)
    expect(deepSubset([1], [1, 2])).toBe(false)
    expect(deepSubset([2, 1], [1, 2])).toBe(false)
    expect(deepSubset([{ id: 1 }], [{ id: 1, name: 'x' }])).toBe(true)
    expect(deepSubset([], [])).toBe(true)
  })

  it('does not confuse arrays, objects and null', () => {
    expect(deepSubset({}, [])).toBe(false)
    expect(deepSubset([], {})).toBe(false)
    expect(deepSubset({ a: null }, { a: {} })).toBe(false)
    expect(deepSubset({}, null)).toBe(false)
    expect(deepSubset({ a: 1 }, 'a')).toBe(false)
  })

  it('looks at own keys only', () => {
    expect(deepSubset({ toString: 'x' }, {})).toBe(false)
    expect(deepSubset({ constructor: {} }, {})).toBe(false)
  })
})
