// Opens a generated report.html in Debian's Chromium (installed by test/setup/global-setup.js,
// never downloaded), recording every request the page makes.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

const EXECUTABLE = process.env.EVALGATE_CHROMIUM ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface OpenedReport {
  page: Page
  url: string
  /** Every URL the page requested, the page itself included. */
  requests: string[]
  /** Console errors, page errors and dialogs (an injected alert() would land here). */
  problems: string[]
  close(): Promise<void>
}

/** `allowed`: the other URLs the page may load (default none: only the page itself). */
export async function openReport(
  htmlPath: string,
  allowed: (url: string) => boolean = () => false
): Promise<OpenedReport> {
  if (!existsSync(EXECUTABLE)) {
    const setupProblem = process.env.EVALGATE_CHROMIUM_PROBLEM
    throw new Error(
      `Chromium is not installed at ${EXECUTABLE}; the browser tests need it. ` +
        (setupProblem ? `scripts/ensure-chromium.sh said: ${setupProblem}` : 'Run scripts/ensure-chromium.sh as root.')
    )
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'evalgate-chromium-'))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: EXECUTABLE, args: ARGS })
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true })
    throw err
  }
  const url = pathToFileURL(htmlPath).href
  const requested = new Set<string>()
  // Everything is recorded; anything but the page itself is refused, so a leak never gets out.
  await context.route('**', (route) => {
    requested.add(route.request().url())
    const requestedUrl = route.request().url()
    return requestedUrl === url || allowed(requestedUrl) ? route.continue() : route.abort()
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('request', (request) => requested.add(request.url()))
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  const close = async () => {
    await context.close()
    await rm(userDataDir, { recursive: true, force: true })
  }
  try {
    await page.goto(url)
  } catch (err) {
    await close()
    throw err
  }
  return {
    page,
    url,
    get requests() {
      return [...requested]
    },
    problems,
    close
  }
}

/** Waits until `selector`'s whole text is `text` (the task count is updated after a debounce). */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  const exactly = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
  await page.locator(selector, { hasText: exactly }).waitFor()
}
