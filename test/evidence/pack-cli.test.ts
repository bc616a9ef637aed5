// `evalgate evidence` through the bundled CLI: the pack of a run (no secret, no unredacted PII in
// any page or markdown file), of the bundled example without a run, of a run that could not be
// decided (its first page says so), and bad input (exit 2, the file named, no stack trace).
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { repoRoot, runCli } from '../helpers/project.js'
import { EMAIL, evidenceProject, ITEMS, JUDGE_KEY, leaks, MODEL_KEY, packFiles, PAGES, SECRET_ENV } from './projects.js'

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /)
  expect(stderr).not.toContain('internal error')
}

describe('evalgate evidence on a run', () => {
  let dir: string
  beforeAll(async () => {
    dir = evidenceProject()
    const run = await runCli(['run', '--out', 'out'], dir, SECRET_ENV)
    expect(run.stderr).not.toContain('internal error')
    expect(run.code).toBe(0)
    // A trace and the report that (as if something had slipped) quote both secrets whole.
    const traces = join(dir, 'out/traces.jsonl')
    writeFileSync(traces, readFileSync(traces, 'utf8').replaceAll('MARKER', `${MODEL_KEY} ${JUDGE_KEY}`))
    const reportFile = join(dir, 'out/report.json')
    const report = JSON.parse(readFileSync(reportFile, 'utf8'))
    report.reasons.push(`quoted ${MODEL_KEY} and ${EMAIL}`)
    report.tasks[0].reasons.push(`answered ${JUDGE_KEY}`)
    writeFileSync(reportFile, JSON.stringify(report))
  }, 60000)

  it('writes every page as HTML and markdown and says where', async () => {
    const res = await runCli(['evidence', '--report', 'out/report.json', '--out', 'pack'], dir, SECRET_ENV)
    expectNoStackTrace(res.stderr)
    expect(res.code).toBe(0)
    expect(res.stdout).toBe('evidence pack: pack/index.html (8 pages, each also as markdown)\n')
    const files = packFiles(join(dir, 'pack'))
    expect(Object.keys(files).sort()).toEqual(PAGES.flatMap((p) => [`${p}.html`, `${p}.md`]).sort())
    // The run's content is there (so the leak check below is not vacuous) ...
    expect(files['trace-sample.html']).toContain('[REDACTED:phone]')
    expect(files['trace-sample.html']).toContain('[REDACTED:card]')
    expect(files['trace-sample.md']).toContain('[REDACTED:email]')
    expect(files['trace-sample.html']).toContain('***')
    expect(files['eval-report.html']).toContain('Gate: PASS')
    expect(files['eval-report.md']).toContain('| T2 | 3/4 | 75.0% |')
    expect(files['index.html']).toContain('<a href="../out/report.html">report.html</a>')
    expect(files['runbook.md']).toContain('**no runbook declared (workflow.yml runbook:)**')
    expect(files['readiness.md']).toMatch(/The readiness kit's ten sections: \d+ met, \d+ partial, \d+ missing\./)
    // ... and holds neither secret, whole or in part, nor the customer's e-mail, phone or card.
    expect(leaks(files)).toEqual([])
  })

  it('shows the manifest as the run recorded it, and says when it has changed since', async () => {
    const manifest = join(dir, 'golden-tasks/refunds/workflow.yml')
    const text = readFileSync(manifest, 'utf8')
    writeFileSync(manifest, text.replace('approval: required', 'approval: none'))
    try {
      const res = await runCli(['evidence', '--report', 'out/report.json', '--out', 'changed'], dir, SECRET_ENV)
      expect(res.code).toBe(0)
      const files = packFiles(join(dir, 'changed'))
      expect(files['permissions.md']).toContain('has changed since the run')
      expect(files['permissions.md']).toContain(
        '| issue_refund | write | high | required | payments:refund | amount: max 200 |'
      )
      const unchanged = await runCli(['evidence', '--report', 'out/report.json', '--out', 'same'], dir, SECRET_ENV)
      expect(unchanged.code).toBe(0)
    } finally {
      writeFileSync(manifest, text)
    }
    expect(packFiles(join(dir, 'pack'))['permissions.md']).not.toContain('has changed since the run')
  })

  it('is the same pack for the same inputs (a fixed, reproducible sample)', async () => {
    const again = await runCli(['evidence', '--report', 'out/report.json', '--out', 'again'], dir, SECRET_ENV)
    expect(again.code).toBe(0)
    expect(packFiles(join(dir, 'again'))).toEqual(packFiles(join(dir, 'pack')))
  })

  it('without --report says on each run page that no run was given', async () => {
    const res = await runCli(['evidence', '--out', 'norun'], dir, SECRET_ENV)
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('no run given')
    const files = packFiles(join(dir, 'norun'))
    for (const page of ['index', 'eval-report', 'trace-sample'])
      expect(files[`${page}.md`]).toContain('No run was given')
    expect(files['readiness.md']).toContain('Not scored.')
    expect(files['eval-report.md']).toContain('| T2 | 4 | ≥ 70% | — |')
    expect(files['permissions.md']).toContain('| issue_refund | write | high | required |')
  })
})

describe('evalgate evidence on the bundled example', () => {
  it('writes the pack of the workflow as declared, each item a link from the index', async () => {
    const out = mkdtempSync(join(tmpdir(), 'evalgate-evidence-'))
    const res = await runCli(['evidence', '--out', out], repoRoot)
    expectNoStackTrace(res.stderr)
    expect(res.code).toBe(0)
    const index = readFileSync(join(out, 'index.md'), 'utf8')
    for (const [title, page] of ITEMS) expect(index).toContain(`[${title}](${page}.md)`)
    expect(readFileSync(join(out, 'permissions.md'), 'utf8')).toContain('| issue_refund | write | high | required |')
    const runbook = readFileSync(join(out, 'runbook.md'), 'utf8')
    expect(runbook).toContain('From `golden-tasks/refund_request_v2/RUNBOOK.md`:')
    for (const section of ['When to escalate', 'Fallback behaviour', 'On-call', 'How to disable automation'])
      expect(runbook).toContain(`\n#### ${section}\n`)
    expect(readFileSync(join(out, 'manifest.md'), 'utf8')).toContain(
      '- **Kill switch:** environment variable REFUND_AGENT_DISABLED=1;'
    )
    expect(readFileSync(join(out, 'data-governance.md'), 'utf8')).toContain('| OpenAI | us | https://openai.com/')
  })
})

describe('evalgate evidence on a run that could not be decided', () => {
  it('says so on its first page, before anything else, with the reasons', async () => {
    const dir = evidenceProject({ hang: 2 })
    const run = await runCli(['run', '--out', 'out'], dir, SECRET_ENV)
    expect(run.code).toBe(2)
    const res = await runCli(['evidence', '--report', 'out/report.json', '--out', 'pack'], dir, SECRET_ENV)
    expect(res.code).toBe(0)
    const files = packFiles(join(dir, 'pack'))
    const main = files['index.html'].slice(files['index.html'].indexOf('<h1>'))
    const first = /<section class="decision decision-error" role="alert">([\s\S]*?)<\/section>/.exec(main)
    expect(first?.index).toBe(main.indexOf('<section'))
    expect(first?.[1]).toContain('This run could not be decided: ERROR.')
    expect(first?.[1]).toMatch(/error rate 25\.0% \(\d+\/\d+ (tasks|attempts) errored\) exceeds max_error_rate 5%/)
    expect(files['index.md']).toMatch(
      /^# Evidence pack\n\n_refunds · run of [^\n]+_\n\n> \*\*This run could not be decided: ERROR\./
    )
    expect(files['eval-report.md']).toContain('> **This run could not be decided: ERROR.')
  }, 60000)
})

describe('evalgate evidence: bad input', () => {
  let dir: string
  beforeAll(() => {
    dir = evidenceProject()
    writeFileSync(join(dir, 'not-json.json'), '{ "version": 1,')
    writeFileSync(join(dir, 'not-a-report.json'), JSON.stringify({ version: 1, decision: 'maybe' }))
  })

  it.each([
    [['--report', 'missing/report.json'], 'missing/report.json: file not found'],
    [['--report', 'not-json.json'], 'not-json.json: not an evalgate report: not valid JSON'],
    [['--report', 'not-a-report.json'], 'not-a-report.json: not an evalgate report: '],
    [['--tasks', 'nowhere'], 'nowhere'],
    [['--thresholds', 'none.yml'], 'none.yml'],
    [['--reprot', 'x'], "Unknown option '--reprot' (did you mean --report?)"]
  ])('%j: exit 2 with the file', async (args, message) => {
    const res = await runCli(['evidence', ...args, '--out', 'bad'], dir)
    expectNoStackTrace(res.stderr)
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(message)
    expect(res.stdout).toBe('')
  })

  it('a report whose readiness section is not one: exit 2 naming it', async () => {
    const run = await runCli(['run', '--out', 'out'], dir)
    expect(run.code).toBe(0)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    writeFileSync(join(dir, 'readiness.json'), JSON.stringify({ ...report, readiness: { sections: [{ id: 's1' }] } }))
    const res = await runCli(['evidence', '--report', 'readiness.json', '--out', 'bad'], dir)
    expectNoStackTrace(res.stderr)
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('readiness.json: not an evalgate report: readiness.sections.0.')
  }, 60000)

  it('a manifest with a problem: exit 2 with its file:line', async () => {
    const broken = evidenceProject()
    const manifest = join(broken, 'golden-tasks/refunds/workflow.yml')
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('scope: read, risk: low', 'scope: reed, risk: low'))
    const res = await runCli(['evidence'], broken)
    expectNoStackTrace(res.stderr)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/golden-tasks\/refunds\/workflow\.yml:\d+: /)
  })
})
