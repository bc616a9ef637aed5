import { describe, expect, it } from '@jest/globals'
import { wilsonInterval } from '../../src/gate/wilson.js'

describe('wilsonInterval', () => {
  it('matches known 95% intervals', () => {
    const a = wilsonInterval(78, 82)
    expect(a.low).toBeCloseTo(0.88119, 4)
    expect(a.high).toBeCloseTo(0.98087, 4)
    const b = wilsonInterval(38, 50)
    expect(b.low).toBeCloseTo(0.62587, 4)
    expect(b.high).toBeCloseTo(0.85703, 4)
  })

  it('stays meaningful at 0/n and n/n', () => {
    expect(wilsonInterval(0, 10).low).toBe(0)
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.27753, 4)
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.72247, 4)
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 10)
    expect(wilsonInterval(10, 10).high).toBeLessThanOrEqual(1)
  })

  it('is symmetric around one half', () => {
    const { low, high } = wilsonInterval(5, 10)
    expect(low + high).toBeCloseTo(1, 10)
  })

  it('knows nothing about an empty tier', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 })
  })
})
