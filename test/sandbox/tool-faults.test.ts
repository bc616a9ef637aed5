// Fixture cases that fail on purpose (issue 13): `fault: { status, message }`, `fault: timeout`,
// `delay_ms` and `on_call`, over the sandbox's real HTTP endpoint and its in-process path.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { FixtureCase } from '../../src/model/types.js'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { makeTask, makeWorkflow } from '../helpers/model.js'

let sandbox: ToolSandbox
beforeAll(async () => {
  sandbox = await ToolSandbox.start()
})
afterAll(async () => {
  await sandbox.stop()
})

const workflow = makeWorkflow()
const ORDER = { order_id: 'A-1', total: 25 }

function taskWith(...cases: FixtureCase[]) {
  return makeTask({ fixtures: { lookup_order: { kind: 'cases', cases } } })
}

async function post(url: string, body: unknown, signal?: AbortSignal): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal
  })
  return { status: response.status, body: await response.json() }
}

describe('tool faults', () => {
  it('answers a fault with its HTTP status and { error: message }, recorded with the fault', async () => {
    const fault = { status: 503, message: 'orders unavailable' }
    const session = sandbox.open(taskWith({ when: { order_id: 'A-1' }, fault }), workflow)
    expect(await post(`${session.url}/lookup_order`, { order_id: 'A-1' })).toEqual({
      status: 503,
      body: { error: 'orders unavailable' }
    })
    expect(session.calls).toEqual([
      {
        seq: 1,
        tool: 'lookup_order',
        args: { order_id: 'A-1' },
        result: null,
        started_at: expect.any(String),
        latency_ms: expect.any(Number),
        allowed: true,
        error: 'orders unavailable',
        fault
      }
    ])
    // The in-process path (the openai agent's) says it is a fault.
    expect(await session.call('lookup_order', { order_id: 'A-1' })).toEqual({
      status: 503,
      body: { error: 'orders unavailable' },
      fault
    })
    session.close()
  })

  it('on_call: 1 fails only the first matching call: the retry gets the result', async () => {
    const session = sandbox.open(
      taskWith(
        { when: { order_id: 'A-1' }, on_call: 1, fault: { status: 503, message: 'try again' } },
        { when: { order_id: 'A-1' }, return: ORDER }
      ),
      workflow
    )
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await post(`${session.url}/lookup_order`, { order_id: 'A-1' })).status)
    expect(statuses).toEqual([503, 200, 200])
    expect(session.calls.map((c) => c.fault ?? c.result)).toEqual([{ status: 503, message: 'try again' }, ORDER, ORDER])
    session.close()
  })

  it('counts on_call per case among the calls matching its when, and anew in each attempt', async () => {
    const task = taskWith(
      { when: { order_id: 'A-1' }, on_call: 2, fault: { status: 500, message: 'second A-1 fails' } },
      { when: {}, return: ORDER }
    )
    const first = sandbox.open(task, workflow)
    const seen = []
    for (const id of ['B-2', 'A-1', 'B-2', 'A-1', 'A-1'])
      seen.push((await first.call('lookup_order', { order_id: id })).status)
    expect(seen).toEqual([200, 200, 200, 500, 200])
    first.close()
    const second = sandbox.open(task, workflow)
    expect((await second.call('lookup_order', { order_id: 'A-1' })).status).toBe(200)
    expect((await second.call('lookup_order', { order_id: 'A-1' })).status).toBe(500)
    second.close()
  })

  it('delay_ms holds the answer (a result or a fault) that long, and the record says how long it took', async () => {
    const session = sandbox.open(
      taskWith(
        { when: { order_id: 'slow' }, delay_ms: 300, return: ORDER },
        { when: { order_id: 'slow-fail' }, delay_ms: 200, fault: { status: 504, message: 'gateway timeout' } }
      ),
      workflow
    )
    const started = performance.now()
    const [slow, slowFail] = await Promise.all([
      post(`${session.url}/lookup_order`, { order_id: 'slow' }),
      post(`${session.url}/lookup_order`, { order_id: 'slow-fail' })
    ])
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(slow).toEqual({ status: 200, body: ORDER })
    expect(slowFail).toEqual({ status: 504, body: { error: 'gateway timeout' } })
    // Numbered as they arrived, timed as they were answered.
    expect(session.calls.map((c) => c.seq)).toEqual([1, 2])
    expect(session.calls[0].latency_ms).toBeGreaterThanOrEqual(295)
    expect(session.calls[1].latency_ms).toBeGreaterThanOrEqual(195)
    session.close()
  })

  it('fault: timeout never answers; closing the session answers the waiting call 410 at once', async () => {
    const session = sandbox.open(taskWith({ when: {}, fault: 'timeout' }), workflow)
    const pending = post(`${session.url}/lookup_order`, { order_id: 'A-1' })
    const inProcess = session.call('lookup_order', { order_id: 'A-1' })
    const early = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))])
    expect(early).toBe('waiting')
    expect(session.calls.map((c) => [c.seq, c.fault, c.error])).toEqual([
      [1, 'timeout', 'the tool never answered (fault: timeout)'],
      [2, 'timeout', 'the tool never answered (fault: timeout)']
    ])

    const closedAt = performance.now()
    session.close()
    expect(await pending).toEqual({ status: 410, body: { error: 'this tool session is closed' } })
    expect(await inProcess).toEqual({ status: 410, body: { error: 'this tool session is closed' } })
    expect(performance.now() - closedAt).toBeLessThan(1000)
    // How long the agent was left waiting.
    expect(session.calls[0].latency_ms).toBeGreaterThanOrEqual(295)
  })

  it('a delayed answer the attempt did not wait for is answered 410 when it ends, and the record says so', async () => {
    const session = sandbox.open(taskWith({ when: {}, delay_ms: 60_000, return: ORDER }), workflow)
    const pending = session.call('lookup_order', {})
    await new Promise((resolve) => setTimeout(resolve, 50))
    session.close()
    expect((await pending).status).toBe(410)
    expect(session.calls[0].error).toBe('not answered: the attempt ended during its delay_ms 60000')
  })

  it('a client that gives up on a hung call leaves nothing behind: the session still closes cleanly', async () => {
    const session = sandbox.open(taskWith({ when: {}, fault: 'timeout' }), workflow)
    await expect(post(`${session.url}/lookup_order`, {}, AbortSignal.timeout(200))).rejects.toThrow()
    session.close()
    // Later calls on the same server are served as before.
    const next = sandbox.open(taskWith({ when: {}, return: ORDER }), workflow)
    expect(await post(`${next.url}/lookup_order`, {})).toEqual({ status: 200, body: ORDER })
    next.close()
  })

  it('stopping the sandbox answers every call still waiting', async () => {
    const own = await ToolSandbox.start()
    const session = own.open(taskWith({ when: {}, fault: 'timeout' }), workflow)
    const pending = session.call('lookup_order', {})
    await own.stop()
    expect((await pending).status).toBe(410)
  })

  it('a request_approval fixture may fail too', async () => {
    const task = makeTask({
      fixtures: {
        request_approval: {
          kind: 'cases',
          cases: [{ when: { tool: 'issue_refund' }, fault: { status: 502, message: 'approvals queue down' } }]
        }
      }
    })
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/request_approval`, { tool: 'issue_refund', args: {}, reason: 'r' })
    expect(response).toEqual({ status: 502, body: { error: 'approvals queue down' } })
    expect(session.calls[0]).toMatchObject({ proposed: true, fault: { status: 502 } })
    session.close()
  })
})
