import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

const MANIFEST_FILE = `${WF}/workflow.yml`

async function problemsOf(files: Record<string, string>) {
  const p = await makeProject({ 'thresholds.yml': THRESHOLDS, ...files })
  const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
  return { errors: project.problems.map(formatProblem), warnings: project.warnings.map(formatProblem), project, p }
}

/** The refund manifest with its agent section replaced by `agent` rows. */
const withAgent = (...agent: string[]) => MANIFEST.slice(0, MANIFEST.indexOf('agent:')) + lines(...agent)

describe('workflow manifest problems, each at its file:line', () => {
  it('an unknown agent type', async () => {
    const { errors, p } = await problemsOf({ [MANIFEST_FILE]: withAgent('agent:', '  type: lambda') })
    expect(errors).toEqual([`${p.shown(MANIFEST_FILE)}:14: agent.type "lambda" is not one of command, http, openai`])
  })

  it('a command agent without command, an openai agent without model, prompt or tools', async () => {
    const command = await problemsOf({ [MANIFEST_FILE]: withAgent('agent:', '  type: command', '  env: { A: b }') })
    expect(command.errors).toEqual([`${command.p.shown(MANIFEST_FILE)}:14: missing required field "command" in agent`])

    const openai = await problemsOf({ [MANIFEST_FILE]: withAgent('agent:', '  type: openai', '  temperature: 0.2') })
    const file = openai.p.shown(MANIFEST_FILE)
    expect(openai.errors).toEqual([
      `${file}:14: missing required field "model" in agent`,
      `${file}:14: missing required field "prompt" in agent`,
      `${file}:14: missing required field "tools" in agent`
    ])
  })

  it('files the agent names that do not exist are reported at their manifest line', async () => {
    const { errors, p } = await problemsOf({
      [MANIFEST_FILE]: withAgent(
        'agent:',
        '  type: openai',
        '  model: gpt-4o',
        '  prompt: prompts/system.md',
        '  policy: policy.md',
        '  tools: tools.json'
      ),
      [`${WF}/policy.md`]: 'Be kind.',
      [`${WF}/tools.json`]: '[]'
    })
    expect(errors).toEqual([
      `${p.shown(MANIFEST_FILE)}:16: agent.prompt names a file that does not exist: ${p.shown(`${WF}/prompts/system.md`)}`
    ])
  })

  it('a missing tool_schemas file', async () => {
    const { errors, p } = await problemsOf({
      [MANIFEST_FILE]: MANIFEST.replace('agent:', 'tool_schemas: schemas/tools.yaml\nagent:')
    })
    expect(errors).toEqual([
      `${p.shown(MANIFEST_FILE)}:13: tool_schemas names a file that does not exist: ${p.shown(`${WF}/schemas/tools.yaml`)}`
    ])
  })

  it('tool schemas: a bad entry is an error in the schema file; a tool the permissions do not list is a warning', async () => {
    const { errors, warnings, p } = await problemsOf({
      [MANIFEST_FILE]: MANIFEST.replace('agent:', 'tool_schemas: tools.yaml\nagent:'),
      [`${WF}/tools.yaml`]: lines(
        '- type: function',
        '  function: { name: lookup_order }',
        '- name: launch_rocket',
        '- description: no name'
      ),
      [`${WF}/t.yaml`]: lines(...taskYaml('a'))
    })
    expect(errors).toEqual([`${p.shown(`${WF}/tools.yaml`)}:4: missing required field "name"`])
    expect(warnings).toEqual([
      `${p.shown(`${WF}/tools.yaml`)}:3: warning: tool schema for "launch_rocket", which the workflow's permissions do not list (the agent may not call it)`
    ])
  })

  it('a redaction regex that does not compile, and an unknown built-in redaction', async () => {
    const { errors, p } = await problemsOf({
      [MANIFEST_FILE]: MANIFEST.replace(
        'agent:',
        lines(
          'data_governance:',
          '  redact:',
          '    - email',
          '    - ssn',
          '    - name: order',
          '      pattern: "ORD-(\\\\d+"',
          'agent:'
        ).trimEnd()
      )
    })
    const file = p.shown(MANIFEST_FILE)
    expect(errors).toEqual([
      `${file}:16: unknown redaction "ssn" (built-in: email, phone, card, national_id; or give { name, pattern })`,
      expect.stringMatching(new RegExp(`^${file}:17: redaction "order" has an invalid regular expression: .*`))
    ])
  })

  it('permissions: a missing scope, a bad approval; an unknown field; a bad name', async () => {
    const { errors, p } = await problemsOf({
      [MANIFEST_FILE]: MANIFEST.replace('name: refund', 'name: refund request\nx-team: ops\nowner: me')
        .replace('{ scope: read, risk: low }', '{ risk: low }')
        .replace('approval: required', 'approval: maybe')
    })
    const file = p.shown(MANIFEST_FILE)
    expect(errors).toEqual([
      `${file}:1: "name" must contain only letters, digits, "_", "." and "-", got "refund request"`,
      `${file}:3: unknown field "owner"`,
      `${file}:13: missing required field "scope" in permissions.lookup_order`,
      `${file}:14: approval "maybe" is not one of none, required`
    ])
  })

  it('a folder without workflow.yml, and a task file outside any workflow', async () => {
    const { errors, p } = await problemsOf({
      [MANIFEST_FILE]: MANIFEST,
      'golden-tasks/orphans/t.yaml': 'id: a\n',
      'golden-tasks/loose.yaml': 'id: b\n'
    })
    expect(errors).toEqual([
      `${p.shown('golden-tasks/loose.yaml')}: task file outside a workflow folder (expected ${p.shown('golden-tasks')}/<workflow>/...)`,
      `${p.shown('golden-tasks/orphans')}: folder has no workflow.yml (every folder in ${p.shown('golden-tasks')} is a workflow)`
    ])
  })

  it('a missing tasks folder', async () => {
    const { errors, p } = await problemsOf({})
    expect(errors).toEqual([`${p.shown('golden-tasks')}: tasks folder not found`])
  })

  it('two manifests with the same name', async () => {
    const { errors, p } = await problemsOf({
      [MANIFEST_FILE]: MANIFEST,
      'golden-tasks/refund2/workflow.yml': '# copy\n' + MANIFEST
    })
    expect(errors).toEqual([
      `${p.shown('golden-tasks/refund2/workflow.yml')}:2: workflow name "refund" is also used by ${p.shown(MANIFEST_FILE)}`
    ])
  })
})

describe('escalation.min_confidence', () => {
  const withEscalation = (...rows: string[]) => MANIFEST.replace('agent:', lines(...rows) + 'agent:')

  it('loads a minimum between 0 and 1', async () => {
    const { errors, project } = await problemsOf({
      [MANIFEST_FILE]: withEscalation('escalation: { min_confidence: 0.7 }')
    })
    expect(errors).toEqual([])
    expect(project.workflows[0].escalation).toEqual({ min_confidence: 0.7 })
  })

  it.each([
    ['1.5', '"min_confidence" must be between 0 and 1, got 1.5'],
    ['-0.1', '"min_confidence" must be between 0 and 1, got -0.1'],
    ['high', '"min_confidence" must be a number, got "high"']
  ])('min_confidence %s is a problem at its line', async (value, message) => {
    const { errors, p } = await problemsOf({
      [MANIFEST_FILE]: withEscalation('escalation:', `  min_confidence: ${value}`)
    })
    const line = MANIFEST.slice(0, MANIFEST.indexOf('agent:')).split('\n').length + 1
    expect(errors).toEqual([`${p.shown(MANIFEST_FILE)}:${line}: ${message}`])
  })

  it('an unknown key under escalation', async () => {
    const { errors, p } = await problemsOf({ [MANIFEST_FILE]: withEscalation('escalation: { min_confidense: 0.7 }') })
    expect(errors).toEqual([
      `${p.shown(MANIFEST_FILE)}:13: missing required field "min_confidence" in escalation`,
      `${p.shown(MANIFEST_FILE)}:13: unknown field "min_confidense" in escalation`
    ])
  })
})
