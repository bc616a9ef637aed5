import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'
import { FakeOpenAI, answerReply, toolCallsReply, type ReceivedRequest } from '../helpers/fake-openai.js'

const EMAIL = 'jo.customer@example.com'
const PHONE = '(415) 555-0100'
const CARD = '4111 1111 1111 1111'

// A command agent that repeats the PII it got, calls a tool with it, and answers the wrong label.
const echoAgent = `
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  const task = JSON.parse(raw)
  const res = await fetch(process.env.EVALGATE_TOOLS_URL + '/lookup_customer', {
    method: 'POST',
    body: JSON.stringify({ email: task.input.email })
  })
  const customer = await res.json()
  process.stdout.write(JSON.stringify({ label: 'wrong ' + task.input.email, message: 'card ' + customer.card, result: { phone: customer.phone } }) + '\\n')
})
`

function manifest(agent: string[]) {
  return [
    'name: wf',
    'permissions:',
    '  lookup_customer: { scope: read, risk: medium }',
    'data_governance:',
    '  model_provider: openai',
    '  region: eu',
    '  retention_days: 14',
    '  redact: [email, phone, card]',
    'agent:',
    ...agent.map((line) => `  ${line}`),
    ''
  ].join('\n')
}

const task = [
  '- id: pii-task',
  '  tier: T1',
  '  risk: high',
  `  input: { email: "${EMAIL}", message: "call ${PHONE}" }`,
  `  fixtures: { lookup_customer: { card: "${CARD}", phone: "${PHONE}" } }`,
  '  expected: { label: refund_approved, result: { phone: "x" } }',
  ''
].join('\n')

function expectNoPii(text: string) {
  expect(text).not.toContain(EMAIL)
  expect(text).not.toContain(PHONE)
  expect(text).not.toContain(CARD)
}

describe('data_governance.redact', () => {
  it('keeps PII out of traces, report.json and summary.md (command agent)', async () => {
    const dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 0.5 }\n',
      'golden-tasks/wf/workflow.yml': manifest(['type: command', `command: ["${process.execPath}", "agent.mjs"]`]),
      'golden-tasks/wf/agent.mjs': echoAgent,
      'golden-tasks/wf/tasks.yaml': task
    })
    const res = await runCli(['run', '--out', 'out'], dir)
    expect(res.code).toBe(1)
    for (const file of ['report.json', 'summary.md', 'traces.jsonl'])
      expectNoPii(readFileSync(join(dir, 'out', file), 'utf8'))
    // The first attempt's line (issue 9: a deterministic agent runs 2 rounds).
    const trace = JSON.parse(readFileSync(join(dir, 'out/traces.jsonl'), 'utf8').split('\n')[0])
    expect(trace.input.email).toBe('[REDACTED:email]')
    expect(trace.tool_calls[0].result.card).toBe('[REDACTED:card]')
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    expect(report.tasks[0].reasons.join(' ')).toContain('[REDACTED:email]')
    expect(report.workflows[0].data_governance).toMatchObject({
      region: 'eu',
      retention_days: 14,
      redact: ['email', 'phone', 'card']
    })
  })

  describe('with an openai agent', () => {
    let fake: FakeOpenAI
    beforeAll(async () => {
      fake = await FakeOpenAI.start()
    })
    afterAll(() => fake.stop())

    it('redacts the input and the tool results before they reach the model', async () => {
      fake.otherwise((request: ReceivedRequest) =>
        request.body.messages.some((m: { role: string }) => m.role === 'tool')
          ? answerReply({ label: 'refund_approved', result: { phone: 'x' } })
          : toolCallsReply([{ name: 'lookup_customer', args: { email: 'unknown' } }])
      )
      const dir = writeProject({
        'thresholds.yml': 'tiers: { T1: 0.5 }\n',
        'golden-tasks/wf/workflow.yml': manifest([
          'type: openai',
          'model: gpt-4.1-mini',
          'prompt: prompt.md',
          'tools: tools.json',
          `base_url: ${fake.baseUrl}`
        ]),
        'golden-tasks/wf/prompt.md': 'Handle it.',
        'golden-tasks/wf/tools.json': JSON.stringify([{ name: 'lookup_customer', parameters: { type: 'object' } }]),
        'golden-tasks/wf/tasks.yaml': task
      })
      const res = await runCli(['run', '--out', 'out'], dir, { OPENAI_API_KEY: 'sk-redaction-test-key' })
      expect(res.code).toBe(0)
      expect(fake.completions.length).toBe(4) // 2 model calls in each of 2 rounds (issue 9)
      for (const request of fake.completions) expectNoPii(JSON.stringify(request.body))
      expect(JSON.stringify(fake.completions[1].body)).toContain('[REDACTED:card]')
    })
  })
})
