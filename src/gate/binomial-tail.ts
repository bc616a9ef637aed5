import { lnGamma } from './student-t.js'

/** ln C(n, k). */
export function lnChoose(n: number, k: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1)
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed exactly term by term (n is a count of tasks: small). */
export function binomialUpperTail(k: number, n: number, p = 0.5): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0) throw new RangeError(`binomialUpperTail(${k}, ${n})`)
  if (k <= 0) return 1
  if (k > n) return 0
  if (p <= 0) return 0
  if (p >= 1) return 1
  let sum = 0
  if (n <= 1000) {
    // The probabilities by their recurrence: exact for the small counts McNemar sees (3 of 3 -> 0.125).
    let pmf = Math.pow(1 - p, n)
    for (let i = 0; i <= n; i++) {
      if (i >= k) sum += pmf
      pmf *= ((n - i) / (i + 1)) * (p / (1 - p))
    }
  } else {
    for (let i = k; i <= n; i++) sum += Math.exp(lnChoose(n, i) + i * Math.log(p) + (n - i) * Math.log(1 - p))
  }
  return Math.min(1, sum)
}

/**
 * The exact one-sided McNemar test that a change made things worse: of the `worse + better`
 * discordant pairs, how likely at least `worse` went the bad way if either way were equally likely.
 */
export function mcnemarOneSided(worse: number, better: number): number {
  return binomialUpperTail(worse, worse + better, 0.5)
}
