// Every field workflow.yml accepts reaches the loaded Workflow (or what loading derives from it):
// a field added to a schema cannot be dropped on the way.
import { afterAll, describe, expect, it } from '@jest/globals'
import { AGENT_TYPES } from '../../src/agents/registry.js'
import { loadWorkflow } from '../../src/load/workflow.js'
import { workflowSchema } from '../../src/load/workflow-schema.js'
import { dataGovernanceSchema, judgeSchema } from '../../src/model/workflow.js'
import { lines, makeProject, removeProjects, WF } from './project-files.js'

afterAll(removeProjects)

const WORKFLOW = [
  'name: refund',
  'description: Refund requests',
  'inputs: { sources: [email], required: [order_id] }',
  'outcomes: { success: refunded, failure: wrong refund }',
  'out_of_scope: [legal threats]',
  'permissions:',
  '  lookup_order: { scope: read, risk: low, approval: none, scopes: [orders:read], limits: { order_id: { pattern: "^O-" } } }',
  'data_governance:',
  '  model_provider: openai',
  '  region: eu',
  '  retention_days: 30',
  '  sent_to_model: [ticket]',
  '  redact: [email]',
  '  subprocessors: [{ name: OpenAI, region: eu, dpa_url: "https://openai.com/dpa" }]',
  '  stored: [{ what: tickets, where: helpdesk, retention_days: 90 }]',
  '  retention: { prompts_days: 7, traces_days: 14, artifacts_days: 3 }',
  'tool_schemas: tools.json',
  'runbook: RUNBOOK.md',
  'tasks_from: [../shared]',
  'fixtures_file: fixtures.yml',
  'redact_ignore: [order_id]',
  'judge: { model: gpt-4.1-mini, base_url: "http://127.0.0.1:1/v1", headers: { x-team: a }, api_key_env: JUDGE_KEY }',
  'reports_actions: true',
  'escalation: { min_confidence: 0.7 }',
  'rollout: { phase: propose }',
  'identity: { model: delegated_service, principal: svc-refunds }',
  'version: 2.3.0',
  'versioning: { require_bump: true }',
  'tools_backend: { command: [node, backend.js], timeout_s: 5 }',
  'state_file: state.json'
]

/** Every setting of each agent type, by type name. */
const AGENTS: Record<string, string[]> = {
  command: [
    'type: command',
    'command: [node, agent.js]',
    'env: { MODE: test }',
    'persistent: true',
    'max_tasks_per_worker: 100'
  ],
  http: ['type: http', 'url: "http://127.0.0.1:1/run"', 'headers: { x-team: a }'],
  openai: [
    'type: openai',
    'model: gpt-4.1-mini',
    'prompt: prompt.md',
    'policy: policy.md',
    'tools: tools.json',
    'base_url: "http://127.0.0.1:1/v1"',
    'temperature: 0.2',
    'tool_timeout_s: 5',
    'judge_model: gpt-4.1',
    'headers: { x-team: a }',
    'api_key_env: AGENT_KEY'
  ]
}

// Read by loading only: the folders the workflow's tasks are found in, the shared fixtures.
const LOADING_ONLY = ['tasks_from', 'fixtures_file']
// Given through `fixtures_file` above (a manifest sets one of the two).
const THROUGH_FILE = ['fixtures']

/** `kill_switch` in the form of each agent type; an openai agent takes none (a problem at load). */
const KILL_SWITCH: Record<string, string | undefined> = {
  command: 'kill_switch: { env: AGENT_OFF, value: "1", drill_tasks: 1 }',
  http: 'kill_switch: { header: X-Agent-Off, value: "1" }',
  openai: undefined
}

/** A runbook with every section the kit asks for, naming both kill switches above. */
const RUNBOOK = lines(
  '## When to escalate',
  'Fraud.',
  '## Fallback',
  'A human answers.',
  '## On-call',
  'The support rota.',
  '## Disable automation',
  'Set AGENT_OFF=1 (command) or send X-Agent-Off: 1 (http).'
)

describe('workflow.yml fields', () => {
  it('the samples set every field the schemas accept', () => {
    const topLevel = [...WORKFLOW, KILL_SWITCH.command!].filter((line) => !line.startsWith(' '))
    expect([...topLevel.map((line) => line.split(':')[0]), ...THROUGH_FILE].sort()).toEqual(
      Object.keys(workflowSchema.shape)
        .filter((key) => key !== 'agent')
        .sort()
    )
    for (const type of AGENT_TYPES) {
      const shape = (type.schema as unknown as { shape: Record<string, unknown> }).shape
      expect([type.name, AGENTS[type.name]?.map((line) => line.split(':')[0]).sort()]).toEqual([
        type.name,
        Object.keys(shape).sort()
      ])
    }
  })

  it.each(AGENT_TYPES.map((type) => type.name))('each reaches the workflow of a %s agent', async (name) => {
    const p = await makeProject({
      [`${WF}/workflow.yml`]: lines(
        ...WORKFLOW,
        ...(KILL_SWITCH[name] ? [KILL_SWITCH[name]] : []),
        'agent:',
        ...AGENTS[name].map((line) => `  ${line}`)
      ),
      [`${WF}/tools.json`]: '[{ "name": "lookup_order" }]',
      [`${WF}/prompt.md`]: 'prompt',
      [`${WF}/fixtures.yml`]: 'lookup_order: { id: O-1 }',
      [`${WF}/policy.md`]: 'policy',
      [`${WF}/RUNBOOK.md`]: RUNBOOK,
      [`${WF}/state.json`]: '{ "orders": {} }',
      'golden-tasks/shared/.keep': ''
    })
    const loaded = await loadWorkflow(`${p.root}/${WF}/workflow.yml`, p.root)
    expect(loaded.problems.filter((problem) => problem.severity === 'error')).toEqual([])
    const workflow = loaded.workflow as unknown as Record<string, unknown>
    const notSet = KILL_SWITCH[name] ? LOADING_ONLY : [...LOADING_ONLY, 'kill_switch']
    for (const key of Object.keys(workflowSchema.shape).filter((k) => !notSet.includes(k)))
      expect([key, workflow[key]]).not.toEqual([key, undefined])
    expect(Object.keys(workflow.data_governance as object).sort()).toEqual(
      Object.keys(dataGovernanceSchema.shape).sort()
    )
    expect(Object.keys(workflow.judge as object).sort()).toEqual(Object.keys(judgeSchema.shape).sort())
    expect(workflow.initial_state).toEqual({ orders: {} })
    const agent = workflow.agent as Record<string, unknown>
    for (const line of AGENTS[name]) expect([line, agent[line.split(':')[0]]]).not.toEqual([line, undefined])
  })
})
