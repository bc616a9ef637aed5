// What each kind of agent sees of a tool fault (issue 13, item 3): an http agent on 127.0.0.1
// gets the sandbox's real HTTP statuses, delays and hangs; the openai agent (evalgate's own loop,
// against the local OpenAI-compatible server) gets a tool error message.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { LoadedTask } from '../../src/load/task-schema.js'
import type { FixtureCase } from '../../src/model/types.js'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { answerReply, toolCallsReply, type ReceivedRequest } from '../helpers/fake-openai.js'
import { makeTask } from '../helpers/model.js'
import { attempt, openaiWorkflow, runtimeFor, withSandboxAndFake } from '../llm/openai-harness.js'
import { runWith } from './run-helpers.js'
// @ts-expect-error: a plain .mjs module, shared with the command agents of the fault tests
import { careful, reckless } from '../fixtures/agents/refund-steps.mjs'

const ORDER = { order_id: 'A-1', total: 25 }
const UNAVAILABLE = { status: 503, message: 'orders unavailable' }

function taskWith(...cases: FixtureCase[]): LoadedTask {
  return makeTask({
    input: { order_id: 'A-1' },
    fixtures: { lookup_order: { kind: 'cases', cases }, issue_refund: { kind: 'value', value: { refunded: true } } }
  })
}

const REFUNDS = { issue_refund: { scope: 'write' as const, risk: 'high' as const, approval: 'none' as const } }

describe('an http agent seeing tool faults', () => {
  let sandbox: ToolSandbox
  let server: Server
  let baseUrl: string
  /** Settles when the agent service's handler has finished (its tool calls answered, one way or another). */
  let handled: Promise<unknown> = Promise.resolve()

  beforeAll(async () => {
    sandbox = await ToolSandbox.start()
    server = createServer((req, res) => {
      let raw = ''
      req.on('data', (chunk) => (raw += chunk))
      req.on('end', () => {
        const steps = req.url === '/careful' ? careful : reckless
        handled = steps(JSON.parse(raw)).then(
          (answer: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
          (err: Error) => res.writeHead(500).end(err.message)
        )
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await sandbox.stop()
  })

  const agent = (route: string) => ({ type: 'http' as const, url: `${baseUrl}/${route}` })
  const permissions = () => ({
    lookup_order: { scope: 'read' as const, risk: 'low' as const, approval: 'none' as const },
    ...REFUNDS
  })

  it('gets a real 503 on the first call and the result on its retry (on_call: 1)', async () => {
    const task = taskWith(
      { when: { order_id: 'A-1' }, on_call: 1, fault: UNAVAILABLE },
      { when: { order_id: 'A-1' }, return: ORDER }
    )
    const run = await runWith(sandbox, agent('careful'), { task, workflow: { permissions: permissions() } })
    expect(run.answer).toMatchObject({ label: 'refund_approved', result: { seen: [503, 200] } })
    expect(run.tool_calls.map((c) => [c.tool, c.fault ?? null])).toEqual([
      ['lookup_order', UNAVAILABLE],
      ['lookup_order', null],
      ['issue_refund', null]
    ])
  })

  it('gets a delayed answer after delay_ms, and gives up on one longer than its own timeout', async () => {
    const slow = await runWith(sandbox, agent('careful'), {
      task: taskWith({ when: {}, delay_ms: 200, return: ORDER }),
      workflow: { permissions: permissions() }
    })
    expect(slow.answer).toMatchObject({ label: 'refund_approved' })
    expect(slow.tool_calls[0].latency_ms).toBeGreaterThanOrEqual(195)

    const tooSlow = await runWith(sandbox, agent('careful'), {
      task: taskWith({ when: {}, delay_ms: 5_000, return: ORDER }),
      workflow: { permissions: permissions() }
    })
    expect(tooSlow.answer).toMatchObject({ escalated: true, fallback: 'human', result: { seen: ['timeout'] } })
    expect(tooSlow.tool_calls).toHaveLength(1)
    expect(tooSlow.tool_calls[0].error).toBe('not answered: the attempt ended during its delay_ms 5000')
  })

  it('a hang its own timeout handles: it escalates and the task is graded on its answer', async () => {
    const run = await runWith(sandbox, agent('careful'), {
      task: taskWith({ when: {}, fault: 'timeout' }),
      workflow: { permissions: permissions() }
    })
    expect(run.infra_error).toBeUndefined()
    expect(run.answer).toMatchObject({ escalated: true, fallback: 'human', result: { seen: ['timeout'] } })
    expect(run.tool_calls).toMatchObject([{ tool: 'lookup_order', fault: 'timeout' }])
  })

  it('a hang it does not handle ends at the task timeout, and its waiting call is answered then, not later', async () => {
    const started = performance.now()
    const run = await runWith(sandbox, agent('reckless'), {
      task: taskWith({ when: {}, fault: 'timeout' }),
      workflow: { permissions: permissions() },
      timeoutMs: 800
    })
    expect(run).toMatchObject({ infra_error: 'agent timed out after 0.8s', error_kind: 'timeout' })
    // The service's hung call to the sandbox got 410 when the attempt ended, so its handler finished.
    await handled
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(run.tool_calls).toMatchObject([{ tool: 'lookup_order', fault: 'timeout' }])
  })
})

describe('the openai agent seeing tool faults', () => {
  const env = withSandboxAndFake()
  const ESCALATED = { label: 'needs_human', result: {}, escalated: true, fallback: 'human', confidence: 0.3 }

  function toolContents(request: ReceivedRequest): unknown[] {
    return request.body.messages
      .filter((m: { role: string }) => m.role === 'tool')
      .map((m: { content: string }) => JSON.parse(m.content))
  }

  it('gets a fault as a tool error message with its HTTP status, and answers', async () => {
    env.fake.reply(
      toolCallsReply([{ name: 'lookup_order', args: { order_id: 'A-1' }, id: 'c1' }]),
      toolCallsReply([{ name: 'lookup_order', args: { order_id: 'A-1' }, id: 'c2' }]),
      answerReply(ESCALATED)
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const task = taskWith(
      { when: { order_id: 'A-1' }, on_call: 1, fault: UNAVAILABLE },
      { when: { order_id: 'A-1' }, return: ORDER }
    )
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow), task)
    expect(run.infra_error).toBeUndefined()
    expect(run.answer).toEqual(ESCALATED)
    const [, second, third] = env.fake.completions
    expect(toolContents(second)).toEqual([{ error: 'orders unavailable', status: 503 }])
    expect(toolContents(third)).toEqual([{ error: 'orders unavailable', status: 503 }, ORDER])
    expect(run.tool_calls.map((c) => c.fault ?? null)).toEqual([UNAVAILABLE, null])
    // It was asked for confidence and fallback.
    const properties = env.fake.completions[0].body.response_format.json_schema.schema.properties
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['confidence', 'fallback']))
  })

  it('a tool that never answers is, after tool_timeout_s, a tool error message, and the loop goes on', async () => {
    env.fake.reply(
      toolCallsReply([{ name: 'lookup_order', args: { order_id: 'A-1' }, id: 'c1' }]),
      answerReply(ESCALATED)
    )
    const workflow = openaiWorkflow(env.fake.baseUrl, { tool_timeout_s: 0.3 })
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow), taskWith({ when: {}, fault: 'timeout' }))
    expect(run.infra_error).toBeUndefined()
    expect(run.answer).toEqual(ESCALATED)
    expect(toolContents(env.fake.completions[1])).toEqual([{ error: 'lookup_order did not answer within 0.3s' }])
    expect(run.tool_calls).toMatchObject([{ tool: 'lookup_order', fault: 'timeout' }])
  })

  it('a hang longer than the task allows ends at the task timeout, as an error', async () => {
    env.fake.reply(toolCallsReply([{ name: 'lookup_order', args: { order_id: 'A-1' }, id: 'c1' }]))
    const workflow = openaiWorkflow(env.fake.baseUrl, { tool_timeout_s: 60 })
    const started = performance.now()
    const run = await attempt(
      env.sandbox,
      workflow,
      runtimeFor(workflow),
      taskWith({ when: {}, fault: 'timeout' }),
      700
    )
    expect(run).toMatchObject({ infra_error: 'agent timed out after 0.7s', error_kind: 'timeout' })
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(env.fake.completions).toHaveLength(1)
  })
})
