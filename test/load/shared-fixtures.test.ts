// Issue 15, item 6 at load: workflow.yml `fixtures:` or `fixtures_file:`, and their problems at
// file:line; item 3's tool schemas that ajv cannot compile, at the line of their `parameters`.
import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

const MANIFEST_FILE = `${WF}/workflow.yml`
/** The refund manifest with `rows` before its `agent:` (line 13 on). */
const withRows = (...rows: string[]) => MANIFEST.replace('agent:', lines(...rows) + 'agent:')

async function load(files: Record<string, string>) {
  const p = await makeProject({
    'thresholds.yml': THRESHOLDS,
    [`${WF}/tasks.yaml`]: lines(...taskYaml('t1')),
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

const CATALOGUE = lines(
  'lookup_order:',
  '  - { when: { order_id: o1 }, return: { order_id: o1, total: 25 } }',
  '  - { when: {}, fault: { status: 404, message: no such order } }',
  'issue_refund: { refunded: true }'
)
const PARSED = {
  lookup_order: {
    kind: 'cases',
    cases: [
      { when: { order_id: 'o1' }, return: { order_id: 'o1', total: 25 } },
      { when: {}, fault: { status: 404, message: 'no such order' } }
    ]
  },
  issue_refund: { kind: 'value', value: { refunded: true } }
}

describe('shared fixtures', () => {
  it('workflow.yml `fixtures:` are the workflow’s, parsed as a task’s', async () => {
    const inline = CATALOGUE.trimEnd()
      .split('\n')
      .map((row) => `  ${row}`)
    const { errors, project } = await load({ [MANIFEST_FILE]: withRows('fixtures:', ...inline) })
    expect(errors).toEqual([])
    expect(project.workflows[0].fixtures).toEqual(PARSED)
    // The task keeps its own fixtures only: nothing is copied into it.
    expect(Object.keys(project.tasks[0].fixtures)).toEqual(['lookup_order'])
  })

  it.each([
    ['YAML', 'catalogue.yml', CATALOGUE],
    [
      'JSON',
      'catalogue.json',
      JSON.stringify({
        lookup_order: [
          { when: { order_id: 'o1' }, return: { order_id: 'o1', total: 25 } },
          { when: {}, fault: { status: 404, message: 'no such order' } }
        ],
        issue_refund: { refunded: true }
      })
    ]
  ])('`fixtures_file:` in %s, which is not read as a task file', async (_format, name, text) => {
    const { errors, warnings, project } = await load({
      [MANIFEST_FILE]: withRows(`fixtures_file: ${name}`),
      [`${WF}/${name}`]: text
    })
    expect(errors).toEqual([])
    expect(warnings).toEqual([])
    expect(project.workflows[0].fixtures).toEqual(PARSED)
    expect(project.tasks.map((t) => t.id)).toEqual(['t1'])
  })

  it('both `fixtures` and `fixtures_file`: a problem at fixtures_file', async () => {
    const { errors, p } = await load({
      [MANIFEST_FILE]: withRows('fixtures: { issue_refund: { refunded: true } }', 'fixtures_file: catalogue.yml'),
      [`${WF}/catalogue.yml`]: CATALOGUE
    })
    expect(errors).toEqual([
      `${p.shown(MANIFEST_FILE)}:14: fixtures and fixtures_file are both set: give the shared fixtures in one of them`
    ])
  })

  it('a fixtures_file that does not exist, at its manifest line', async () => {
    const { errors, p } = await load({ [MANIFEST_FILE]: withRows('fixtures_file: fixtures/missing.yml') })
    expect(errors).toEqual([
      `${p.shown(MANIFEST_FILE)}:13: fixtures_file names a file that does not exist: ${p.shown(`${WF}/fixtures/missing.yml`)}`
    ])
  })

  it('a bad shared fixture case: in the manifest at its line, in the fixtures file at the file’s line', async () => {
    const inManifest = await load({
      [MANIFEST_FILE]: withRows(
        'fixtures:',
        '  lookup_order:',
        '    - when: { order_id: o1 }',
        '      return: { total: 25 }',
        '      fault: { status: 503, message: down }'
      )
    })
    expect(inManifest.errors).toEqual([
      `${inManifest.p.shown(MANIFEST_FILE)}:17: a fixture case answers with "return" or fails with "fault", not both`
    ])

    const inFile = await load({
      [MANIFEST_FILE]: withRows('fixtures_file: catalogue.yml'),
      [`${WF}/catalogue.yml`]: lines(
        'issue_refund: { refunded: true }',
        'lookup_order:',
        '  - { when: { order_id: o1 }, return: { total: 25 } }',
        '  - { when: {}, on_call: 0, return: { total: 1 } }'
      )
    })
    expect(inFile.errors).toHaveLength(1)
    expect(inFile.errors[0]).toMatch(new RegExp(`^${escape(inFile.p.shown(`${WF}/catalogue.yml`))}:4: "on_call" `))
  })

  it('a fixtures file that is not a map, and a shared fixture of an unlisted tool', async () => {
    const list = await load({
      [MANIFEST_FILE]: withRows('fixtures_file: catalogue.yml'),
      [`${WF}/catalogue.yml`]: lines('- lookup_order')
    })
    expect(list.errors).toEqual([
      `${list.p.shown(`${WF}/catalogue.yml`)}:1: a fixtures file holds a map of tool name -> fixture (as a task's "fixtures")`
    ])

    const unlisted = await load({
      [MANIFEST_FILE]: withRows('fixtures:', '  lookup_order: { total: 1 }', '  delete_order: { deleted: true }')
    })
    expect(unlisted.errors).toEqual([
      `${unlisted.p.shown(MANIFEST_FILE)}:15: shared fixture for tool "delete_order", which the workflow's permissions do not list`
    ])
  })
})

describe('tool schemas ajv cannot compile', () => {
  it('are problems at the line of their parameters, in either tool file format', async () => {
    const { errors, p } = await load({
      [MANIFEST_FILE]: withRows('tool_schemas: tools.yaml'),
      [`${WF}/tools.yaml`]: lines(
        '- name: lookup_order',
        '  parameters: { type: object, properties: { order_id: { type: string } } }',
        '- name: issue_refund',
        '  parameters:',
        '    type: object',
        '    properties: { amount: { type: money } }',
        '- type: function',
        '  function:',
        '    name: send_email',
        '    parameters: { $ref: "#/definitions/nowhere" }'
      )
    })
    const file = p.shown(`${WF}/tools.yaml`)
    expect(errors).toEqual([
      `${file}:5: the parameters of tool "issue_refund" are not a JSON schema ajv can compile: type must be JSONType or JSONType[]: money`,
      `${file}:10: the parameters of tool "send_email" are not a JSON schema ajv can compile: can't resolve reference #/definitions/nowhere from id #`
    ])
  })

  it('a schema with keywords of other tools and formats loads (not strict)', async () => {
    const { errors, project } = await load({
      [MANIFEST_FILE]: withRows('tool_schemas: tools.json'),
      [`${WF}/tools.json`]: JSON.stringify([
        {
          name: 'lookup_order',
          parameters: { type: 'object', 'x-origin': 'tau', properties: { email: { type: 'string', format: 'email' } } }
        }
      ])
    })
    expect(errors).toEqual([])
    expect(project.workflows[0].tool_schemas).toHaveLength(1)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
