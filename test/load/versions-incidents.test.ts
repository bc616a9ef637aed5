// Issue 14: what loading records of the files that define an agent (hashed as read, with their
// kinds), and incidents.yml beside a manifest: read with its lines, its task ids checked.
import { afterAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { loadProject } from '../../src/load/index.js'
import { lines, makeProject, removeProjects } from './project-files.js'

afterAll(removeProjects)

const WF = 'golden-tasks/wf'
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

const OPENAI = lines(
  'name: wf',
  'permissions:',
  '  lookup: { scope: read, risk: low }',
  'agent:',
  '  type: openai',
  '  model: gpt-4.1-mini',
  '  prompt: prompt.md',
  '  policy: ../../shared/policy.md',
  '  tools: tools.json'
)
const COMMAND = lines(
  'name: wf',
  'permissions:',
  '  lookup: { scope: read, risk: low }',
  'agent:',
  '  type: command',
  '  command: [node, agent/main.mjs, --verbose, agent]'
)
const TASKS = lines(
  '- { id: t1-fraud, tier: T1, risk: high, input: {}, expected: { label: ok } }',
  '- { id: t2-scope, tier: T2, risk: low, input: {}, expected: { label: ok } }'
)

async function load(files: Record<string, string>) {
  const p = await makeProject({ 'thresholds.yml': 'tiers: { T1: 0.9 }\n', ...files })
  return { p, project: await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root }) }
}

describe('the files that define an agent', () => {
  it('an openai agent: its prompt, policy and tools files, each hashed from its bytes, with repository paths', async () => {
    const { project } = await load({
      [`${WF}/workflow.yml`]: OPENAI,
      [`${WF}/prompt.md`]: 'You handle refunds.\n',
      'shared/policy.md': '# Policy\n',
      [`${WF}/tools.json`]: '[{ "name": "lookup" }]',
      [`${WF}/tasks.yaml`]: TASKS
    })
    expect(project.problems).toEqual([])
    expect(project.workflows[0].versioned_files).toEqual([
      { path: `${WF}/workflow.yml`, kind: 'manifest', sha256: sha(OPENAI) },
      { path: `${WF}/prompt.md`, kind: 'prompt', sha256: sha('You handle refunds.\n') },
      { path: 'shared/policy.md', kind: 'policy', sha256: sha('# Policy\n') },
      { path: `${WF}/tools.json`, kind: 'tools', sha256: sha('[{ "name": "lookup" }]') }
    ])
    expect(project.thresholdsFile).toEqual({
      path: 'thresholds.yml',
      kind: 'thresholds',
      sha256: sha('tiers: { T1: 0.9 }\n')
    })
  })

  it('a command agent: the files its command names in the repository, not a folder, not a flag', async () => {
    const { project } = await load({
      [`${WF}/workflow.yml`]: COMMAND,
      [`${WF}/agent/main.mjs`]: 'console.log(1)\n',
      [`${WF}/tasks.yaml`]: TASKS
    })
    expect(project.problems).toEqual([])
    expect(project.workflows[0].versioned_files?.map((f) => [f.path, f.kind])).toEqual([
      [`${WF}/workflow.yml`, 'manifest'],
      [`${WF}/agent/main.mjs`, 'agent_code']
    ])
  })
})

const INCIDENTS = lines(
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
  '  tasks: [t2-scope]'
)

describe('incidents.yml', () => {
  const project = (incidents: string) =>
    load({
      [`${WF}/workflow.yml`]: COMMAND,
      [`${WF}/agent/main.mjs`]: '',
      [`${WF}/tasks.yaml`]: TASKS,
      [`${WF}/incidents.yml`]: incidents
    })

  it('is read beside the manifest, never as a task file', async () => {
    const { project: loaded } = await project(INCIDENTS)
    expect(loaded.problems).toEqual([])
    expect(loaded.warnings).toEqual([])
    expect(loaded.tasks.map((t) => t.id)).toEqual(['t1-fraud', 't2-scope'])
    expect(loaded.workflows[0].incidents).toEqual([
      {
        id: 'INC-1',
        date: '2025-02-11',
        severity: 'sev1',
        summary: 'refunded on high fraud signals',
        tasks: ['t1-fraud']
      },
      { id: 'INC-2', date: '2025-03-04', severity: 'sev3', summary: 'a chargeback got a refund', tasks: ['t2-scope'] }
    ])
  })

  it('an unknown task id is an error at its line; an incident without tasks a warning at the incident', async () => {
    const { p, project: loaded } = await project(
      INCIDENTS.replace('tasks: [t2-scope]', 'tasks:\n    - t2-scope\n    - t2-nope') +
        lines('- id: INC-3', '  date: 2025-03-09', '  severity: sev4', '  summary: slow replies')
    )
    const file = p.shown(`${WF}/incidents.yml`)
    expect(loaded.problems).toEqual([
      {
        file,
        line: 13,
        message: 'incident "INC-2" names task "t2-nope", which is not a golden task of workflow "wf"',
        severity: 'error'
      }
    ])
    expect(loaded.warnings).toEqual([
      {
        file,
        line: 14,
        message:
          'incident "INC-3" names no golden task that reproduces it (tasks: [...]): the gate cannot tell whether it could happen again',
        severity: 'warning'
      }
    ])
  })

  it('bad fields, a date that does not exist, a repeated id and a file that is not a list: each at its line', async () => {
    const bad = await project(
      lines(
        '- id: INC-1',
        '  date: 2025-02-30',
        '  severity: major',
        '  summary: x',
        '  taks: [t1-fraud]',
        '- id: INC-1',
        '  date: 2025-02-11',
        '  severity: sev2',
        '  summary: y',
        '- id: INC-3',
        '  date: 11/02/2025',
        '  severity: sev2',
        '  summary: z'
      )
    )
    const file = bad.p.shown(`${WF}/incidents.yml`)
    expect(bad.project.problems.map((q) => [q.file, q.line, q.message])).toEqual([
      [file, 2, '"date" must be a date that exists, written YYYY-MM-DD, got "2025-02-30"'],
      [file, 3, 'severity "major" is not one of sev1, sev2, sev3, sev4'],
      [file, 5, 'unknown field "taks"'],
      [file, 6, 'incident id "INC-1" is also used at line 1'],
      [file, 11, '"date" must be a date written YYYY-MM-DD, got "11/02/2025"']
    ])
    const notList = await project('id: INC-1\n')
    expect(notList.project.problems.map((q) => [q.line, q.message])).toEqual([
      [1, 'an incidents file holds a list of incidents ({ id, date, severity, summary, tasks })']
    ])
  })
})
