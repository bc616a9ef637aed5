// npm run bench -- scale: http tasks by the thousand (1 ms each): peak RSS and time of the run
// with the default heap, and how large report.html is and how long Chromium takes to open it.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { makeProject, runCli, startServer, verdict } from './lib.mjs'

const CHROMIUM = process.env.EVALGATE_CHROMIUM ?? '/usr/bin/chromium'
const TARGET_MB = 300

/** `--counts 1000,20000` picks the sizes (default 1k, 20k, 100k); the page is opened at the largest. */
export async function scale(results, options = []) {
  const at = options.indexOf('--counts')
  const counts = at >= 0 ? options[at + 1].split(',').map(Number) : [1000, 20000, 100000]
  const largest = Math.max(...counts)
  const { server, port } = await startServer('agent-http.mjs', { DELAY_MS: '1' })
  try {
    for (const count of counts) {
      const dir = makeProject({ count, agent: ['type: http', `url: http://127.0.0.1:${port}/`] })
      const run = await runCli(dir, ['--concurrency', '32', '--out', 'out'])
      const line = `scale: ${count} http tasks: exit ${run.code}, peak RSS ${run.rssMb.toFixed(0)} MB, ${run.seconds.toFixed(1)}s`
      if (count !== largest) {
        results.push(line)
        continue
      }
      const html = join(dir, 'out', 'report.html')
      const page = await openTime(html, count)
      results.push(
        `${line} (target < ${TARGET_MB} MB) ${verdict(run.rssMb < TARGET_MB)}; ` +
          `report.html ${(statSync(html).size / 1e6).toFixed(1)} MB, report.json ${(statSync(join(dir, 'out', 'report.json')).size / 1e6).toFixed(1)} MB, ` +
          `opens in Chromium in ${page.seconds.toFixed(2)}s (first ${page.rows} rows listed)`
      )
    }
  } finally {
    server.kill()
  }
}

/** From navigation to the first page of task rows listed, in a fresh headless Chromium. */
async function openTime(htmlPath, count) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
  })
  try {
    const page = await browser.newPage()
    const start = process.hrtime.bigint()
    await page.goto(pathToFileURL(htmlPath).href, { timeout: 600_000 })
    const listed = `Showing ${count.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} tasks`
    await page.locator('#task-count', { hasText: listed }).waitFor({ timeout: 600_000 })
    await page.locator('#task-rows tr.task').first().waitFor({ timeout: 600_000 })
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    return { seconds, rows: await page.locator('#task-rows tr.task').count() }
  } finally {
    await browser.close()
  }
}
