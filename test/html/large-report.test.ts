// A 2,000-task report in Chromium: the table pages, filters and opens traces. Timings are
// measured by hand or in benchmarks, not asserted here.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeHtmlReport } from '../../src/html/index.js'
import { openReport, waitForText, type OpenedReport } from './browser.js'
import { syntheticReport, syntheticTrace, writeTraces } from './synthetic.js'

const TASKS = 2000

describe('a 2,000-task report.html', () => {
  let dir: string
  let opened: OpenedReport
  const report = syntheticReport(TASKS)
  const failed = report.tasks.filter((t) => t.status === 'fail')
  const lastFailed = failed[failed.length - 1].id

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evalgate-large-'))
    const tracesPath = join(dir, 'traces.jsonl')
    await writeTraces(
      tracesPath,
      report.tasks.map((t) => syntheticTrace(t))
    )
    opened = await openReport(await writeHtmlReport(dir, report, tracesPath))
  })
  afterAll(async () => {
    await opened?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const page = () => opened.page
  const rows = () => page().locator('#task-rows tr.task')
  const waitForCount = (text: string) => waitForText(page(), '#task-count', text)

  test('renders the first page of rows, then more on demand', async () => {
    await waitForCount('Showing 2,000 of 2,000 tasks')
    expect(await rows().count()).toBe(100)
    await page().click('#show-more')
    expect(await rows().count()).toBe(200)
    expect(await page().textContent('#task-more')).toContain('Listed 200 of 2,000')
  })

  test('filters over all tasks, not just the rendered ones', async () => {
    await page().selectOption('#filter-status', 'fail')
    await waitForCount(`Showing ${failed.length} of 2,000 tasks`)
    expect(await rows().count()).toBe(100)
    expect(new Set(await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))))).toEqual(
      new Set(['fail'])
    )
    await page().fill('#filter-search', lastFailed)
    await waitForCount('Showing 1 of 2,000 tasks')
    expect(await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual([lastFailed])
  })

  test('opens the trace of a task from the last chunk', async () => {
    await page().click(`#task-rows tr.task[data-id="${lastFailed}"]`)
    const panel = page().locator('tr.detail .panel')
    await panel.waitFor()
    expect(
      await panel.locator('.tool-call').evaluateAll((items) => items.map((li) => li.getAttribute('data-seq')))
    ).toEqual(['1', '2', '3'])
    expect(await panel.locator('.tool-call').first().textContent()).toContain(`ORD-${lastFailed}`)
    expect(opened.problems).toEqual([])
    expect(opened.requests).toEqual([opened.url])
  })
})
