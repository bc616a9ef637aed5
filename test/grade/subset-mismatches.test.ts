import { describe, expect, it } from '@jest/globals'
import { subsetMismatches } from '../../src/grade/subset-mismatches.js'
import { deepSubset } from '../../src/util/deep-subset.js'

describe('subsetMismatches', () => {
  it.each<[string, unknown, unknown, string[]]>([
    ['equal scalars', 25, 25, []],
    ['extra keys are fine', { amount: 25 }, { amount: 25, currency: 'EUR' }, []],
    ['scalar differs', { amount: 25 }, { amount: 250 }, ['result.amount: expected 25 but got 250']],
    ['number is not string', { amount: 25 }, { amount: '25' }, ['result.amount: expected 25 but got "25"']],
    ['missing key', { currency: 'EUR' }, {}, ['result.currency: missing']],
    ['expected null', { note: null }, { note: 'x' }, ['result.note: expected null but got "x"']],
    [
      'nested object',
      { customer: { tier: 'gold' } },
      { customer: { tier: 'silver' } },
      ['result.customer.tier: expected "gold" but got "silver"']
    ],
    [
      'object expected, scalar given',
      { customer: { tier: 'gold' } },
      { customer: 'bob' },
      ['result.customer: expected an object but got "bob"']
    ],
    [
      'array expected, object given',
      { items: [1] },
      { items: { 0: 1 } },
      ['result.items: expected an array but got {"0":1}']
    ],
    ['array lengths differ', { items: [1, 2] }, { items: [1, 2, 3] }, ['result.items: expected 2 items but got 3']],
    ['one item', { items: [1] }, { items: [] }, ['result.items: expected 1 item but got 0']],
    [
      'array element',
      { items: [{ sku: 'A' }, { sku: 'B' }] },
      { items: [{ sku: 'A', n: 1 }, { sku: 'C' }] },
      ['result.items[1].sku: expected "B" but got "C"']
    ],
    ['odd key', { 'order id': 1 }, {}, ['result["order id"]: missing']],
    ['several', { a: 1, b: 2 }, { a: 2 }, ['result.a: expected 1 but got 2', 'result.b: missing']],
    ['no own prototype keys', { constructor: 1 }, {}, ['result.constructor: missing']]
  ])('%s', (_name, expected, actual, mismatches) => {
    expect(subsetMismatches(expected, actual, 'result')).toEqual(mismatches)
    // Agrees with the sandbox's deepSubset on whether there is any mismatch.
    expect(deepSubset(expected, actual)).toBe(mismatches.length === 0)
  })
})
