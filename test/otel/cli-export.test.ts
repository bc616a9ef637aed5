// issue 12 item 7: `evalgate run` with an OTLP endpoint exports every task attempt as a trace,
// through dist/cli.js to a local OTLP/HTTP receiver that decodes what it gets.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject, type CliResult } from '../helpers/project.js'
import { closedPort } from '../helpers/ports.js'
import { FakeOpenAI, answerReply, toolCallsReply, type ReceivedRequest, type Reply } from '../helpers/fake-openai.js'
import { OtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver.js'

const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version
const EMAIL = 'jo.customer@example.com'
const MODEL_KEY = 'sk-test-secret-key-0123456789'
const BACKEND_KEY = 'otlp-backend-secret-4242'

// Looks the order up (the email it got goes into the tool's arguments), asks for a tool the
// matrix lacks (an error answer), and answers the label the task's input names.
const commandAgent = `
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  const task = JSON.parse(raw)
  const call = (tool, args) => fetch(process.env.EVALGATE_TOOLS_URL + '/' + tool, { method: 'POST', body: JSON.stringify(args) })
  await call('lookup_order', { order_id: task.input.order, email: task.input.email })
  if (task.input.answer !== 'ok') await call('delete_everything', {})
  process.stdout.write(JSON.stringify({ label: task.input.answer, message: 'mailed ' + task.input.email }) + '\\n')
})
`

function commandProject(): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      'data_governance:',
      '  model_provider: openai',
      '  region: eu',
      '  retention_days: 14',
      '  redact: [email]',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.mjs"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/agent.mjs': commandAgent,
    'golden-tasks/wf/tasks.yaml': [
      `- { id: good, tier: T1, risk: low, input: { order: O-1, answer: ok, email: "${EMAIL}", note: "${MODEL_KEY} ${BACKEND_KEY}" }, fixtures: { lookup_order: { total: 25 } }, expected: { label: ok } }`,
      `- { id: bad, tier: T2, risk: high, input: { order: O-2, answer: no, email: "${EMAIL}" }, fixtures: { lookup_order: { total: 30 } }, expected: { label: ok } }`,
      ''
    ].join('\n')
  })
}

const traceLines = (dir: string) =>
  readFileSync(join(dir, 'out/traces.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))

const warnings = (res: CliResult) => res.stderr.split('\n').filter((line) => /warning/i.test(line))
const roots = (spans: ReceivedSpan[]) => spans.filter((s) => s.parentSpanId === undefined)
const childrenOf = (spans: ReceivedSpan[], root: ReceivedSpan) => spans.filter((s) => s.parentSpanId === root.spanId)
const msToNs = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n

describe('OpenTelemetry export of evalgate run (dist/cli.js to a local OTLP/HTTP receiver)', () => {
  let receiver: OtlpReceiver
  beforeAll(async () => {
    receiver = await OtlpReceiver.start()
  })
  afterAll(() => receiver.stop())
  beforeEach(() => receiver.reset())

  it('exports each attempt as a trace: a root span with evalgate attributes, a child span per tool call', async () => {
    const dir = commandProject()
    const res = await runCli(['run', '--out', 'out', '--repeat', '2', '--otlp-endpoint', receiver.origin], dir)
    expect(res.code).toBe(0)
    expect(warnings(res)).toEqual([])
    expect(receiver.requests.map((r) => r.path)).toEqual(['/v1/traces'])
    expect(receiver.requests[0].headers['content-type']).toBe('application/json')

    const spans = receiver.spans
    const lines = traceLines(dir)
    expect(lines).toHaveLength(4)
    expect(roots(spans)).toHaveLength(4)
    // One trace per attempt.
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(4)
    expect(spans).toHaveLength(4 + lines.reduce((n, l) => n + l.tool_calls.length + l.model_calls.length, 0))
    expect(spans[0].resource).toMatchObject({ 'service.name': 'evalgate', 'service.version': VERSION })
    expect(typeof spans[0].resource['service.instance.id']).toBe('string')
    expect(new Set(spans.map((s) => s.resource['service.instance.id'])).size).toBe(1)
    expect(spans[0].scope).toEqual({ name: 'evalgate', version: VERSION })

    for (const line of lines) {
      const root = roots(spans).find(
        (s) => s.attributes['evalgate.task.id'] === line.task_id && s.attributes['evalgate.attempt'] === line.attempt
      )!
      expect(root.name).toBe(`evalgate task ${line.task_id}`)
      expect(root.kind).toBe(1)
      expect(root.attributes).toMatchObject({
        'evalgate.workflow': 'wf',
        'evalgate.tier': line.tier,
        'evalgate.risk': line.risk,
        'evalgate.outcome': line.outcome.status,
        'evalgate.causes': line.outcome.causes
      })
      expect(root.attributes['evalgate.reasons'] ?? []).toEqual(line.outcome.reasons)
      expect(root.startNs).toBe(msToNs(line.started_at))
      expect(root.endNs - root.startNs).toBeGreaterThanOrEqual(BigInt(line.duration_ms) * 1_000_000n)

      const children = childrenOf(spans, root)
      expect(children.map((c) => c.name)).toEqual(
        line.tool_calls.map((c: { tool: string }) => `execute_tool ${c.tool}`)
      )
      line.tool_calls.forEach((call: { tool: string; started_at: string; error?: string }, i: number) => {
        const child = children[i]
        expect(child.traceId).toBe(root.traceId)
        expect(child.attributes).toMatchObject({
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': call.tool,
          'evalgate.tool.seq': i + 1
        })
        expect(child.startNs).toBe(msToNs(call.started_at))
        expect(child.startNs).toBeGreaterThanOrEqual(root.startNs)
        expect(child.endNs).toBeLessThanOrEqual(root.endNs)
        expect(child.status.code).toBe(call.error ? 2 : 0)
      })
    }
    const bad = roots(spans).find((s) => s.attributes['evalgate.task.id'] === 'bad')!
    expect(bad.attributes).toMatchObject({ 'evalgate.outcome': 'fail', 'evalgate.tier': 'T2', 'evalgate.risk': 'high' })
    expect(bad.status.code).toBe(2)
    const denied = childrenOf(spans, bad).find((s) => s.attributes['gen_ai.tool.name'] === 'delete_everything')!
    expect(denied.status).toEqual({ code: 2, message: expect.stringContaining('not in the permission matrix') })
    expect(denied.attributes['evalgate.tool.allowed']).toBe(false)
    const good = roots(spans).find((s) => s.attributes['evalgate.task.id'] === 'good')!
    expect(good.status.code).toBe(0)
  })

  it('sends what traces.jsonl holds after redaction and secret scrubbing, with OTEL_EXPORTER_OTLP_HEADERS', async () => {
    const dir = commandProject()
    const res = await runCli(['run', '--out', 'out', '--repeat', '1'], dir, {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.origin,
      OTEL_EXPORTER_OTLP_HEADERS: `authorization=Bearer%20${BACKEND_KEY}`,
      OPENAI_API_KEY: MODEL_KEY
    })
    expect(res.code).toBe(0)
    expect(warnings(res)).toEqual([])
    expect(receiver.requests).toHaveLength(1)
    // The SDK sends the standard headers; their values are secrets everywhere else.
    expect(receiver.requests[0].headers.authorization).toBe(`Bearer ${BACKEND_KEY}`)
    const sent = receiver.allBodies
    for (const secret of [EMAIL, MODEL_KEY, BACKEND_KEY]) {
      expect(sent).not.toContain(secret)
      expect(readFileSync(join(dir, 'out/traces.jsonl'), 'utf8')).not.toContain(secret)
      expect(res.stderr + res.stdout).not.toContain(BACKEND_KEY)
    }
    const good = roots(receiver.spans).find((s) => s.attributes['evalgate.task.id'] === 'good')!
    expect(JSON.parse(good.attributes['input.value'] as string)).toEqual({
      order: 'O-1',
      answer: 'ok',
      email: '[REDACTED:email]',
      note: '*** ***'
    })
    const lookup = childrenOf(receiver.spans, good)[0]
    expect(JSON.parse(lookup.attributes['gen_ai.tool.call.arguments'] as string)).toEqual({
      order_id: 'O-1',
      email: '[REDACTED:email]'
    })
    expect(JSON.parse(lookup.attributes['gen_ai.tool.call.result'] as string)).toEqual({ total: 25 })
  })

  it('sends to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as it is, before OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    const dir = commandProject()
    const res = await runCli(['run', '--out', 'out', '--repeat', '1'], dir, {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.origin}/api/public/otel/v1/traces`,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${await closedPort()}`
    })
    expect(res.code).toBe(0)
    expect(warnings(res)).toEqual([])
    expect(receiver.requests.map((r) => r.path)).toEqual(['/api/public/otel/v1/traces'])
    expect(roots(receiver.spans)).toHaveLength(2)
  })

  describe('an endpoint that is down or failing never changes the run: one warning, traces.jsonl on disk', () => {
    const expectRunIntact = (dir: string, res: CliResult) => {
      expect(res.code).toBe(0)
      expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')).decision).toBe('pass')
      expect(existsSync(join(dir, 'out/traces.jsonl'))).toBe(true)
      expect(traceLines(dir)).toHaveLength(2)
    }

    it('a closed port', async () => {
      const dir = commandProject()
      const port = await closedPort()
      const res = await runCli(
        ['run', '--out', 'out', '--repeat', '1', '--otlp-endpoint', `http://user:pw-in-url@127.0.0.1:${port}/?token=q`],
        dir,
        { OTEL_EXPORTER_OTLP_TIMEOUT: '1000' }
      )
      expectRunIntact(dir, res)
      expect(warnings(res)).toEqual([
        `evalgate: warning: OpenTelemetry export to http://127.0.0.1:${port}/v1/traces failed ` +
          `(connect ECONNREFUSED 127.0.0.1:${port}): 0 of 2 attempts exported; out/traces.jsonl has every attempt`
      ])
      expect(res.stderr).not.toContain('pw-in-url')
    })

    it('a backend that never answers: the wait is bounded by the export timeout', async () => {
      receiver.answer = () => ({ hang: true })
      const dir = commandProject()
      const started = Date.now()
      const res = await runCli(['run', '--out', 'out', '--repeat', '1', '--otlp-endpoint', receiver.origin], dir, {
        OTEL_EXPORTER_OTLP_TIMEOUT: '500'
      })
      expectRunIntact(dir, res)
      expect(Date.now() - started).toBeLessThan(15_000)
      expect(warnings(res)).toHaveLength(1)
      expect(warnings(res)[0]).toMatch(
        /OpenTelemetry export to http:\/\/127\.0\.0\.1:\d+\/v1\/traces failed \(.*\): 0 of 2/
      )
      expect(receiver.requests.length).toBeGreaterThan(0)
    })

    it('a backend that refuses the credentials: its status, never its answer (which may echo them)', async () => {
      receiver.answer = (request) => ({ status: 401, body: JSON.stringify({ echo: request.headers.authorization }) })
      const dir = commandProject()
      const res = await runCli(['run', '--out', 'out', '--repeat', '1', '--otlp-endpoint', receiver.origin], dir, {
        OTEL_EXPORTER_OTLP_HEADERS: `authorization=${BACKEND_KEY}`
      })
      expectRunIntact(dir, res)
      expect(warnings(res)).toEqual([
        expect.stringMatching(/OpenTelemetry export to .* failed \(HTTP 401 Unauthorized\): 0 of 2 attempts exported/)
      ])
      expect(res.stderr + res.stdout).not.toContain(BACKEND_KEY)
    })

    it('an endpoint that is not an http(s) URL, without quoting it', async () => {
      const dir = commandProject()
      const res = await runCli(
        ['run', '--out', 'out', '--repeat', '1', '--otlp-endpoint', 'user:pw-in-url@collector:4318'],
        dir
      )
      expectRunIntact(dir, res)
      expect(warnings(res)).toEqual([
        'evalgate: warning: no traces exported to OpenTelemetry: the otlp-endpoint option is not an http:// or https:// URL'
      ])
      expect(res.stderr).not.toContain('pw-in-url')
    })
  })
})

describe('OpenTelemetry export of an openai agent (GenAI semantic conventions)', () => {
  let receiver: OtlpReceiver
  let fake: FakeOpenAI
  beforeAll(async () => {
    receiver = await OtlpReceiver.start()
    fake = await FakeOpenAI.start()
    fake.otherwise(script)
  })
  afterAll(async () => {
    await receiver.stop()
    await fake.stop()
  })

  function script(request: ReceivedRequest): Reply {
    const body = request.body
    const system = String(body.messages[0]?.content ?? '')
    if (system.includes('grade') || system.includes('judge'))
      return answerReply(
        { pass: true, reason: 'apologises' },
        { prompt_tokens: 300, completion_tokens: 7 },
        'judge-model-2025'
      )
    const toolResults = body.messages.filter((m: { role: string }) => m.role === 'tool').length
    if (toolResults === 0)
      return toolCallsReply([{ name: 'lookup_order', args: { order_id: 'O-1' } }], {
        prompt_tokens: 120,
        completion_tokens: 9
      })
    return answerReply(
      { label: 'ok', message: 'so sorry' },
      { prompt_tokens: 150, completion_tokens: 30 },
      'gpt-4.1-mini-2025-04-14'
    )
  }

  it('a chat span per model call (agent and judge) and an execute_tool span per tool call', async () => {
    const dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 0.5 }\nbudgets: { max_retries: 0 }\n',
      'golden-tasks/wf/workflow.yml': [
        'name: wf',
        'permissions:',
        '  lookup_order: { scope: read, risk: low }',
        'agent:',
        '  type: openai',
        '  model: gpt-4.1-mini',
        '  prompt: prompt.md',
        '  tools: tools.json',
        `  base_url: ${fake.baseUrl}`,
        ''
      ].join('\n'),
      'golden-tasks/wf/prompt.md': 'You handle refunds.',
      'golden-tasks/wf/tools.json': JSON.stringify([
        { type: 'function', function: { name: 'lookup_order', parameters: { type: 'object' } } }
      ]),
      'golden-tasks/wf/tasks.yaml':
        '- { id: a, tier: T1, risk: medium, input: { order: O-1 }, fixtures: { lookup_order: { ok: true } }, expected: { label: ok, judge: "The reply apologises." } }\n'
    })
    const res = await runCli(['run', '--out', 'out', '--repeat', '1', '--otlp-endpoint', receiver.origin], dir, {
      OPENAI_API_KEY: MODEL_KEY
    })
    expect(res.code).toBe(0)
    expect(warnings(res)).toEqual([])
    const spans = receiver.spans
    const [root] = roots(spans)
    expect(roots(spans)).toHaveLength(1)
    expect(root.attributes).toMatchObject({
      'evalgate.task.id': 'a',
      'evalgate.outcome': 'pass',
      'evalgate.risk': 'medium'
    })
    const [line] = traceLines(dir)
    const children = childrenOf(spans, root)
    expect(children.map((s) => s.name)).toEqual([
      'chat gpt-4.1-mini',
      'chat gpt-4.1-mini',
      'chat gpt-4.1-mini',
      'execute_tool lookup_order'
    ])
    const chats = children.filter((s) => s.attributes['gen_ai.operation.name'] === 'chat')
    expect(chats.map((s) => s.attributes)).toEqual(
      line.model_calls.map((call: { model: string; purpose: string; response_model: string }) =>
        expect.objectContaining({
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'openai',
          'gen_ai.system': 'openai',
          'gen_ai.request.model': call.model,
          'gen_ai.response.model': call.response_model,
          'evalgate.model.purpose': call.purpose
        })
      )
    )
    expect(
      chats.map((s) => [s.attributes['gen_ai.usage.input_tokens'], s.attributes['gen_ai.usage.output_tokens']])
    ).toEqual([
      [120, 9],
      [150, 30],
      [300, 7]
    ])
    expect(chats.map((s) => s.attributes['gen_ai.response.model'])).toEqual([
      'fake-model',
      'gpt-4.1-mini-2025-04-14',
      'judge-model-2025'
    ])
    for (const chat of chats) {
      expect(chat.kind).toBe(3)
      expect(chat.startNs).toBeGreaterThanOrEqual(root.startNs)
      expect(chat.endNs).toBeLessThanOrEqual(root.endNs)
    }
    // At the times they happened: the first model call, the tool call, the second, the judge.
    const tool = children.find((s) => s.attributes['gen_ai.operation.name'] === 'execute_tool')!
    expect(tool.startNs).toBeGreaterThanOrEqual(chats[0].startNs)
    expect(tool.endNs).toBeLessThanOrEqual(chats[1].startNs + 1_000_000n)
    expect(chats[1].startNs).toBeLessThanOrEqual(chats[2].startNs)
    expect(receiver.allBodies).not.toContain(MODEL_KEY)
  })
})
