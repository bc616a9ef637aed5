// readUserText reads a file at once; a named pipe (which nothing may ever write to) is refused
// at once instead of blocking the process, and the agent-code hash streams it the same way.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readUserText } from '../../src/util/read-text.js'

const dir = mkdtempSync(join(tmpdir(), 'evalgate-read-text-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readUserText', () => {
  it('reads a regular file with its digest', async () => {
    writeFileSync(join(dir, 'a.yaml'), 'a: 1\n')
    const read = await readUserText(join(dir, 'a.yaml'), 'a.yaml')
    expect(read).toMatchObject({ ok: true, text: 'a: 1\n' })
  })

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'tasks.yaml')
    execFileSync('mkfifo', [fifo])
    const startedAt = performance.now()
    expect(await readUserText(fifo, 'tasks.yaml')).toEqual({
      ok: false,
      problem: { file: 'tasks.yaml', message: 'cannot read file: a named pipe, not a file', severity: 'error' }
    })
    expect(performance.now() - startedAt).toBeLessThan(5000)
  })

  it('says a missing file is missing', async () => {
    const read = await readUserText(join(dir, 'missing.yaml'), 'missing.yaml')
    expect(read.ok).toBe(false)
    expect(!read.ok && read.problem.message).toMatch(/^cannot read file: ENOENT/)
  })
})
