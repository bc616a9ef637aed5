import { describe, expect, it } from '@jest/globals'
import { createProgress } from '../../src/run/progress.js'

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
    const progress = createProgress(4, stream)
    for (let i = 0; i < 4; i++) progress.tick(i === 0 ? 'error' : 'pass')
    progress.done()
    expect(writes[0].startsWith('\r[')).toBe(true)
    expect(writes[writes.length - 2]).toContain('4/4 tasks (1 error)')
    expect(writes[writes.length - 1]).toBe('\n')
    expect(writes.join('')).not.toMatch(/\n.*\n.*\n/)
  })
})
