// Issue 12, item 5: collapsed, the PR comment of a failed gate fits one screen. Its markdown is
// rendered (test/action/comment-html.ts, styled like a GitHub comment) in Debian's Chromium and
// measured.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { goldenFiles } from '../golden/golden-files.js'
import { openReport, type OpenedReport } from '../html/browser.js'
import { commentHtml } from './comment-html.js'

let dir: string
let opened: OpenedReport
const height = async () => (await opened.page.locator('body').boundingBox())!.height

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-comment-'))
  const file = join(dir, 'comment.html')
  await writeFile(file, commentHtml(goldenFiles()['fail/comment.md']))
  opened = await openReport(file)
})
afterAll(async () => {
  await opened?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the canonical fail comment in a browser', () => {
  it('is under 900 px tall collapsed, and its folds hold the rest', async () => {
    expect(await opened.page.locator('details').count()).toBe(5)
    const collapsed = await height()
    expect(collapsed).toBeLessThan(900)
    await opened.page.locator('details').evaluateAll((folds) => folds.forEach((d) => d.setAttribute('open', '')))
    // The folds are real <details>: opened, the same comment is much taller.
    expect(await height()).toBeGreaterThan(collapsed + 600)
    expect(opened.problems).toEqual([])
  })
})
