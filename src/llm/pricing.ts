import type { ModelPrice } from '../model/types.js'

/**
 * USD per million tokens, standard (non-batch) tier, as published by OpenAI in 2025.
 * thresholds.yml `pricing` extends and overrides this table.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-5': price(1.25, 10),
  'gpt-5.1': price(1.25, 10),
  'gpt-5-mini': price(0.25, 2),
  'gpt-5-nano': price(0.05, 0.4),
  'gpt-4.1': price(2, 8),
  'gpt-4.1-mini': price(0.4, 1.6),
  'gpt-4.1-nano': price(0.1, 0.4),
  'gpt-4o': price(2.5, 10),
  'gpt-4o-2024-05-13': price(5, 15),
  'gpt-4o-mini': price(0.15, 0.6),
  o1: price(15, 60),
  'o1-mini': price(1.1, 4.4),
  'o1-pro': price(150, 600),
  o3: price(2, 8),
  'o3-mini': price(1.1, 4.4),
  'o3-pro': price(20, 80),
  'o4-mini': price(1.1, 4.4),
  'gpt-4-turbo': price(10, 30),
  'gpt-4': price(30, 60),
  'gpt-3.5-turbo': price(0.5, 1.5)
}

/** Looks prices up by model name; one per run, lookups are memoized. */
export class PriceTable {
  private readonly prices = new Map<string, ModelPrice>()
  private readonly found = new Map<string, ModelPrice | undefined>()

  constructor(overrides: Record<string, ModelPrice> = {}) {
    for (const [model, p] of Object.entries(BUILT_IN_PRICES)) this.prices.set(model, p)
    for (const [model, p] of Object.entries(overrides)) this.prices.set(model.toLowerCase(), p)
  }

  /**
   * The exact name, else the longest known name it extends with a `-` suffix, so that
   * `gpt-4o-mini-2024-07-18` is priced as `gpt-4o-mini`, but `gpt-5.2` is not priced as `gpt-5`.
   */
  priceFor(model: string): ModelPrice | undefined {
    if (this.found.has(model)) return this.found.get(model)
    const name = model.toLowerCase()
    let best: string | undefined
    if (this.prices.has(name)) best = name
    else {
      for (const known of this.prices.keys()) {
        if (name.startsWith(`${known}-`) && (best === undefined || known.length > best.length)) best = known
      }
    }
    const result = best === undefined ? undefined : this.prices.get(best)
    this.found.set(model, result)
    return result
  }
}

export function priceFor(model: string, overrides: Record<string, ModelPrice> = {}): ModelPrice | undefined {
  return new PriceTable(overrides).priceFor(model)
}

/** USD for the tokens, or null when the model's price is unknown. */
export function costOf(price: ModelPrice | undefined, inputTokens: number, outputTokens: number): number | null {
  if (price === undefined) return null
  const usd = (inputTokens * price.input_per_mtok + outputTokens * price.output_per_mtok) / 1_000_000
  // Drop binary floating-point noise (0.30000000000000004) while keeping sub-cent precision.
  return Math.round(usd * 1e10) / 1e10
}

function price(input_per_mtok: number, output_per_mtok: number): ModelPrice {
  return { input_per_mtok, output_per_mtok }
}
