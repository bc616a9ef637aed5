import { describe, expect, it } from '@jest/globals'
import { createProgress, duration } from '../../src/run/progress.js'

function fakeStream(isTTY: boolean) {
  const writes: string[] = []
  const stream = { isTTY, write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WriteStream
  return { stream, writes }
}

describe('progress', () => {
  it('prints a plain line every 10% in CI logs, with the failures so far', () => {
    const { stream, writes } = fakeStream(false)
    const progress = createProgress(20, stream)
    for (let i = 0; i < 20; i++) progress.tick(i < 3 ? 'fail' : 'pass')
    progress.done()
    expect(writes).toHaveLength(10)
    expect(writes.every((line) => line.startsWith('evalgate: ') && line.endsWith('\n'))).toBe(true)
    expect(writes[writes.length - 1]).toMatch(/^evalgate: 20\/20 tasks \(3 fail\), [\d.]+s\n$/)
  })

  it('redraws one bar on a terminal and ends the line', () => {
    const { stream, writes } = fakeStream(true)
    const progress = createProgress(4, stream, { env: {} })
    for (let i = 0; i < 4; i++) progress.tick(i === 0 ? 'error' : 'pass')
    progress.done()
    expect(writes[0].startsWith('\r[')).toBe(true)
    expect(writes[writes.length - 2]).toContain('4/4 tasks (1 error)')
    expect(writes[writes.length - 1]).toBe('\n')
    expect(writes.join('')).not.toMatch(/\n.*\n.*\n/)
  })

  it('shows the time elapsed and an estimate of the time left, from the pace so far', () => {
    let clock = 1_000_000
    const { stream, writes } = fakeStream(false)
    const progress = createProgress(20, stream, { env: {}, now: () => clock })
    for (let i = 0; i < 20; i++) {
      clock += 3000
      progress.tick('pass')
    }
    expect(writes[0]).toBe('evalgate: 2/20 tasks, 6.0s, about 54s left\n')
    expect(writes[4]).toBe('evalgate: 10/20 tasks, 30.0s, about 30s left\n')
    expect(writes[writes.length - 1]).toBe('evalgate: 20/20 tasks, 60.0s\n')
  })

  it('redraws the bar with the elapsed time and the time left', () => {
    let clock = 0
    const { stream, writes } = fakeStream(true)
    const progress = createProgress(3, stream, { env: { TERM: 'xterm-256color' }, now: () => clock })
    clock = 90_000
    progress.tick('pass')
    expect(writes[0]).toBe(`\r[##########--------------------] 1/3 tasks, 1m30s elapsed, about 3m00s left\x1b[K`)
    clock = 200_000
    progress.tick('pass')
    progress.tick('fail')
    progress.done()
    expect(writes[writes.length - 2]).toContain('3/3 tasks (1 fail), 3m20s elapsed\x1b[K')
  })

  it.each([
    ['CI=true', { CI: 'true' }],
    ['CI=1', { CI: '1' }],
    ['TERM=dumb', { TERM: 'dumb' }]
  ])('prints plain lines with %s, even on a terminal: no carriage return, no escape code', (_, env) => {
    const { stream, writes } = fakeStream(true)
    const progress = createProgress(10, stream, { env })
    for (let i = 0; i < 10; i++) progress.tick('pass')
    progress.round(2, 5)
    for (let i = 0; i < 5; i++) progress.tick(i === 0 ? 'fail' : 'pass')
    progress.done()
    const text = writes.join('')
    expect(text).not.toContain('\r')
    expect(text).not.toContain('\x1b')
    expect(writes.every((line) => line.startsWith('evalgate: ') && line.endsWith('\n'))).toBe(true)
    expect(writes).toContain('evalgate: round 2: 5 more attempts\n')
    expect(writes[writes.length - 1]).toMatch(/^evalgate: 15\/15 attempts \(1 fail\), [\d.]+s\n$/)
  })

  it('CI=false and an empty CI are not CI', () => {
    for (const env of [{ CI: 'false' }, { CI: '' }]) {
      const { stream, writes } = fakeStream(true)
      createProgress(1, stream, { env }).tick('pass')
      expect(writes[0].startsWith('\r[')).toBe(true)
    }
  })

  it('writes durations in seconds, then minutes, then hours', () => {
    expect([0.4, 42, 65, 3599, 3600, 7380].map(duration)).toEqual(['0s', '42s', '1m05s', '59m59s', '1h00m', '2h03m'])
  })
})
