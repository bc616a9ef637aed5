// Issue 16, part M: a run of thousands of tasks through an http agent on 127.0.0.1 writes a
// report.json that holds every task, and a report.html whose compact, lazily listed rows all
// render in Chromium. (Memory and timings at 100,000 tasks: npm run bench -- scale.)
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { evaluate } from '../../src/run/evaluate.js'
import { reportFileSchema } from '../../src/model/report.js'
import { writeProject } from '../helpers/project.js'
import { openReport, waitForText, type OpenedReport } from '../html/browser.js'

const COUNT = 5000
/** Every 7th task gets a wrong label. */
const failing = (n: number) => n % 7 === 6

let server: Server
let dir: string
let opened: OpenedReport | undefined

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      const { input } = JSON.parse(body) as { input: { n: number } }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ label: failing(input.n) ? 'wrong' : 'ok' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const tasks = Array.from({ length: COUNT }, (_, n) =>
    JSON.stringify({
      id: `t-${n}`,
      tier: n % 3 === 0 ? 'T1' : 'T2',
      risk: 'low',
      input: { n },
      expected: { label: 'ok' }
    })
  )
  dir = writeProject({
    'golden-tasks/bulk/workflow.yml': [
      'name: bulk',
      'inputs: { required: [n] }',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      'agent:',
      '  type: http',
      `  url: http://127.0.0.1:${port}/`,
      ''
    ].join('\n'),
    'golden-tasks/bulk/tasks.jsonl': tasks.join('\n') + '\n',
    'thresholds.yml': 'tiers: { T1: 0.5, T2: 0.5 }\nbudgets: { task_timeout_s: 60, max_error_rate: 0.01 }\n'
  })
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    await evaluate({
      tasksDir: join(dir, 'golden-tasks'),
      thresholdsFile: join(dir, 'thresholds.yml'),
      outDir: join(dir, 'out'),
      concurrency: 16,
      repeat: 1,
      repoRoot: dir
    })
  } finally {
    stdout.mockRestore()
  }
}, 120_000)

afterAll(async () => {
  await opened?.close()
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

const failures = Array.from({ length: COUNT }, (_, n) => n).filter(failing).length

describe(`a run of ${COUNT.toLocaleString('en-US')} http tasks`, () => {
  test('report.json holds every task and is valid', () => {
    const report = reportFileSchema.parse(JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')))
    expect(report.tasks).toHaveLength(COUNT)
    expect(report.totals).toMatchObject({ tasks: COUNT, passed: COUNT - failures, failed: failures })
    expect(report.tasks.find((t) => t.id === 't-6')).toMatchObject({ status: 'fail', workflow: 'bulk', tier: 'T1' })
  })

  test('report.html lists every row on demand, filters them and opens a trace', async () => {
    opened = await openReport(join(dir, 'out', 'report.html'))
    const { page } = opened
    const rows = page.locator('#task-rows tr.task')
    await waitForText(page, '#task-count', `Showing 5,000 of 5,000 tasks`)
    expect(await rows.count()).toBe(100)
    await page.click('#show-all')
    await page.locator('#task-more', { hasText: 'Listed 5,000 of 5,000' }).waitFor()
    expect(await rows.count()).toBe(COUNT)
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))
    expect(new Set(ids).size).toBe(COUNT)

    await page.selectOption('#filter-status', 'fail')
    await waitForText(page, '#task-count', `Showing ${failures.toLocaleString('en-US')} of 5,000 tasks`)
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))))).toEqual(
      new Set(['fail'])
    )
    await rows.first().click()
    const panel = page.locator('tr.detail .panel')
    await panel.waitFor()
    expect(await panel.textContent()).toContain('wrong')
    expect(opened.problems).toEqual([])
  }, 60_000)
})
