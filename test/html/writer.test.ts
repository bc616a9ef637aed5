import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeHtmlReport } from '../../src/html/index.js'
import { TRACES_PER_CHUNK, writeTraceChunks } from '../../src/html/trace-chunks.js'
import { dataBlock, scriptBlocks, traceLines } from './page-data.js'
import { reportFor, syntheticReport, syntheticTask, syntheticTrace, writeTraces } from './synthetic.js'

const BREAKOUT = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)>'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-html-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function writePage(name: string, report = syntheticReport(30), lines?: (object | string)[]) {
  const out = join(dir, name)
  const tracesPath = join(dir, `${name}.jsonl`)
  if (lines) await writeTraces(tracesPath, lines)
  const htmlPath = await writeHtmlReport(out, report, lines ? tracesPath : undefined)
  return { htmlPath, html: await readFile(htmlPath, 'utf8') }
}

describe('writeHtmlReport', () => {
  test('writes outDir/report.html, one self-contained page with no network reference', async () => {
    const report = syntheticReport(30)
    const { htmlPath, html } = await writePage(
      'plain',
      report,
      report.tasks.map((t) => syntheticTrace(t))
    )
    expect(htmlPath).toBe(join(dir, 'plain', 'report.html'))
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).not.toMatch(/https?:\/\//i)
    expect(html).not.toMatch(/\b(src|href|action|poster|srcset)\s*=\s*["']?\s*(https?:)?\/\//i)
    expect(html).not.toMatch(/<(link|iframe|object|embed|img)\b|@import|url\(/i)
    // Only in-page anchors.
    for (const [, target] of html.matchAll(/\bhref="([^"]*)"/g)) expect(target).toMatch(/^#/)
  })

  test('the only executable script is the page script, allowed by its hash in the CSP', async () => {
    const { html } = await writePage('csp', syntheticReport(5), [])
    const executable = scriptBlocks(html).filter((b) => b.type !== 'application/json')
    expect(executable).toHaveLength(1)
    const hash = createHash('sha256').update(executable[0].text, 'utf8').digest('base64')
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain(`script-src 'sha256-${hash}'`)
    expect(() => new Function(executable[0].text)).not.toThrow()
  })

  test('data from agents cannot break out of the page: JSON blocks are escaped, markup is text', async () => {
    const task = { ...syntheticTask(6, 10), id: `evil-${BREAKOUT}`, reasons: [BREAKOUT] }
    const report = reportFor([task], {
      reasons: [BREAKOUT],
      failure_modes: [{ cause: BREAKOUT, label: BREAKOUT, count: 1, tasks: [task.id] }]
    })
    const trace = syntheticTrace(task, { stderr: BREAKOUT, raw_output: '<!--', plan: [BREAKOUT] })
    const { html } = await writePage('xss', report, [trace])

    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<!--')
    // Every script element is ours: the page script and the data blocks.
    const blocks = scriptBlocks(html)
    expect(blocks.filter((b) => b.type !== 'application/json')).toHaveLength(1)
    expect(blocks.every((b) => b.type !== 'application/json' || b.id?.startsWith('eg-'))).toBe(true)
    // ...and the data reads back exactly.
    expect(traceLines(html)).toEqual([JSON.parse(JSON.stringify(trace))])
    expect((dataBlock(html, 'eg-tasks') as { id: string }[])[0].id).toBe(task.id)
    // The static sections show it as text.
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  test('streams a large traces file into chunks and indexes every task', async () => {
    const count = 5000
    const report = syntheticReport(count)
    const lines: (object | string)[] = report.tasks.map((t) => syntheticTrace(t))
    lines.push('{"task_id": "cut-off-by-a-cra') // a run that crashed mid-line
    const { html } = await writePage('large', report, lines)

    const back = traceLines(html)
    expect(back).toHaveLength(count)
    expect(back.map((t) => t.task_id)).toEqual(report.tasks.map((t) => t.id))
    const chunks = scriptBlocks(html).filter((b) => b.id?.startsWith('eg-trace-chunk-'))
    expect(chunks).toHaveLength(Math.ceil(count / TRACES_PER_CHUNK))
    const index = dataBlock(html, 'eg-trace-index') as {
      included: boolean
      lines: number
      unreadable: number
      chunks: Record<string, number[]>
    }
    expect(index).toMatchObject({ included: true, lines: count, unreadable: 1 })
    expect(Object.keys(index.chunks)).toHaveLength(count)
    expect(index.chunks[`refund_request_v2/task-0101`]).toEqual([2])
  })

  test('repeated attempts of a task are all kept and indexed together', async () => {
    const report = syntheticReport(3, { repeat: 2 })
    const lines = report.tasks.flatMap((t) => [syntheticTrace(t, {}, [1, 2]), syntheticTrace(t, {}, [2, 2])])
    const { html } = await writePage('repeat', report, lines)
    expect(traceLines(html).map((t) => [t.task_id, t.attempt])).toEqual([
      ['task-0001', 1],
      ['task-0001', 2],
      ['task-0002', 1],
      ['task-0002', 2],
      ['task-0003', 1],
      ['task-0003', 2]
    ])
  })

  test('without traces the page still has the report and says so', async () => {
    const { html } = await writePage('no-traces', syntheticReport(4))
    expect(dataBlock(html, 'eg-trace-index')).toEqual({ included: false })
    expect(dataBlock(html, 'eg-tasks')).toHaveLength(4)
  })

  test('a traces path that does not exist is treated as no traces', async () => {
    const htmlPath = await writeHtmlReport(join(dir, 'missing'), syntheticReport(2), join(dir, 'nope.jsonl'))
    expect(dataBlock(await readFile(htmlPath, 'utf8'), 'eg-trace-index')).toEqual({ included: false })
  })

  test('the manifest, governance, baseline and failure modes are rendered', async () => {
    const report = syntheticReport(30, {
      baseline: { file: 'base/report.json', regressions: ['task-0007'], fixed: ['task-0001'], tiers: [] }
    })
    Object.assign(report, {
      failure_modes: [
        { cause: 'timeout', count: 1, tasks: ['task-0031'] }, // a report without labels
        {
          cause: 'wrong_label',
          label: 'wrong label',
          count: 4,
          tasks: ['task-0007', 'task-0014', 'task-0021', 'task-0028']
        }
      ]
    })
    const { html } = await writePage('sections', report)
    expect(html).toContain('<tr data-tool="issue_refund" class="sensitive">')
    expect(html).toContain('<tr data-tool="lookup_order">')
    for (const text of ['Chargebacks and payment disputes', 'eu', '30 days', 'order details', 'email, card'])
      expect(html).toContain(text)
    expect(html).toContain('<section id="baseline">')
    expect(html).toContain('data-task="task-0007"')
    expect(html).toContain('<strong>wrong label</strong>')
    expect(html).toContain('<strong>timeout</strong>')
    // Largest failure mode first.
    expect(html.indexOf('data-cause="wrong_label"')).toBeLessThan(html.indexOf('data-cause="timeout"'))
  })

  test('the runbook, subprocessors, what is stored where and retention per kind; their text escaped', async () => {
    const report = syntheticReport(2)
    Object.assign(report.workflows[0], {
      runbook: 'golden-tasks/refund_request_v2/RUNBOOK.md',
      data_governance: {
        ...report.workflows[0].data_governance!,
        subprocessors: [{ name: 'OpenAI', region: 'us', dpa_url: 'https://openai.com/dpa' }, { name: BREAKOUT }],
        stored: [{ what: 'tickets', where: 'helpdesk', retention_days: 1 }],
        retention: { prompts_days: 7, artifacts_days: 14 }
      }
    })
    const { html } = await writePage('governance', report)
    expect(html).toContain('<dd>golden-tasks/refund_request_v2/RUNBOOK.md</dd>')
    expect(html).toContain('<td>OpenAI</td><td>us</td><td><code>https://openai.com/dpa</code></td>')
    expect(html).toContain('<td>tickets</td><td>helpdesk</td><td>1 day</td>')
    expect(html).toContain('<dd>prompts 7 days · traces 30 days · artifacts 14 days</dd>')
    expect(html).not.toContain(BREAKOUT)
    expect(html).toContain('<td>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/\bhref\s*=\s*["']?https?:/i)
  })
})

describe('the trace budget of report.html', () => {
  test('past the budget the failures go in first, then passing traces while they fit; the page says how many are left out', async () => {
    const report = syntheticReport(300)
    const lines = report.tasks.map((t) => syntheticTrace(t))
    const tracesPath = join(dir, 'budget.jsonl')
    await writeTraces(tracesPath, lines)
    const size = (await readFile(tracesPath, 'utf8')).length
    const written: string[] = []
    const index = await writeTraceChunks(tracesPath, async (text) => void written.push(text), Math.floor(size / 3))
    const embedded = traceLines(written.join('')) as { task_id: string; status: string }[]
    const notPassing = report.tasks.filter((t) => t.status !== 'pass')
    expect(embedded.filter((t) => t.status !== 'pass')).toHaveLength(notPassing.length)
    expect(embedded.length).toBeGreaterThan(notPassing.length)
    expect(embedded.length).toBeLessThan(lines.length)
    expect(index.omitted).toBe(lines.length - embedded.length)
    expect(index.lines).toBe(embedded.length)
    expect(Object.keys(index.chunks)).toHaveLength(embedded.length)
    expect(written.join('').length).toBeLessThanOrEqual(Math.floor(size / 3) + 100 * written.length)
  })

  test('within the budget every trace is embedded and none is said to be left out', async () => {
    const report = syntheticReport(20)
    const tracesPath = join(dir, 'small.jsonl')
    await writeTraces(
      tracesPath,
      report.tasks.map((t) => syntheticTrace(t))
    )
    const index = await writeTraceChunks(tracesPath, async () => {})
    expect(index).toMatchObject({ lines: 20, unreadable: 0 })
    expect(index.omitted).toBeUndefined()
  })
})
