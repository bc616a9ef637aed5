import { describe, expect, it } from '@jest/globals'
import { firstDuplicateKey } from '../../src/load/json-duplicate-keys.js'

describe('firstDuplicateKey', () => {
  it('finds a key given twice in one object, at any depth, escaped or not', () => {
    expect(firstDuplicateKey('{"a":1,"a":2}')).toBe('a')
    expect(firstDuplicateKey('{"x":[{"b":1, "c":{"d":0}, "b" : 2}]}')).toBe('b')
    expect(firstDuplicateKey('{"id":1,"i\\u0064":2}')).toBe('id')
  })

  it('does not confuse values, strings holding quotes or brackets, or keys of sibling objects', () => {
    expect(firstDuplicateKey('{"a":"a","b":["a","a"],"c":{"a":1},"d":{"a":2}}')).toBeUndefined()
    expect(firstDuplicateKey('{"a":"x\\":{\\"a","b":"}{[","e":"\\\\"}')).toBeUndefined()
    expect(firstDuplicateKey('[{"a":1},{"a":1}]')).toBeUndefined()
    expect(firstDuplicateKey('"a"')).toBeUndefined()
  })

  it('is linear: a 1 MB line with 50,000 keys in well under a second', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `"k${i}":${i}`)
    const line = `{${keys.join(',')},"pad":"${'x'.repeat(500_000)}"}`
    const started = Date.now()
    expect(firstDuplicateKey(line)).toBeUndefined()
    expect(firstDuplicateKey(line.replace(/}$/, ',"k7":0}'))).toBe('k7')
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
