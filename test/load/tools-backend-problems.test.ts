// Issue 15: what needs a tools backend, and the backend's own fields, as problems at file:line.
import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, removeProjects, THRESHOLDS } from './project-files.js'

afterAll(removeProjects)

const WF = 'golden-tasks/orders'

const manifest = (...extra: string[]) =>
  lines(
    'name: orders',
    'permissions:',
    '  cancel_order: { scope: write, risk: medium }',
    'agent: { type: command, command: [node, agent.js] }',
    ...extra
  )

const TASK = lines(
  'id: cancel',
  'tier: T1',
  'risk: low',
  'input: {}',
  'initial_state: { orders: {} }',
  'expected:',
  '  state: { orders: {} }',
  '  state_equals_replay: true'
)

async function errorsOf(files: Record<string, string>): Promise<{ errors: string[]; shown: (f: string) => string }> {
  const p = await makeProject({ 'thresholds.yml': THRESHOLDS, ...files })
  const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
  return {
    errors: project.problems.filter((problem) => problem.severity === 'error').map(formatProblem),
    shown: (f) => p.shown(`${WF}/${f}`)
  }
}

const NEEDS = 'needs a tools backend: add "tools_backend: { command: [...] }" (or { url }) to workflow "orders"'

describe('tools backend problems', () => {
  it('initial_state, expected.state and state_equals_replay without a backend, each at its line', async () => {
    const { errors, shown } = await errorsOf({ [`${WF}/workflow.yml`]: manifest(), [`${WF}/t.yaml`]: TASK })
    expect(errors).toEqual([
      `${shown('t.yaml')}:5: initial_state ${NEEDS}`,
      `${shown('t.yaml')}:7: expected.state ${NEEDS}`,
      `${shown('t.yaml')}:8: expected.state_equals_replay ${NEEDS}`
    ])
  })

  it('none with a backend; state_file is read as the initial state', async () => {
    const p = await makeProject({
      'thresholds.yml': THRESHOLDS,
      [`${WF}/workflow.yml`]: manifest('tools_backend: { command: [node, backend.js] }', 'state_file: data/state.yaml'),
      [`${WF}/data/state.yaml`]: lines('orders:', '  W1: { status: pending }'),
      [`${WF}/t.yaml`]: TASK
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    expect(project.problems.filter((problem) => problem.severity === 'error')).toEqual([])
    // The state file is not a task file.
    expect(project.tasks.map((task) => task.id)).toEqual(['cancel'])
    expect(project.workflows[0].initial_state).toEqual({ orders: { W1: { status: 'pending' } } })
    expect(project.workflows[0].tools_backend).toEqual({ command: ['node', 'backend.js'] })
  })

  it('state_file without a backend, missing, or broken; a backend with both forms or none', async () => {
    const withoutBackend = await errorsOf({
      [`${WF}/workflow.yml`]: manifest('state_file: state.json'),
      [`${WF}/state.json`]: '{}'
    })
    expect(withoutBackend.errors).toEqual([
      `${withoutBackend.shown('workflow.yml')}:5: state_file needs a tools_backend: only a backend is reset with an initial state`
    ])

    const missing = await errorsOf({
      [`${WF}/workflow.yml`]: manifest('tools_backend: { url: "http://127.0.0.1:1" }', 'state_file: nowhere.json')
    })
    expect(missing.errors).toHaveLength(1)
    expect(missing.errors[0]).toMatch(new RegExp(`^${missing.shown('workflow.yml')}:6: state_file .*nowhere\\.json`))

    const broken = await errorsOf({
      [`${WF}/workflow.yml`]: manifest('tools_backend: { command: x }', 'state_file: state.json'),
      [`${WF}/state.json`]: '{ "orders": '
    })
    expect(broken.errors).toHaveLength(1)
    expect(broken.errors[0]).toMatch(new RegExp(`^${broken.shown('state.json')}:1: `))

    const both = await errorsOf({
      [`${WF}/workflow.yml`]: manifest('tools_backend:', '  command: [node, backend.js]', '  url: "http://127.0.0.1:1"')
    })
    expect(both.errors).toEqual([`${both.shown('workflow.yml')}:7: unknown field "url" in tools_backend`])

    const none = await errorsOf({ [`${WF}/workflow.yml`]: manifest('tools_backend: { timeout_s: 0 }') })
    expect(none.errors).toEqual([
      `${none.shown('workflow.yml')}:5: missing required field "command" in tools_backend`,
      `${none.shown('workflow.yml')}:5: "timeout_s" must be more than 0, got 0`
    ])
  })

  it('state_equals_replay must be true', async () => {
    const { errors, shown } = await errorsOf({
      [`${WF}/workflow.yml`]: manifest('tools_backend: { command: [node, backend.js] }'),
      [`${WF}/t.yaml`]: lines('id: a', 'tier: T1', 'risk: low', 'input: {}', 'expected: { state_equals_replay: false }')
    })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(new RegExp(`^${shown('t.yaml')}:5: .*state_equals_replay.*true`))
  })
})
