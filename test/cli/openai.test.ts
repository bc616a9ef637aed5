import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'
import { FakeOpenAI, answerReply, toolCallsReply, type ReceivedRequest, type Reply } from '../helpers/fake-openai.js'

const KEY = 'sk-test-secret-key-0123456789'

/** The scripted model: looks the order up, then answers; the judge approves replies that say "sorry". */
function script(request: ReceivedRequest): Reply {
  const body = request.body
  const system = String(body.messages[0]?.content ?? '')
  if (system.includes('grade') || system.includes('judge')) {
    const text = JSON.stringify(body.messages)
    return answerReply({ pass: text.includes('sorry'), reason: text.includes('sorry') ? 'apologises' : 'no apology' })
  }
  const input = JSON.parse(body.messages[1].content)
  const toolResults = body.messages.filter((m: { role: string }) => m.role === 'tool').length
  if (toolResults === 0) return toolCallsReply([{ name: 'lookup_order', args: { order_id: input.order } }])
  return answerReply({ label: input.answer, escalated: false, message: input.reply ?? 'done' })
}

function project(budgets = '{ max_retries: 0 }') {
  return writeProject({
    'thresholds.yml': `tiers: { T1: 0.5 }\nbudgets: ${budgets}\n`,
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      'agent:',
      '  type: openai',
      '  model: gpt-4.1-mini',
      '  prompt: prompt.md',
      '  tools: tools.json',
      '  base_url: ${BASE_URL}',
      ''
    ].join('\n'),
    'golden-tasks/wf/prompt.md': 'You handle refunds.',
    'golden-tasks/wf/tools.json': JSON.stringify([
      { type: 'function', function: { name: 'lookup_order', parameters: { type: 'object' } } }
    ]),
    'golden-tasks/wf/tasks.yaml': [
      '- { id: a, tier: T1, risk: low, input: { order: O-1, answer: ok }, fixtures: { lookup_order: { ok: true } }, expected: { label: ok, actions: [{ tool: lookup_order }] } }',
      '- { id: b, tier: T1, risk: low, input: { order: O-2, answer: no }, fixtures: { lookup_order: { ok: true } }, expected: { label: ok } }',
      '- { id: c, tier: T1, risk: low, input: { order: O-3, answer: ok, reply: "so sorry" }, fixtures: { lookup_order: { ok: true } }, expected: { label: ok, judge: "The reply apologises." } }',
      ''
    ].join('\n')
  })
}

describe('evalgate run with an openai agent, through dist/cli.js and a local OpenAI-compatible server', () => {
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await FakeOpenAI.start()
    fake.otherwise(script)
  })
  afterAll(() => fake.stop())

  const withUrl = (dir: string, url = fake.baseUrl) => {
    const file = join(dir, 'golden-tasks/wf/workflow.yml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('${BASE_URL}', url))
  }

  it('runs the loop, judges, prices the tokens and never writes the key', async () => {
    const dir = project()
    withUrl(dir)
    fake.requests.length = 0
    const res = await runCli(['run', '--out', 'out'], dir, { OPENAI_API_KEY: KEY })
    expect(res.code).toBe(0)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    expect(report.tasks.map((t: { id: string; status: string }) => [t.id, t.status])).toEqual([
      ['a', 'pass'],
      ['b', 'fail'],
      ['c', 'pass']
    ])
    const c = report.tasks.find((t: { id: string }) => t.id === 'c')
    expect(c.model_calls).toBe(6) // two agent calls and the judge, in each of 2 rounds (issue 9)
    expect(c.attempts).toEqual({ total: 2, passed: 2, errored: 0 })
    expect(report.totals.tokens.input).toBeGreaterThan(0)
    expect(report.totals.cost_usd).toBeGreaterThan(0)
    expect(report.totals.cost_per_success_usd).toBeCloseTo(report.totals.cost_usd / 2, 10)
    expect(report.tiers[0].cost_usd).toBeCloseTo(report.totals.cost_usd, 10)
    expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toMatch(/Cost by tier: T1 \$/)
    for (const file of ['report.json', 'summary.md', 'traces.jsonl']) {
      expect(readFileSync(join(dir, 'out', file), 'utf8')).not.toContain(KEY)
    }
    expect(fake.completions.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true)
  })

  it('re-runs an unchanged gate from the cache without a model call', async () => {
    const dir = project()
    withUrl(dir)
    const first = await runCli(['run', '--out', 'out1', '--cache', 'cache'], dir, { OPENAI_API_KEY: KEY })
    expect(first.code).toBe(0)
    const before = fake.completions.length
    const second = await runCli(['run', '--out', 'out2', '--cache', 'cache'], dir, { OPENAI_API_KEY: KEY })
    expect(second.code).toBe(0)
    expect(fake.completions.length).toBe(before)
    const report = JSON.parse(readFileSync(join(dir, 'out2/report.json'), 'utf8'))
    expect(report.totals.cost_usd).toBe(0)
    expect(report.decision).toBe('pass')
  })

  it('stops starting tasks at max_cost_usd: the rest are not run and the decision is error', async () => {
    const dir = project('{ max_retries: 0, max_cost_usd: 0.0000001 }')
    withUrl(dir)
    const res = await runCli(['run', '--out', 'out', '--concurrency', '1'], dir, { OPENAI_API_KEY: KEY })
    expect(res.code).toBe(2)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    expect(report.decision).toBe('error')
    expect(report.totals.not_run).toBe(2)
    expect(report.reasons[0]).toMatch(/2 tasks were not run \(max_cost_usd 1e-7 USD reached after spending/)
  })

  it('refuses to start without a key for a non-local endpoint, in plain words', async () => {
    const dir = project()
    withUrl(dir, 'https://models.example.com/v1')
    const res = await runCli(['run'], dir, { OPENAI_API_KEY: '' })
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/OPENAI_API_KEY is not set: the openai agent of wf needs it/)
    expect(res.stderr).not.toMatch(/\n\s+at /)
  })
})
