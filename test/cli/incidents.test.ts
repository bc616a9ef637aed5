// Issue 14 item 7 (incidents) through the CLI: incidents.yml beside workflow.yml, checked by
// validate (an unknown task is a file:line problem, exit 2; an incident without a task a warning),
// recorded in report.json with whether its tasks pass; and the scorecard's incidents per month,
// versions per column and monthly review over real runs.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

// Answers "ok", but gets t1-fraud wrong once the file `broken` exists in its folder.
const AGENT = `
import { existsSync } from 'node:fs'
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const { task_id } = JSON.parse(raw)
  const wrong = existsSync('broken') && task_id === 't1-fraud'
  process.stdout.write(JSON.stringify({ label: wrong ? 'refund_approved' : 'ok', escalated: task_id === 't2-scope' }))
})
`

const INCIDENTS = [
  '# yaml-language-server: $schema=../../schemas/incidents.schema.json',
  '- id: INC-1',
  '  date: 2025-02-11',
  '  severity: sev1',
  '  summary: refunded on high fraud signals',
  '  tasks: [t1-fraud]',
  '- id: INC-2',
  '  date: 2025-03-04',
  '  severity: sev3',
  '  summary: a chargeback got a refund',
  '  tasks: [t2-scope]',
  ''
].join('\n')

function project(incidents: string): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.9 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'version: 1.0.0',
      'permissions:',
      '  lookup: { scope: read, risk: low }',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.mjs"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/agent.mjs': AGENT,
    'golden-tasks/wf/tasks.yaml': [
      '- { id: t1-fraud, tier: T1, risk: high, input: {}, expected: { label: ok } }',
      '- { id: t1-other, tier: T1, risk: low, input: {}, expected: { label: ok } }',
      '- { id: t2-scope, tier: T2, risk: low, input: {}, expected: { label: ok } }',
      ''
    ].join('\n'),
    'golden-tasks/wf/incidents.yml': incidents
  })
}

const report = (dir: string, out: string) => JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8'))

describe('incidents.yml', () => {
  it('an incident naming an unknown task: file:line problem, exit 2, for validate and run alike', async () => {
    const dir = project(INCIDENTS.replace('tasks: [t2-scope]', 'tasks: [t2-scope, t2-gone]'))
    const problem =
      'golden-tasks/wf/incidents.yml:11: incident "INC-2" names task "t2-gone", which is not a golden task of workflow "wf"'
    const validate = await runCli(['validate'], dir)
    expect(validate.code).toBe(2)
    expect(validate.stderr).toContain(problem)
    const run = await runCli(['run', '--repeat', '1'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(problem)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('an incident without a task: a warning, and validate still passes', async () => {
    const dir = project(INCIDENTS.replace('  tasks: [t2-scope]\n', ''))
    const validate = await runCli(['validate'], dir)
    expect(validate.code).toBe(0)
    expect(validate.stderr).toContain(
      'golden-tasks/wf/incidents.yml:7: warning: incident "INC-2" names no golden task that reproduces it'
    )
  })

  it('report.json and summary.md record each incident with whether its tasks pass in this run', async () => {
    const dir = project(INCIDENTS)
    writeFileSync(join(dir, 'golden-tasks/wf/broken'), '')
    const res = await runCli(['run', '--repeat', '1', '--out', 'out'], dir)
    expect(res.code).toBe(1)
    expect(report(dir, 'out').incidents).toEqual([
      {
        workflow: 'wf',
        id: 'INC-1',
        date: '2025-02-11',
        severity: 'sev1',
        summary: 'refunded on high fraud signals',
        tasks: [{ id: 't1-fraud', status: 'fail' }],
        passing: false
      },
      {
        workflow: 'wf',
        id: 'INC-2',
        date: '2025-03-04',
        severity: 'sev3',
        summary: 'a chargeback got a refund',
        tasks: [{ id: 't2-scope', status: 'pass' }],
        passing: true
      }
    ])
    const summary = readFileSync(join(dir, 'out/summary.md'), 'utf8')
    expect(summary).toContain('1 of 2 incidents are reproduced by a task that fails in this run.')
    expect(summary).toContain(
      '| INC-1 | 2025-02-11 | sev1 | refunded on high fraud signals | t1-fraud (fail) | **no** |'
    )

    // A --filter that leaves an incident's task out: not known, never "passes".
    const filtered = await runCli(['run', '--repeat', '1', '--out', 'filtered', '--filter', 'tier=T1'], dir)
    expect(filtered.code).not.toBe(2)
    expect(report(dir, 'filtered').incidents[1]).toMatchObject({
      tasks: [{ id: 't2-scope', status: 'absent' }],
      passing: null
    })
  })
})

describe('the scorecard over real runs', () => {
  it('counts incidents per month, shows whether their tasks pass now, the versions per column, and the monthly review', async () => {
    const dir = project(INCIDENTS)
    expect((await runCli(['run', '--repeat', '1', '--out', 'feb'], dir)).code).toBe(0)
    writeFileSync(join(dir, 'golden-tasks/wf/agent.mjs'), `${AGENT}\n// v2\n`)
    writeFileSync(join(dir, 'golden-tasks/wf/broken'), '')
    expect((await runCli(['run', '--repeat', '1', '--out', 'mar'], dir)).code).toBe(1)
    for (const [out, date] of [
      ['feb', '2025-02-20T10:00:00.000Z'],
      ['mar', '2025-03-10T10:00:00.000Z']
    ]) {
      const r = report(dir, out)
      r.created_at = date
      writeFileSync(join(dir, out, 'report.json'), JSON.stringify(r))
    }
    const res = await runCli(['scorecard', 'mar/report.json', 'feb/report.json', '--out', 'card'], dir)
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(
      `monthly review: ${join('card', 'monthly-review.md')}, ${join('card', 'monthly-review.html')}`
    )

    const md = readFileSync(join(dir, 'card/scorecard.md'), 'utf8')
    expect(md).toMatch(/\| Version \| 1\.0\.0 \| 1\.0\.0 \|/)
    expect(md).toMatch(/\| Files changed since the previous report \| — \| agent\.mjs \|/)
    expect(md).toContain('| Month | Incidents | sev1 | sev2 | sev3 | sev4 | Tasks fail now |')
    expect(md).toContain('| 2025-02 | 1 | 1 | 0 | 0 | 0 | 1 |')
    expect(md).toContain('| 2025-03 | 1 | 0 | 0 | 1 | 0 | 0 |')
    expect(md).toContain('| INC-2 | 2025-03-04 | sev3 | a chargeback got a refund | t2-scope | yes | 2025-03-10 |')
    expect(md).toContain('| INC-1 | 2025-02-11 | sev1 | refunded on high fraud signals | t1-fraud | no | 2025-03-10 |')

    const review = readFileSync(join(dir, 'card/monthly-review.md'), 'utf8')
    expect(review).toContain('wf: 2 reports in 2 months, 2025-02-20 to 2025-03-10; newest month first.')
    expect(review).toContain(
      '| Month | Reports | Success | Containment | Escalations | Incidents | Top 3 failure modes |'
    )
    expect(review).toContain('| 2025-03 | 1 (3 task results) | 66.7% | 66.7% | 1 | 1 | wrong label (1) |')
    expect(review).toContain('| 2025-02 | 1 (3 task results) | 100.0% | 66.7% | 1 | 1 | — |')
    const html = readFileSync(join(dir, 'card/monthly-review.html'), 'utf8')
    expect(html).toContain('<h1>evalgate monthly review</h1>')
    expect(html).toContain('<td>INC-1</td>')
  })
})
