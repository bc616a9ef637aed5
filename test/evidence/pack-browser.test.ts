// The evidence pack opened and printed in Debian's Chromium (playwright-core), from file://:
// each page prints to the expected number of A4 and Letter pages, nothing sticks out past the
// right edge at print width, every item is there and a link from the index, the links between
// pages work offline, and the page loads nothing from anywhere.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EvidenceInput, EvidenceWorkflow } from '../../src/evidence/input.js'
import { chooseSample } from '../../src/evidence/trace-choice.js'
import { writeEvidencePack } from '../../src/evidence/write.js'
import type { Report, TraceLine, WorkflowInfo } from '../../src/model/types.js'
import { registerSecret } from '../../src/util/secrets.js'
import { openReport, type OpenedReport } from '../html/browser.js'
import { syntheticReport, syntheticTrace } from '../html/synthetic.js'
import { repoRoot, runCli } from '../helpers/project.js'
import { overflowAtPrintWidth, PAPER, printedPages } from './print.js'
import {
  CARD,
  EMAIL,
  evidenceProject,
  ITEMS,
  leaks,
  MODEL_KEY,
  packFiles,
  PAGES,
  PHONE,
  SECRET_ENV
} from './projects.js'

const SECTIONS = [
  'scope',
  'permissions',
  'data governance',
  'golden set',
  'evals',
  'tracing',
  'escalation',
  'cost',
  'versions',
  'incidents'
]

const LONG_TOKEN = 'tok_' + 'x9Y8z7W6'.repeat(40)
const LONG_URL = 'https://status.example.com/' + 'incidents/refund-agent/'.repeat(12)

const RUNBOOK = `# Refund agent runbook

## When to escalate
Escalate when a chargeback or a legal threat is mentioned, or the agent is less than 70% sure.

## Fallback behaviour
- Stop moving money: every refund becomes a proposal.
- Reply that a human will follow up within one business day.

## On-call
| Rota | Where |
|---|---|
| refunds-oncall | PagerDuty, then ${LONG_URL} |

## How to disable automation
\`\`\`sh
export REFUND_AGENT_OFF=1   # the kill switch: ${LONG_TOKEN}
\`\`\`
`

/** Two workflows, a run that could not be decided, a runbook for one of them, a readiness score. */
function syntheticInput(): EvidenceInput {
  const one = syntheticReport(30)
  const first: WorkflowInfo = {
    ...one.workflows[0],
    outcomes: { success: `Resolved as policy.md prescribes, see ${LONG_URL}`, failure: 'Money moved wrongly.' },
    permissions: {
      ...one.workflows[0].permissions,
      check_fraud_signals_of_the_customer_and_the_order_together: {
        scope: 'read',
        risk: 'medium',
        approval: 'none',
        scopes: [`fraud:read:${LONG_TOKEN.slice(0, 60)}`],
        limits: { order_id: { pattern: '^ORD-[0-9]{5,12}$' } }
      }
    },
    identity: { model: 'delegated_service', principal: 'svc-refund-agent' }
  }
  const second: WorkflowInfo = {
    ...first,
    name: 'refund_escalation',
    file: 'golden-tasks/refund_escalation/workflow.yml'
  }
  const tasks = [...one.tasks, ...one.tasks.map((t) => ({ ...t, workflow: second.name }))]
  const report: Report = {
    ...one,
    decision: 'error',
    reasons: ['error rate 6.7% (4/60 tasks errored) exceeds max_error_rate 5% — decision error', ...one.reasons],
    workflows: [first, second],
    tasks,
    tiers: [...one.tiers, ...one.tiers.map((t) => ({ ...t, workflow: second.name }))],
    readiness: {
      sections: SECTIONS.map((title, i) => ({
        id: title.toLowerCase().replace(/ /g, '_'),
        number: i + 1,
        title,
        status: (['met', 'partial', 'missing'] as const)[i % 3],
        evidence: [`${title} evidenced by the manifest`],
        missing: i % 3 === 0 ? [] : [`no golden task covers ${title}${i === 1 ? ` (${LONG_TOKEN.slice(0, 80)})` : ''}`]
      })),
      met: 4,
      partial: 3,
      missing: 3
    }
  }
  const sample = chooseSample(report).tasks.map((chosen) => {
    const trace = syntheticTrace(chosen.task, {
      attempt: 1,
      input: { message: `Refund please, ${EMAIL}, ${PHONE}, card ${CARD}, key ${MODEL_KEY}`, token: LONG_TOKEN }
    }) as unknown as TraceLine
    return { ...chosen, trace }
  })
  const workflow = (info: WorkflowInfo, runbook?: EvidenceWorkflow['runbook']): EvidenceWorkflow => ({
    info,
    tasks: tasks.filter((t) => t.workflow === info.name).map((t) => ({ tier: t.tier, risk: t.risk })),
    rules: { T1: { min_success: 0.92 }, T2: { min_success: 0.8 } },
    redact: [],
    killSwitch: { env: 'REFUND_AGENT_OFF', value: '1', drill_tasks: 10 },
    ...(runbook ? { runbook } : {})
  })
  return {
    workflows: [
      workflow(first, { file: 'golden-tasks/refund_request_v2/RUNBOOK.md', text: RUNBOOK }),
      workflow(second)
    ],
    run: {
      file: 'evalgate-report/report.json',
      report,
      sample,
      moreFailures: 3,
      unreadableTraces: 0,
      reportHtml: '../report.html'
    }
  }
}

interface Pack {
  dir: string
  /** Expected printed pages per page id (both papers). */
  pages: Record<string, number | [min: number, max: number]>
}

let browser: OpenedReport | undefined
afterAll(async () => {
  await browser?.close()
})

async function open(dir: string, page: string): Promise<OpenedReport> {
  await browser?.close()
  const base = pathToFileURL(dir).href
  browser = await openReport(join(dir, `${page}.html`), (url) => url.startsWith(base))
  return browser
}

function describePack(name: string, make: () => Promise<Pack>) {
  describe(name, () => {
    let pack: Pack
    beforeAll(async () => {
      pack = await make()
    }, 60000)

    it('prints each page to the expected pages, A4 and Letter, nothing past the right edge', async () => {
      const seen: Record<string, unknown> = {}
      const expected: Record<string, unknown> = {}
      for (const [page, count] of Object.entries(pack.pages)) {
        const opened = await open(pack.dir, page)
        for (const paper of PAPER) {
          const printed = await printedPages(opened.page, paper)
          seen[`${page} ${paper}`] =
            Array.isArray(count) && printed >= count[0] && printed <= count[1] ? count : printed
          expected[`${page} ${paper}`] = count
        }
        const overflow = await overflowAtPrintWidth(opened.page)
        expect({ page, ...overflow }).toEqual({ page, scrollWidth: overflow.width, width: overflow.width, past: [] })
        // Nothing loaded but the page itself: no font, image, style or script from anywhere.
        expect(opened.requests).toEqual([pathToFileURL(join(pack.dir, `${page}.html`)).href])
        expect(opened.problems).toEqual([])
      }
      expect(seen).toEqual(expected)
    }, 120000)

    it('lists every item on the index, and each link opens its page offline and leads back', async () => {
      const opened = await open(pack.dir, 'index')
      const links = await opened.page
        .locator('main ol > li > a')
        .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))
      expect(links).toEqual(ITEMS.map(([title, page]) => [title, `${page}.html`]))
      for (const [title, page] of ITEMS) {
        await opened.page.locator('main ol > li > a', { hasText: title }).click()
        await opened.page.waitForURL(pathToFileURL(join(pack.dir, `${page}.html`)).href)
        expect(await opened.page.locator('h1').textContent()).toBe(title)
        await opened.page.locator('nav.pack-nav a', { hasText: 'Evidence pack' }).click()
        await opened.page.waitForURL(pathToFileURL(join(pack.dir, 'index.html')).href)
      }
      expect(opened.problems).toEqual([])
    }, 60000)

    it('links, in HTML and in markdown, only to files of the pack or beside it that exist', () => {
      const files = packFiles(pack.dir)
      for (const [name, text] of Object.entries(files)) {
        const targets = name.endsWith('.html')
          ? [...text.matchAll(/href="([^"]+)"/g)].map((m) => m[1])
          : [...text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1])
        for (const target of targets.filter((t) => !t.startsWith('..')))
          expect({ name, target, in: target in files }).toEqual({ name, target, in: true })
      }
    })

    it('holds no secret and no unredacted e-mail, phone or card in any page or markdown file', () => {
      expect(leaks(packFiles(pack.dir))).toEqual([])
    })
  })
}

describePack('the pack of a run, through the CLI', async () => {
  const dir = evidenceProject()
  const run = await runCli(['run', '--out', 'out'], dir, SECRET_ENV)
  expect(run.code).toBe(0)
  const res = await runCli(['evidence', '--report', 'out/report.json', '--out', 'pack'], dir, SECRET_ENV)
  expect(res.code).toBe(0)
  const sampled = (readFileSync(join(dir, 'pack/trace-sample.html'), 'utf8').match(/class="keep"/g) ?? []).length
  const one = 1
  return {
    dir: join(dir, 'pack'),
    pages: {
      index: one,
      manifest: one,
      permissions: one,
      'data-governance': one,
      'eval-report': one,
      'trace-sample': [1, sampled],
      runbook: one,
      readiness: one
    }
  }
})

describePack('the bundled example without a run, through the CLI', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-pack-'))
  const res = await runCli(['evidence', '--out', dir], repoRoot)
  expect(res.code).toBe(0)
  return { dir, pages: Object.fromEntries(PAGES.map((page) => [page, 1])) }
})

describePack('two workflows, a run that could not be decided, a runbook and a readiness score', async () => {
  registerSecret(MODEL_KEY)
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-pack-'))
  const input = syntheticInput()
  await writeEvidencePack(dir, input)
  const index = readFileSync(join(dir, 'index.html'), 'utf8')
  expect(index).toContain('This run could not be decided: ERROR.')
  expect(readFileSync(join(dir, 'runbook.html'), 'utf8')).toContain('<h4>How to disable automation</h4>')
  expect(readFileSync(join(dir, 'readiness.md'), 'utf8')).toContain('| §3 data governance | missing |')
  return {
    dir,
    pages: {
      index: 1,
      // A sheet per workflow.
      manifest: 2,
      permissions: 2,
      'data-governance': 2,
      'eval-report': 1,
      'trace-sample': [2, input.run!.sample.length],
      runbook: 2,
      readiness: 1
    }
  }
})
