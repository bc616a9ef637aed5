// workflow.yml `runbook` and the data_governance fields of issue 14, through the loader: what
// loads, and each bad input as a problem at its file:line.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

const MANIFEST_FILE = `${WF}/workflow.yml`
const RUNBOOK_FILE = `${WF}/RUNBOOK.md`
/** MANIFEST's lines before `agent:` (13 lines: the next line written is line 13). */
const head = MANIFEST.slice(0, MANIFEST.indexOf('agent:'))
const AGENT = lines('agent:', '  type: command', '  command: [node, agent.js]')
const manifest = (...rows: string[]) => head + lines(...rows) + AGENT

const RUNBOOK = lines(
  '# Refund agent runbook',
  '',
  '## When to escalate',
  'Fraud, amounts over 500 USD.',
  '',
  '## Fallback behaviour',
  'Reply that a human will follow up.',
  '',
  '## On-call',
  'The support-automation rota.',
  '',
  '## How to disable automation',
  'Set REFUND_AGENT_DISABLED=1 and restart.'
)

async function load(files: Record<string, string>) {
  const p = await makeProject({
    'thresholds.yml': THRESHOLDS,
    [`${WF}/tasks.yaml`]: lines(...taskYaml('r-1')),
    ...files
  })
  const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
  return {
    errors: project.problems.map(formatProblem),
    warnings: project.warnings.map(formatProblem),
    project,
    p
  }
}

describe('runbook', () => {
  it('loads with its text and sections, beside a kill switch it names', async () => {
    const { errors, project, p } = await load({
      [MANIFEST_FILE]:
        manifest('runbook: RUNBOOK.md') + lines('kill_switch: { env: REFUND_AGENT_DISABLED, value: "1" }'),
      [RUNBOOK_FILE]: RUNBOOK
    })
    expect(errors).toEqual([])
    const runbook = project.workflows[0].runbook!
    expect(runbook).toMatchObject({ path: path.join(p.root, RUNBOOK_FILE), file: p.shown(RUNBOOK_FILE), text: RUNBOOK })
    expect(runbook.sections.found.map((s) => [s.id, s.headings[0].line])).toEqual([
      ['escalation', 3],
      ['fallback', 6],
      ['on_call', 9],
      ['disable', 12]
    ])
  })

  it('outside the repository, or missing: a problem at the runbook: line', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'evalgate-outside-'))
    writeFileSync(path.join(outside, 'RUNBOOK.md'), RUNBOOK)
    const escaped = await load({ [MANIFEST_FILE]: manifest(`runbook: ${path.join(outside, 'RUNBOOK.md')}`) })
    expect(escaped.errors).toEqual([
      `${escaped.p.shown(MANIFEST_FILE)}:13: runbook resolves to ${path.join(outside, 'RUNBOOK.md')}, outside the repository (${escaped.p.root})`
    ])
    expect(escaped.project.workflows).toEqual([])

    const missing = await load({ [MANIFEST_FILE]: manifest('runbook: docs/RUNBOOK.md') })
    expect(missing.errors).toEqual([
      `${missing.p.shown(MANIFEST_FILE)}:13: runbook names a file that does not exist: ${missing.p.shown(`${WF}/docs/RUNBOOK.md`)}`
    ])
  })

  it('a missing section is a problem at the runbook: line naming it and the heading that would count', async () => {
    const { errors, p } = await load({
      [MANIFEST_FILE]: manifest('runbook: RUNBOOK.md'),
      [RUNBOOK_FILE]: RUNBOOK.replace('## On-call\nThe support-automation rota.\n', '').replace('Fallback', 'Degraded')
    })
    const runbook = p.shown(RUNBOOK_FILE)
    expect(errors).toEqual([
      `${p.shown(MANIFEST_FILE)}:13: runbook ${runbook} has no section on fallback behaviour: add a heading containing "fallback" or "fall back", e.g. "## Fallback behaviour"`,
      `${p.shown(MANIFEST_FILE)}:13: runbook ${runbook} has no section on on-call: add a heading containing "on-call", "on call" or "oncall", e.g. "## On-call"`
    ])
  })

  it('a section with only its heading is a problem at that heading', async () => {
    const { errors, p } = await load({
      [MANIFEST_FILE]: manifest('runbook: RUNBOOK.md'),
      [RUNBOOK_FILE]: RUNBOOK.replace('The support-automation rota.', '<!-- who? -->')
    })
    expect(errors).toEqual([
      `${p.shown(RUNBOOK_FILE)}:9: the runbook's section "On-call" (on-call) has nothing under it`
    ])
  })

  it('with a kill switch, the section on disabling must name its variable or header', async () => {
    const env = await load({
      [MANIFEST_FILE]: manifest('runbook: RUNBOOK.md') + lines('kill_switch: { env: AGENT_OFF, value: "yes" }'),
      [RUNBOOK_FILE]: RUNBOOK
    })
    expect(env.errors).toEqual([
      `${env.p.shown(RUNBOOK_FILE)}:12: the runbook's section "How to disable automation" does not name the kill switch AGENT_OFF (kill_switch.env): say how to turn automation off with it, e.g. AGENT_OFF=yes`
    ])

    const httpAgent = lines('agent:', '  type: http', '  url: "http://127.0.0.1:1/run"')
    const header = await load({
      [MANIFEST_FILE]:
        head + lines('runbook: RUNBOOK.md') + httpAgent + lines('kill_switch: { header: X-Refunds-Off, value: "1" }'),
      [RUNBOOK_FILE]: RUNBOOK
    })
    expect(header.errors).toEqual([
      `${header.p.shown(RUNBOOK_FILE)}:12: the runbook's section "How to disable automation" does not name the kill switch X-Refunds-Off (kill_switch.header): say how to turn automation off with it, e.g. X-Refunds-Off: 1`
    ])
    const named = await load({
      [MANIFEST_FILE]:
        head + lines('runbook: RUNBOOK.md') + httpAgent + lines('kill_switch: { header: X-Refunds-Off, value: "1" }'),
      [RUNBOOK_FILE]: RUNBOOK + lines('Or send the header `x-refunds-off: 1` with each request.')
    })
    expect(named.errors).toEqual([])
  })

  it('not UTF-8 text: a problem at the runbook line that holds the byte', async () => {
    const { p } = await load({ [MANIFEST_FILE]: manifest('runbook: RUNBOOK.md'), [RUNBOOK_FILE]: RUNBOOK })
    writeFileSync(path.join(p.root, RUNBOOK_FILE), Buffer.from('# Runbook\n\xff\n', 'latin1'))
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    expect(project.problems.map(formatProblem)).toEqual([
      `${p.shown(RUNBOOK_FILE)}:2: not UTF-8 text: byte 0xff at offset 10 is not valid UTF-8 (save the file as UTF-8)`
    ])
  })
})

describe('data_governance: subprocessors, stored, retention', () => {
  const governance = (...rows: string[]) => manifest('data_governance:', ...rows.map((row) => `  ${row}`))

  it('load as written', async () => {
    const { errors, warnings, project } = await load({
      [MANIFEST_FILE]: governance(
        'retention_days: 30',
        'subprocessors: [{ name: OpenAI, region: us, dpa_url: "https://openai.com/dpa" }, { name: Acme }]',
        'stored: [{ what: tickets, where: helpdesk, retention_days: 365 }]',
        'retention: { artifacts_days: 14 }'
      )
    })
    expect([errors, warnings.filter((w) => w.includes('retention'))]).toEqual([[], []])
    expect(project.workflows[0].data_governance).toMatchObject({
      retention_days: 30,
      subprocessors: [{ name: 'OpenAI', region: 'us', dpa_url: 'https://openai.com/dpa' }, { name: 'Acme' }],
      stored: [{ what: 'tickets', where: 'helpdesk', retention_days: 365 }],
      retention: { artifacts_days: 14 }
    })
  })

  it('a DPA URL that is not an http(s) URL, a negative retention, a stored item without where', async () => {
    const { errors, p } = await load({
      [MANIFEST_FILE]: governance(
        'subprocessors:',
        '  - { name: OpenAI, dpa_url: openai.com/dpa }',
        '  - { name: Acme, dpa_url: "javascript:alert(1)" }',
        'stored: [{ what: tickets }]',
        'retention: { prompts_days: -1, traces_days: 1.5 }'
      )
    })
    const file = p.shown(MANIFEST_FILE)
    expect(errors).toEqual([
      `${file}:15: "dpa_url" must be an http:// or https:// URL, got "openai.com/dpa"`,
      `${file}:16: "dpa_url" must be an http:// or https:// URL, got "javascript:alert(1)"`,
      `${file}:17: missing required field "where" in data_governance.stored[0]`,
      `${file}:18: "prompts_days" must be 0 or more, got -1`,
      `${file}:18: "traces_days" must be a whole number, got 1.5`
    ])
  })

  it('retention_days beside a retention that sets every kind: a warning that it is not used', async () => {
    const { errors, warnings, p } = await load({
      [MANIFEST_FILE]: governance(
        'retention_days: 30',
        'retention: { prompts_days: 1, traces_days: 2, artifacts_days: 3 }'
      )
    })
    expect(errors).toEqual([])
    expect(warnings).toContain(
      `${p.shown(MANIFEST_FILE)}:14: warning: data_governance.retention_days is not used: retention sets prompts_days, traces_days, artifacts_days`
    )
  })
})
