import { afterAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { loadProject } from '../../src/load/index.js'
import { BUILTIN_REDACTIONS } from '../../src/redact/builtin-rules.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

const OPENAI_MANIFEST = lines(
  'name: support_triage',
  'permissions:',
  '  search_kb: { scope: read, risk: low }',
  'agent:',
  '  type: openai',
  '  model: gpt-4o-mini',
  '  prompt: prompts/system.md',
  '  policy: prompts/policy.md',
  '  tools: tools.yaml',
  '  temperature: 0'
)

describe('loadProject with a valid project', () => {
  it('loads every workflow and every task from every kind of file', async () => {
    const p = await makeProject({
      [`${WF}/workflow.yml`]: MANIFEST.replace(
        'agent:',
        lines(
          'data_governance:',
          '  model_provider: openai',
          '  region: eu',
          '  retention_days: 30',
          '  redact:',
          '    - email',
          '    - { name: order_ref, pattern: "ORD-\\\\d+" }',
          'tool_schemas: tools.json',
          'judge: { model: gpt-4.1-mini }',
          'x-owner: agent-ops',
          'agent:'
        ).trimEnd()
      ),
      [`${WF}/tools.json`]: JSON.stringify([
        {
          type: 'function',
          function: { name: 'lookup_order', description: 'Find an order', parameters: { type: 'object' } }
        }
      ]),
      [`${WF}/single.yaml`]: lines(...taskYaml('single')),
      [`${WF}/tasks/list.yml`]: lines(
        ...['- ', '- '].flatMap((dash, i) => taskYaml(`list-${i}`, '  ').map((r, j) => (j === 0 ? dash + r : r)))
      ),
      [`${WF}/tasks/multi.yaml`]: lines(...taskYaml('multi-0'), '---', ...taskYaml('multi-1')),
      [`${WF}/tasks/more.json`]: JSON.stringify(
        [
          {
            id: 'json-0',
            tier: 'T2',
            risk: 'low',
            tags: ['fraud'],
            input: { customer: { id: 'c2' }, order_id: 'o2' },
            fixtures: { lookup_order: [{ when: { order_id: 'o2' }, return: { status: 'lost' } }] },
            expected: { actions: [{ tool: 'issue_refund', args: { amount: 10 } }], actions_match: 'strict' }
          }
        ],
        null,
        2
      ),
      [`${WF}/deep/er/lines.jsonl`]: [
        JSON.stringify({
          id: 'jsonl-0',
          tier: 'T3',
          risk: 'medium',
          input: { customer: { id: 'c' }, order_id: 'o' },
          expected: { escalate: true }
        }),
        '',
        JSON.stringify({
          id: 'jsonl-1',
          tier: 'T3',
          risk: 'medium',
          input: { customer: { id: 'c' }, order_id: 'o' },
          expected: { judge: 'polite' }
        })
      ].join('\n'),
      'golden-tasks/support/workflow.yml': OPENAI_MANIFEST,
      'golden-tasks/support/prompts/system.md': 'You triage.',
      'golden-tasks/support/prompts/policy.md': 'Be kind.',
      'golden-tasks/support/tools.yaml': lines(
        '- name: search_kb',
        '  description: Search',
        '  parameters: { type: object }'
      ),
      'golden-tasks/support/t.yaml': lines(
        'id: s1',
        'tier: T1',
        'risk: low',
        'input: hello',
        'expected: { label: answered }'
      ),
      'thresholds.yml': THRESHOLDS
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })

    expect(project.problems).toEqual([])
    expect(project.warnings).toEqual([])
    expect(project.workflows.map((w) => w.name).sort()).toEqual(['refund', 'support_triage'])
    expect(project.tasks.map((t) => t.id).sort()).toEqual(
      ['json-0', 'jsonl-0', 'jsonl-1', 'list-0', 'list-1', 'multi-0', 'multi-1', 's1', 'single'].sort()
    )

    const refund = project.workflows.find((w) => w.name === 'refund')!
    expect(refund.dir).toBe(path.join(p.tasksDir, 'refund'))
    expect(refund.source).toEqual({ file: p.shown(`${WF}/workflow.yml`), line: 1 })
    expect(refund.inputs).toEqual({ sources: ['email'], required: ['customer.id', 'order_id'] })
    expect(refund.out_of_scope).toEqual(['legal threats'])
    expect(refund.permissions.lookup_order).toEqual({ scope: 'read', risk: 'low', approval: 'none' })
    expect(refund.permissions.issue_refund).toEqual({ scope: 'write', risk: 'high', approval: 'required' })
    expect(refund.agent).toEqual({ type: 'command', command: ['node', 'agent.js'] })
    expect(refund.data_governance?.redact).toEqual([
      { name: 'email', pattern: BUILTIN_REDACTIONS.email },
      { name: 'order_ref', pattern: 'ORD-\\d+' }
    ])
    expect(refund.tool_schemas).toEqual([
      { name: 'lookup_order', description: 'Find an order', parameters: { type: 'object' } }
    ])

    const support = project.workflows.find((w) => w.name === 'support_triage')!
    expect(support.agent).toMatchObject({
      type: 'openai',
      model: 'gpt-4o-mini',
      prompt: path.join(p.tasksDir, 'support/prompts/system.md'),
      policy: path.join(p.tasksDir, 'support/prompts/policy.md'),
      tools: path.join(p.tasksDir, 'support/tools.yaml'),
      temperature: 0
    })
    expect(support.tool_schemas).toEqual([{ name: 'search_kb', description: 'Search', parameters: { type: 'object' } }])

    const byId = Object.fromEntries(project.tasks.map((t) => [t.id, t]))
    expect(byId['list-1'].source).toEqual({ file: p.shown(`${WF}/tasks/list.yml`), line: 9 })
    expect(byId['multi-1'].source).toEqual({ file: p.shown(`${WF}/tasks/multi.yaml`), line: 10 })
    expect(byId['jsonl-1'].source).toEqual({ file: p.shown(`${WF}/deep/er/lines.jsonl`), line: 3 })
    expect(byId['json-0'].source.line).toBe(2)
    expect(byId.single).toEqual({
      id: 'single',
      workflow: 'refund',
      tier: 'T1',
      risk: 'high',
      tags: [],
      input: { customer: { id: 'c1' }, order_id: 'o1' },
      fixtures: { lookup_order: { kind: 'value', value: { status: 'delivered' } } },
      expected: { label: 'refund_approved', actions_match: 'superset' },
      source: { file: p.shown(`${WF}/single.yaml`), line: 1 }
    })
    expect(byId['json-0']).toMatchObject({
      tier: 'T2',
      tags: ['fraud'],
      fixtures: { lookup_order: { kind: 'cases', cases: [{ when: { order_id: 'o2' }, return: { status: 'lost' } }] } },
      expected: { actions: [{ tool: 'issue_refund', args: { amount: 10 } }], actions_match: 'strict' }
    })
    expect(byId.s1.workflow).toBe('support_triage')
    expect(project.thresholds.rules.tiers).toEqual({ T1: { min_success: 0.9 }, T2: { min_success: 0.8, min_tasks: 5 } })
  })

  it('treats a list that is not all `when` cases as a plain fixture value', async () => {
    const p = await makeProject({
      [`${WF}/workflow.yml`]: MANIFEST,
      [`${WF}/t.yaml`]: lines(
        'id: a',
        'tier: T1',
        'risk: low',
        'input: { customer: { id: c }, order_id: o }',
        'fixtures:',
        '  lookup_order: [{ when: { a: 1 }, return: 1 }, { other: 2 }]',
        'expected: { label: x }'
      ),
      'thresholds.yml': THRESHOLDS
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    expect(project.problems).toEqual([])
    expect(project.tasks[0].fixtures.lookup_order).toEqual({
      kind: 'value',
      value: [{ when: { a: 1 }, return: 1 }, { other: 2 }]
    })
  })

  it('loads a tasks folder that is itself one workflow', async () => {
    const p = await makeProject({
      'golden-tasks/workflow.yml': MANIFEST,
      'golden-tasks/sub/t.yaml': lines(...taskYaml('a')),
      'thresholds.yml': THRESHOLDS
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    expect(project.problems).toEqual([])
    expect(project.tasks.map((t) => [t.id, t.workflow])).toEqual([['a', 'refund']])
  })

  it('loads only the workflow asked for', async () => {
    const p = await makeProject({
      [`${WF}/workflow.yml`]: MANIFEST,
      [`${WF}/t.yaml`]: lines(...taskYaml('a')),
      'golden-tasks/other/workflow.yml': MANIFEST.replace('name: refund', 'name: other'),
      'golden-tasks/other/t.yaml': 'not: a task\n',
      'thresholds.yml': THRESHOLDS
    })
    const project = await loadProject({
      tasksDir: p.tasksDir,
      thresholdsFile: p.thresholdsFile,
      repoRoot: p.root,
      workflow: 'refund'
    })
    expect(project.problems).toEqual([])
    expect(project.workflows.map((w) => w.name)).toEqual(['refund'])
    const none = await loadProject({
      tasksDir: p.tasksDir,
      thresholdsFile: p.thresholdsFile,
      repoRoot: p.root,
      workflow: 'nope'
    })
    expect(none.problems.map((x) => x.message)).toEqual(['no workflow named "nope" (found: other, refund)'])
  })

  it('warns about an empty task file and loads the rest', async () => {
    const p = await makeProject({
      [`${WF}/workflow.yml`]: MANIFEST,
      [`${WF}/empty.yaml`]: '# nothing yet\n',
      [`${WF}/t.yaml`]: lines(...taskYaml('a')),
      'thresholds.yml': THRESHOLDS
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    expect(project.problems).toEqual([])
    expect(project.warnings).toEqual([
      { file: p.shown(`${WF}/empty.yaml`), message: 'file is empty (no golden tasks)', severity: 'warning' }
    ])
    expect(project.tasks).toHaveLength(1)
  })
})
