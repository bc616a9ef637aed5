import { describe, expect, it } from '@jest/globals'
import { BUILT_IN_PRICES, costOf, priceFor } from '../../src/llm/index.js'

describe('priceFor', () => {
  it('knows the common models', () => {
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'o3', 'o4-mini']) {
      expect(priceFor(model)).toBe(BUILT_IN_PRICES[model])
    }
    expect(priceFor('gpt-5')).toEqual({ input_per_mtok: 1.25, output_per_mtok: 10 })
    expect(priceFor('gpt-5-mini')).toEqual({ input_per_mtok: 0.25, output_per_mtok: 2 })
    expect(priceFor('gpt-5-nano')).toEqual({ input_per_mtok: 0.05, output_per_mtok: 0.4 })
  })

  it('prices a dated or suffixed variant as the longest known prefix', () => {
    expect(priceFor('gpt-4o-mini-2024-07-18')).toBe(BUILT_IN_PRICES['gpt-4o-mini'])
    expect(priceFor('gpt-4.1-2025-04-14')).toBe(BUILT_IN_PRICES['gpt-4.1'])
    expect(priceFor('o3-mini-2025-01-31')).toBe(BUILT_IN_PRICES['o3-mini'])
    expect(priceFor('GPT-4o')).toBe(BUILT_IN_PRICES['gpt-4o'])
    // An exact entry wins over its prefix.
    expect(priceFor('gpt-4o-2024-05-13')).toEqual({ input_per_mtok: 5, output_per_mtok: 15 })
  })

  it('does not price a different model that merely starts with a known name', () => {
    expect(priceFor('gpt-5.2')).toBeUndefined()
    expect(priceFor('o3x')).toBeUndefined()
    expect(priceFor('llama3.1:8b')).toBeUndefined()
  })

  it('takes user prices over the table, for their variants too', () => {
    const pricing = {
      'gpt-4o': { input_per_mtok: 1, output_per_mtok: 1 },
      'Acme-Large': { input_per_mtok: 2, output_per_mtok: 3 }
    }
    expect(priceFor('gpt-4o-2024-08-06', pricing)).toEqual({ input_per_mtok: 1, output_per_mtok: 1 })
    expect(priceFor('acme-large', pricing)).toEqual({ input_per_mtok: 2, output_per_mtok: 3 })
    expect(priceFor('gpt-4o-mini', pricing)).toBe(BUILT_IN_PRICES['gpt-4o-mini'])
  })
})

describe('costOf', () => {
  it('is USD for the tokens, without floating-point noise', () => {
    expect(costOf({ input_per_mtok: 0.1, output_per_mtok: 0.2 }, 1_000_000, 1_000_000)).toBe(0.3)
    expect(costOf(BUILT_IN_PRICES['gpt-4o'], 1200, 300)).toBe(0.006)
    expect(costOf(BUILT_IN_PRICES['gpt-4o'], 0, 0)).toBe(0)
  })

  it('is null for an unknown price', () => {
    expect(costOf(undefined, 10, 10)).toBeNull()
  })
})
