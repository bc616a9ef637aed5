// report.html in a real browser (Debian's Chromium through playwright-core), opened from file://.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeHtmlReport } from '../../src/html/index.js'
import type { Report, TaskResult } from '../../src/model/types.js'
import { openReport, waitForText, type OpenedReport } from './browser.js'
import { reportFor, syntheticReport, syntheticTrace, writeTraces } from './synthetic.js'

const PAYLOAD = '</script><script>alert(1)</script><!-- <img src="https://evil.example/t.png" onerror="alert(2)">'

/** 12 tasks: T1 4/4 (gate 92%: ok), T2 3/4 (gate 80%: fail), T3 2/4 (not gated). */
function smallReport(): Report {
  const tasks: TaskResult[] = syntheticReport(12).tasks.map((t, i) =>
    i === 9
      ? { ...t, status: 'fail', reasons: ['wrong amount'], causes: ['wrong_result'] }
      : i === 10
        ? { ...t, status: 'error', reasons: ['agent timed out'], causes: ['timeout'] }
        : t
  )
  return reportFor(tasks, {
    failure_modes: [{ cause: 'wrong_label', label: 'wrong label', count: 1, tasks: ['task-0007'] }]
  })
}

/** task-0005's trace: tool calls recorded out of order, a denied direct call, untrusted text. */
function inspectedTrace(task: TaskResult) {
  const base = syntheticTrace(task)
  const denied = {
    seq: 4,
    tool: 'issue_refund',
    args: { order_id: 'ORD-5', amount: 49 },
    result: null,
    latency_ms: 0.2,
    allowed: false,
    error: 'issue_refund requires approval'
  }
  const [first, second, third] = base.tool_calls
  return {
    ...base,
    status: 'fail',
    tool_calls: [third, denied, first, second],
    guardrails: {
      checks: [{ check: 'permission_matrix', ok: false, detail: 'issue_refund called directly (approval: required)' }],
      violations: ['issue_refund called directly (approval: required)']
    },
    outcome: {
      ...base.outcome,
      status: 'fail',
      expectations: [
        { expectation: 'label', ok: true },
        { expectation: 'actions', ok: false, reason: 'expected issue_refund proposed for approval' }
      ],
      answer: { label: 'refund_approved', message: PAYLOAD, result: { note: PAYLOAD } }
    },
    stderr: PAYLOAD
  }
}

/** task-0006's trace: its first read failed on purpose (a 503), then it timed out; the agent escalated. */
function faultedTrace(task: TaskResult) {
  const base = syntheticTrace(task)
  const [first] = base.tool_calls
  const failed = {
    ...first,
    result: null,
    error: 'orders unavailable',
    fault: { status: 503, message: 'orders unavailable' }
  }
  const hung = { ...first, seq: 2, result: null, error: 'the tool never answered (fault: timeout)', fault: 'timeout' }
  return {
    ...base,
    tool_calls: [failed, hung],
    outcome: { ...base.outcome, answer: { label: 'needs_human', escalated: true, confidence: 0.2, fallback: 'human' } }
  }
}

describe('report.html in Chromium', () => {
  let dir: string
  let opened: OpenedReport
  const report = smallReport()

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evalgate-page-'))
    const tracesPath = join(dir, 'traces.jsonl')
    await writeTraces(
      tracesPath,
      report.tasks.map((t) =>
        t.id === 'task-0005' ? inspectedTrace(t) : t.id === 'task-0006' ? faultedTrace(t) : syntheticTrace(t)
      )
    )
    opened = await openReport(await writeHtmlReport(dir, report, tracesPath))
  })
  afterAll(async () => {
    await opened?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const page = () => opened.page
  const count = () => page().textContent('#task-count')
  const rowIds = () => page().$$eval('#task-rows tr.task', (rows) => rows.map((r) => r.getAttribute('data-id')))
  const rowStatuses = () =>
    page().$$eval('#task-rows tr.task', (rows) => rows.map((r) => r.getAttribute('data-status')))
  const waitForCount = (text: string) => waitForText(page(), '#task-count', text)
  const clearFilters = () => page().click('#filter-reset')

  test('draws one bar per tier: height = success rate, threshold marker, colour by verdict', async () => {
    const svg = page().locator('#tier-chart')
    const plotHeight = Number(await svg.getAttribute('data-plot-height'))
    const plotTop = Number(await svg.getAttribute('data-plot-top'))
    const bars = await page().$$eval('#tier-chart g.tier-bar', (groups) =>
      groups.map((g) => ({
        tier: g.getAttribute('data-tier'),
        tone: g.getAttribute('class'),
        height: Number(g.querySelector('rect.bar')?.getAttribute('height')),
        thresholdY: g.querySelector('line.threshold')?.getAttribute('y1') ?? null,
        label: g.querySelector('text.label')?.textContent,
        value: g.querySelector('text.value')?.textContent,
        box: g.querySelector('rect.bar')!.getBoundingClientRect().height
      }))
    )
    expect(bars.map((b) => [b.tier, b.label, b.value, b.tone])).toEqual([
      ['T1', 'T1', '100.0%', 'tier-bar bar-ok'],
      ['T2', 'T2', '75.0%', 'tier-bar bar-fail'],
      ['T3', 'T3', '50.0%', 'tier-bar bar-ungated']
    ])
    expect(bars.map((b) => b.height)).toEqual([1, 0.75, 0.5].map((rate) => rate * plotHeight))
    const markerY = (threshold: number) => plotTop + (1 - threshold) * plotHeight
    expect(Number(bars[0].thresholdY)).toBeCloseTo(markerY(0.92), 2)
    expect(Number(bars[1].thresholdY)).toBeCloseTo(markerY(0.8), 2)
    expect(bars[2].thresholdY).toBeNull()
    // Really rendered: the bars have a size on screen, in proportion.
    expect(bars[0].box).toBeGreaterThan(0)
    expect(bars[1].box / bars[0].box).toBeCloseTo(0.75, 2)
    expect(await page().locator('#tier-table tbody tr').count()).toBe(3)
  })

  test('filters narrow the table and the count follows', async () => {
    expect(await count()).toBe('Showing 12 of 12 tasks')
    await page().selectOption('#filter-status', 'fail')
    await waitForCount('Showing 2 of 12 tasks')
    expect(await rowStatuses()).toEqual(['fail', 'fail'])
    expect(await rowIds()).toEqual(['task-0007', 'task-0010'])

    await page().selectOption('#filter-tier', 'T3')
    await waitForCount('Showing 1 of 12 tasks')
    expect(await rowIds()).toEqual(['task-0010'])

    await clearFilters()
    await waitForCount('Showing 12 of 12 tasks')
    await page().fill('#filter-search', 'TASK-001')
    await waitForCount('Showing 3 of 12 tasks')
    expect(await rowIds()).toEqual(['task-0010', 'task-0011', 'task-0012'])

    await clearFilters()
    await page().selectOption('#filter-tag', 'fraud')
    await waitForCount('Showing 3 of 12 tasks')
    await clearFilters()
  })

  test('a faulted tool call is marked with its fault, and the answer shows its confidence and fallback', async () => {
    await page().click('#task-rows tr.task[data-id="task-0006"]')
    const panel = page().locator('tr.detail[data-key="refund_request_v2/task-0006"]')
    await panel.waitFor()
    const calls = await panel.locator('.tool-call').evaluateAll((items) =>
      items.map((li) => ({
        classes: li.className,
        badges: [...li.querySelectorAll('.badge')].map((b) => b.textContent)
      }))
    )
    expect(calls.map((c) => c.classes.includes('faulted'))).toEqual([true, true])
    expect(calls[0].badges).toContain('FAULT: HTTP 503')
    expect(calls[1].badges).toContain('FAULT: timeout, never answered')
    const answer = await panel.locator('dl.answer').textContent()
    expect(answer).toContain('Confidence0.2')
    expect(answer).toContain('Fallbackhuman')
    await page().click('#task-rows tr.task[data-id="task-0006"]')
  })

  test('clicking a task opens its trace: calls in order, violations and proposals marked, results graded', async () => {
    await page().click('#task-rows tr.task[data-id="task-0005"]')
    const panel = page().locator('tr.detail[data-key="refund_request_v2/task-0005"]')
    await panel.waitFor()
    expect(await page().getAttribute('tr.task[data-id="task-0005"]', 'aria-expanded')).toBe('true')

    const calls = await panel.locator('.tool-call').evaluateAll((items) =>
      items.map((li) => ({
        seq: li.getAttribute('data-seq'),
        tool: li.getAttribute('data-tool'),
        classes: li.className,
        text: li.textContent ?? ''
      }))
    )
    expect(calls.map((c) => [c.seq, c.tool])).toEqual([
      ['1', 'lookup_order'],
      ['2', 'request_approval'],
      ['3', 'send_reply'],
      ['4', 'issue_refund']
    ])
    expect(calls[0].text).toContain('"order_id": "ORD-task-0005"')
    expect(calls[0].text).toContain('"total": 49')
    expect(calls[1].classes).toContain('proposed')
    expect(calls[1].text).toContain('PROPOSED for approval: issue_refund')
    expect(calls[3].classes).toContain('denied')
    expect(calls[3].text).toContain('DENIED: guardrail violation')
    expect(calls[3].text).toContain('issue_refund requires approval')
    expect(await panel.locator('.model-call').count()).toBe(2)

    const guardrails = await panel.locator('table.guardrails tbody tr').allTextContents()
    expect(guardrails).toEqual(['✗ violatedpermission_matrixissue_refund called directly (approval: required)'])
    expect(await panel.locator('.violations li').allTextContents()).toEqual([
      'Violation: issue_refund called directly (approval: required)'
    ])
    const expectations = await panel
      .locator('table.expectations tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-ok'), r.children[1].textContent]))
    expect(expectations).toEqual([
      ['true', 'label'],
      ['false', 'actions']
    ])
    expect(await panel.locator('.answer .message').textContent()).toBe(PAYLOAD)
    expect(await panel.locator('pre').filter({ hasText: '"channel": "email"' }).count()).toBe(1)

    await page().click('#task-rows tr.task[data-id="task-0005"]')
    expect(await panel.count()).toBe(0)
  })

  test('a task named in the failure modes opens in the table', async () => {
    await page().click('#failure-modes .task-link[data-task="task-0007"]')
    await waitForCount('Showing 1 of 12 tasks')
    const panel = page().locator('tr.detail .panel')
    expect(await panel.locator('.panel-head strong').textContent()).toBe('task-0007')
    expect(await panel.locator('.tool-call').count()).toBe(3)
    await clearFilters()
  })

  test('untrusted text stays text, and nothing is requested but the page itself', async () => {
    expect(await page().locator('script:not([type="application/json"])').count()).toBe(1)
    expect(await page().locator('img, iframe, link, object, embed').count()).toBe(0)
    expect(opened.problems).toEqual([])
    expect(opened.requests).toEqual([opened.url])
  })
})

describe('report.html with --repeat', () => {
  test('every attempt of a task is shown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalgate-repeat-'))
    let opened: OpenedReport | undefined
    try {
      const report = syntheticReport(3, { repeat: 3 })
      report.tasks[1] = { ...report.tasks[1], status: 'fail', attempts: { total: 3, passed: 2 } }
      const tracesPath = join(dir, 'traces.jsonl')
      await writeTraces(
        tracesPath,
        report.tasks.flatMap((t) =>
          [1, 2, 3].map((n) =>
            syntheticTrace({ ...t, status: t.id === 'task-0002' && n === 2 ? 'fail' : 'pass' }, {}, [n, 3])
          )
        )
      )
      opened = await openReport(await writeHtmlReport(dir, report, tracesPath))
      const { page } = opened
      expect(await page.textContent('tr.task[data-id="task-0002"] .badge.status-fail')).toBe('fail (2/3)')
      await page.click('tr.task[data-id="task-0002"]')
      const attempts = page.locator('tr.detail details.attempt')
      expect(await attempts.locator('> summary').allTextContents()).toEqual([
        'Attempt 1 of 3: pass',
        'Attempt 2 of 3: fail',
        'Attempt 3 of 3: pass'
      ])
      // The failed attempt is the one opened.
      expect(await attempts.evaluateAll((items) => items.map((d) => d.hasAttribute('open')))).toEqual([
        false,
        true,
        false
      ])
      expect(opened.problems).toEqual([])
      expect(opened.requests).toEqual([opened.url])
    } finally {
      await opened?.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
