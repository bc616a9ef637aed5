import { describe, expect, it } from '@jest/globals'
import { normalQuantile } from '../../../src/gate/normal-quantile.js'
import { studentTCdf, studentTQuantile } from '../../../src/gate/student-t.js'
import { binomialUpperTail, mcnemarOneSided } from '../../../src/gate/binomial-tail.js'
import { passHatK } from '../../../src/gate/pass-hat-k.js'

describe('normalQuantile (AS 241)', () => {
  it('matches known quantiles', () => {
    expect(normalQuantile(0.99)).toBeCloseTo(2.326348, 6)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6)
    expect(normalQuantile(0.5)).toBe(0)
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6)
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361341, 5)
    expect(normalQuantile(0.999999)).toBeCloseTo(4.753424, 5)
  })

  it('is infinite at 0 and 1 and refuses what is not a probability', () => {
    expect(normalQuantile(0)).toBe(-Infinity)
    expect(normalQuantile(1)).toBe(Infinity)
    expect(() => normalQuantile(1.5)).toThrow(RangeError)
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError)
  })
})

describe("Student's t", () => {
  it('matches known quantiles, whole and fractional df', () => {
    expect(studentTQuantile(0.99, 12)).toBeCloseTo(2.680998, 5)
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 4)
    expect(studentTQuantile(0.99, 11.3)).toBeCloseTo(2.706169, 5)
    expect(studentTQuantile(0.9, 2.5)).toBeCloseTo(1.730251, 5)
    expect(studentTQuantile(0.01, 12)).toBeCloseTo(-2.680998, 5)
    expect(studentTQuantile(0.5, 3)).toBe(0)
  })

  it('stays exact below one degree of freedom, where the tails are very heavy', () => {
    expect(studentTQuantile(0.99, 0.5) / 1028.49101).toBeCloseTo(1, 5)
    expect(studentTQuantile(0.995, 0.3) / 1406890.34).toBeCloseTo(1, 4)
  })

  it('tends to the normal quantile', () => {
    expect(studentTQuantile(0.99, Infinity)).toBeCloseTo(2.326348, 6)
    expect(studentTQuantile(0.99, 1e7)).toBeCloseTo(2.326348, 4)
  })

  it('has a CDF that inverts the quantile', () => {
    expect(studentTCdf(1.5, 3.7)).toBeCloseTo(0.893201, 6)
    expect(studentTCdf(studentTQuantile(0.95, 7.2), 7.2)).toBeCloseTo(0.95, 10)
    expect(studentTCdf(0, 4)).toBe(0.5)
  })

  it('refuses df that are not positive', () => {
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError)
    expect(() => studentTQuantile(0.9, -1)).toThrow(RangeError)
  })
})

describe('binomial tail and McNemar', () => {
  it('sums the exact upper tail', () => {
    expect(binomialUpperTail(7, 10)).toBeCloseTo(0.171875, 12)
    expect(binomialUpperTail(3, 3)).toBeCloseTo(0.125, 12)
    expect(binomialUpperTail(0, 5)).toBe(1)
    expect(binomialUpperTail(6, 5)).toBe(0)
    expect(binomialUpperTail(2, 4, 0)).toBe(0)
    expect(binomialUpperTail(2, 4, 1)).toBe(1)
  })

  it('tests the worse-than-better split of discordant pairs, one-sided', () => {
    expect(mcnemarOneSided(4, 0)).toBeCloseTo(0.0625, 12)
    expect(mcnemarOneSided(5, 0)).toBeCloseTo(0.03125, 12)
    expect(mcnemarOneSided(2, 2)).toBeCloseTo(11 / 16, 12)
    expect(mcnemarOneSided(0, 3)).toBe(1)
    expect(mcnemarOneSided(0, 0)).toBe(1)
  })
})

describe("tau-bench's pass^k estimator", () => {
  it('is C(c,k)/C(n,k)', () => {
    expect(passHatK(4, 5, 2)).toBeCloseTo(6 / 10, 12)
    expect(passHatK(3, 5, 3)).toBeCloseTo(1 / 10, 12)
    expect(passHatK(5, 5, 5)).toBe(1)
    expect(passHatK(0, 5, 1)).toBe(0)
    expect(passHatK(2, 5, 3)).toBe(0)
  })

  it('is the pass rate at k = 1, and needs k between 1 and n', () => {
    expect(passHatK(3, 4, 1)).toBeCloseTo(0.75, 12)
    expect(passHatK(1, 1, 1)).toBe(1)
    expect(() => passHatK(1, 2, 3)).toThrow(RangeError)
    expect(() => passHatK(1, 2, 0)).toThrow(RangeError)
  })
})

describe('binomial tail for many trials', () => {
  it('switches to log-space terms past 1000 trials and stays a probability', () => {
    expect(binomialUpperTail(1000, 2000)).toBeCloseTo(0.5089, 3)
    expect(binomialUpperTail(1100, 2000)).toBeLessThan(1e-5)
  })
})
