// Issue 14, items 3 and 4 through `evalgate validate` and `evalgate run`, bundled from the
// sources: a runbook outside the repository or missing, a runbook without a section the kit asks
// for or whose disable section does not name the kill switch, a DPA URL that is not a URL and a
// negative retention are file:line problems (exit 2); a good runbook and governance pass.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runNode, writeProject } from '../helpers/project.js'
import { removeSourceBundle, sourceBundle } from '../helpers/source-bundle.js'

afterAll(removeSourceBundle)

const MANIFEST = 'golden-tasks/wf/workflow.yml'
const RUNBOOK = 'golden-tasks/wf/RUNBOOK.md'

const AGENT = "process.stdin.resume().on('end', () => process.stdout.write(JSON.stringify({ escalated: true })))\n"

/** Line 2 onwards: `middle`, then the agent and its kill switch. */
function manifest(...middle: string[]): string {
  return [
    'name: wf',
    ...middle,
    'agent:',
    '  type: command',
    `  command: ["${process.execPath}", "agent.mjs"]`,
    'kill_switch: { env: WF_DISABLED, value: "1" }',
    'permissions: {}',
    ''
  ].join('\n')
}

const GOOD_RUNBOOK = [
  '# wf runbook',
  '## When to escalate',
  'Anything unclear.',
  '## Fallback behaviour',
  'A human answers.',
  '## On-call',
  'The platform rota.',
  '## How to disable automation',
  'Set WF_DISABLED=1.',
  ''
].join('\n')

const GOVERNANCE = [
  'data_governance:',
  '  retention_days: 30',
  '  subprocessors: [{ name: OpenAI, region: us, dpa_url: "https://openai.com/policies/data-processing-addendum/" }]',
  '  stored: [{ what: reports, where: GitHub Actions artifacts, retention_days: 7 }]',
  '  retention: { artifacts_days: 7 }'
]

/** `runbook` null: the project has no RUNBOOK.md. */
function project(workflow: string, runbook: string | null = GOOD_RUNBOOK): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\n',
    [MANIFEST]: workflow,
    ...(runbook === null ? {} : { [RUNBOOK]: runbook }),
    'golden-tasks/wf/agent.mjs': AGENT,
    'golden-tasks/wf/tasks.yaml': '- { id: t1, tier: T1, risk: low, input: {}, expected: { escalate: true } }\n'
  })
}

const cli = (args: string[], dir: string) => runNode([sourceBundle().cli, ...args], dir, process.env)

async function validate(dir: string) {
  const res = await cli(['validate'], dir)
  const problems = res.stderr.split('\n').filter((l) => l.startsWith('golden-tasks/'))
  return { ...res, problems }
}

describe('validate and run: runbook and data governance', () => {
  it('a complete runbook and governance: validate passes, run shows them in report.html', async () => {
    const dir = project(manifest(...GOVERNANCE, 'runbook: RUNBOOK.md'))
    const checked = await validate(dir)
    expect([checked.code, checked.problems]).toEqual([0, []])
    const run = await cli(['run', '--out', 'out'], dir)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(0)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    expect(report.workflows[0]).toMatchObject({
      runbook: RUNBOOK,
      data_governance: { retention: { artifacts_days: 7 }, stored: [{ what: 'reports' }] }
    })
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8')
    expect(html).toContain('<td><code>https://openai.com/policies/data-processing-addendum/</code></td>')
    expect(html).toContain('prompts 30 days · traces 30 days · artifacts 7 days')
  })

  it('a runbook outside the repository, or missing: exit 2 at the runbook: line, in validate and run', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'evalgate-outside-'))
    writeFileSync(join(outside, 'RUNBOOK.md'), GOOD_RUNBOOK)
    const escaped = project(manifest(`runbook: ${join(outside, 'RUNBOOK.md')}`), null)
    const res = await validate(escaped)
    expect(res.code).toBe(2)
    expect(res.problems).toEqual([
      expect.stringMatching(
        new RegExp(`^${MANIFEST}:2: runbook resolves to ${outside}/RUNBOOK.md, outside the repository`)
      )
    ])
    const run = await cli(['run'], escaped)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`${MANIFEST}:2: runbook resolves to`)

    const missing = await validate(project(manifest('runbook: RUNBOOK.md'), null))
    expect([missing.code, missing.problems]).toEqual([
      2,
      [`${MANIFEST}:2: runbook names a file that does not exist: ${RUNBOOK}`]
    ])
  })

  it('a section missing, and a disable section that does not name the kill switch: exit 2', async () => {
    const runbook = GOOD_RUNBOOK.replace('## On-call\nThe platform rota.\n', '').replace('WF_DISABLED=1', 'the flag')
    const res = await validate(project(manifest('runbook: RUNBOOK.md'), runbook))
    expect(res.code).toBe(2)
    expect(res.problems).toEqual([
      `${RUNBOOK}:6: the runbook's section "How to disable automation" does not name the kill switch WF_DISABLED (kill_switch.env): say how to turn automation off with it, e.g. WF_DISABLED=1`,
      `${MANIFEST}:2: runbook ${RUNBOOK} has no section on on-call: add a heading containing "on-call", "on call" or "oncall", e.g. "## On-call"`
    ])
  })

  it('a DPA URL that is not a URL and a negative retention: exit 2 at their lines', async () => {
    const res = await validate(
      project(
        manifest(
          'data_governance:',
          '  subprocessors: [{ name: OpenAI, dpa_url: "see the contract" }]',
          '  retention: { artifacts_days: -3 }'
        )
      )
    )
    expect(res.code).toBe(2)
    expect(res.problems).toEqual([
      `${MANIFEST}:3: "dpa_url" must be an http:// or https:// URL, got "see the contract"`,
      `${MANIFEST}:4: "artifacts_days" must be 0 or more, got -3`
    ])
  })
})
