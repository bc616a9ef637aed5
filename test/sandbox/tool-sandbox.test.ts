import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { request } from 'node:http'
import type { ToolPermission } from '../../src/model/types.js'
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
const task = makeTask({
  id: 't-001',
  fixtures: {
    lookup_order: { kind: 'value', value: { order_id: 'A-1', status: 'delivered', total: 25 } },
    send_email: {
      kind: 'cases',
      cases: [
        { when: { to: 'a@example.com', tags: ['refund'] }, return: { sent: 'first' } },
        { when: { to: 'a@example.com' }, return: { sent: 'second' } },
        { when: { amount: 25 }, return: { sent: 'amount' } }
      ]
    },
    issue_refund: { kind: 'value', value: { refunded: true } }
  }
})

async function post(url: string, body: string | unknown, method = 'POST'): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: response.status, body: await response.json() }
}

describe('ToolSandbox', () => {
  it('listens on 127.0.0.1 and gives each session its own url', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const a = sandbox.open(task, workflow)
    const b = sandbox.open(task, workflow)
    expect(a.url).toMatch(new RegExp(`^${sandbox.url}/s/[0-9a-f-]{36}$`))
    expect(a.url).not.toBe(b.url)
    a.close()
    b.close()
  })

  it('a closed session answers 410; a token it never gave out, even well formed, 404', async () => {
    const session = sandbox.open(task, workflow)
    session.close()
    expect(await post(`${session.url}/lookup_order`, { order_id: 'A-1' })).toEqual({
      status: 410,
      body: { error: 'this tool session is closed' }
    })
    const token = session.url.slice(session.url.lastIndexOf('/') + 1)
    const forged = token.slice(0, 9) + (token[9] === '0' ? '1' : '0') + token.slice(10)
    for (const other of [forged, '00000000-000000000000000000000000000', 'not-a-token'])
      expect(await post(`${sandbox.url}/s/${other}/lookup_order`, {})).toEqual({
        status: 404,
        body: { error: 'unknown tool session' }
      })
  })

  it('serves a plain fixture and records the call', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/lookup_order`, { order_id: 'A-1' })
    expect(response).toEqual({ status: 200, body: { order_id: 'A-1', status: 'delivered', total: 25 } })
    expect(session.calls).toEqual([
      {
        seq: 1,
        tool: 'lookup_order',
        args: { order_id: 'A-1' },
        result: { order_id: 'A-1', status: 'delivered', total: 25 },
        started_at: expect.any(String),
        latency_ms: expect.any(Number),
        allowed: true
      }
    ])
    session.close()
  })

  it('answers with the first case whose `when` is a deep subset of the args', async () => {
    const session = sandbox.open(task, workflow)
    const both = await post(`${session.url}/send_email`, { to: 'a@example.com', tags: ['refund'], body: 'hi' })
    expect(both.body).toEqual({ sent: 'first' })
    const second = await post(`${session.url}/send_email`, { to: 'a@example.com', tags: ['refund', 'vip'] })
    expect(second.body).toEqual({ sent: 'second' })
    const amount = await post(`${session.url}/send_email`, { amount: 25 })
    expect(amount.body).toEqual({ sent: 'amount' })
    session.close()
  })

  it('answers 404 and records the error when no case matches (25 is not "25")', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/send_email`, { amount: '25' })
    expect(response.status).toBe(404)
    expect(response.body.error).toBe('no fixture case of "send_email" matches args {"amount":"25"}')
    expect(session.calls[0]).toMatchObject({ tool: 'send_email', args: { amount: '25' }, allowed: true, result: null })
    expect(session.calls[0].error).toBe(response.body.error)
    session.close()
  })

  it('answers 404 for a listed tool without a fixture', async () => {
    const session = sandbox.open(makeTask({ id: 't-002' }), workflow)
    const response = await post(`${session.url}/lookup_order`, { order_id: 'A-1' })
    expect(response).toEqual({ status: 404, body: { error: 'no fixture for "lookup_order" in task t-002' } })
    expect(session.calls[0]).toMatchObject({ tool: 'lookup_order', allowed: true, error: response.body.error })
    session.close()
  })

  it('does not mistake Object prototype names for tools or fixtures', async () => {
    const permission: ToolPermission = { scope: 'read', risk: 'low', approval: 'none' }
    const odd = makeWorkflow({ permissions: Object.fromEntries([['toString', permission]]) })
    const session = sandbox.open(task, odd)
    expect((await post(`${session.url}/toString`, {})).status).toBe(404)
    expect((await post(`${session.url}/constructor`, {})).status).toBe(403)
    expect((await post(`${session.url}/request_approval`, { tool: 'hasOwnProperty', args: {} })).status).toBe(403)
    session.close()
  })

  it('refuses a tool that is not in the permission matrix with 403, recorded as not allowed', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/delete_account`, { user: 'u1' })
    const error = 'tool "delete_account" is not in the permission matrix of refund_request_v2'
    expect(response).toEqual({ status: 403, body: { error } })
    expect(session.calls).toEqual([
      {
        seq: 1,
        tool: 'delete_account',
        args: { user: 'u1' },
        result: null,
        started_at: expect.any(String),
        latency_ms: expect.any(Number),
        error,
        allowed: false
      }
    ])
    session.close()
  })

  it('refuses a direct call to an approval-required tool and does not serve its fixture', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/issue_refund`, { order_id: 'A-1', amount: 25 })
    const error = '"issue_refund" requires approval: propose it with request_approval'
    expect(response).toEqual({ status: 403, body: { error } })
    expect(JSON.stringify(response.body)).not.toContain('refunded')
    expect(session.calls[0]).toMatchObject({ tool: 'issue_refund', allowed: false, error, result: null })
    session.close()
  })

  it('records request_approval as a proposed action and answers pending_approval', async () => {
    const session = sandbox.open(task, workflow)
    const proposal = { tool: 'issue_refund', args: { order_id: 'A-1', amount: 25 }, reason: 'delivered damaged' }
    const response = await post(`${session.url}/request_approval`, proposal)
    expect(response).toEqual({ status: 200, body: { status: 'pending_approval' } })
    expect(session.calls).toEqual([
      {
        seq: 1,
        tool: 'request_approval',
        args: proposal,
        result: { status: 'pending_approval' },
        started_at: expect.any(String),
        latency_ms: expect.any(Number),
        allowed: true,
        proposed: true
      }
    ])
    session.close()
  })

  it("answers request_approval with the task's fixture when it has one", async () => {
    const withFixture = makeTask({
      fixtures: {
        request_approval: {
          kind: 'cases',
          cases: [{ when: { tool: 'issue_refund', args: { amount: 25 } }, return: { status: 'approved', by: 'ops' } }]
        }
      }
    })
    const session = sandbox.open(withFixture, workflow)
    const approved = await post(`${session.url}/request_approval`, {
      tool: 'issue_refund',
      args: { amount: 25 },
      reason: 'r'
    })
    expect(approved).toEqual({ status: 200, body: { status: 'approved', by: 'ops' } })
    // A proposal no case matches still gets the default answer.
    const pending = await post(`${session.url}/request_approval`, {
      tool: 'issue_refund',
      args: { amount: 99 },
      reason: 'r'
    })
    expect(pending).toEqual({ status: 200, body: { status: 'pending_approval' } })
    expect(session.calls.map((c) => c.proposed)).toEqual([true, true])
    session.close()
  })

  it('records a proposal of a tool outside the matrix as not allowed', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/request_approval`, { tool: 'wire_money', args: {}, reason: 'r' })
    expect(response.status).toBe(403)
    expect(response.body.error).toBe('tool "wire_money" is not in the permission matrix of refund_request_v2')
    expect(session.calls[0]).toMatchObject({ tool: 'request_approval', proposed: true, allowed: false })
    session.close()
  })

  it('answers 400 to a malformed request_approval and records it', async () => {
    const session = sandbox.open(task, workflow)
    const noTool = await post(`${session.url}/request_approval`, { args: {}, reason: 'r' })
    expect(noTool.status).toBe(400)
    expect(noTool.body.error).toMatch(/request_approval needs a JSON object \{ "tool"/)
    const badArgs = await post(`${session.url}/request_approval`, { tool: 'issue_refund', args: [1] })
    expect(badArgs.status).toBe(400)
    expect(badArgs.body.error).toBe('"args" of request_approval must be a JSON object')
    expect(session.calls).toHaveLength(2)
    expect(session.calls[0]).toMatchObject({ tool: 'request_approval', allowed: true, error: noTool.body.error })
    expect(session.calls[0].proposed).toBeUndefined()
    session.close()
  })

  it('answers 400 to a body that is not JSON and records it', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/lookup_order`, '{order_id: A-1')
    expect(response.status).toBe(400)
    expect(response.body.error).toMatch(/^request body is not JSON: /)
    expect(session.calls[0]).toMatchObject({
      tool: 'lookup_order',
      args: '{order_id: A-1',
      allowed: true,
      error: response.body.error
    })
    session.close()
  })

  it('treats an empty body as a call without arguments', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/lookup_order`, '')
    expect(response.status).toBe(200)
    expect(session.calls[0].args).toEqual({})
    session.close()
  })

  it('answers 413 to a body over 1 MB and keeps serving on the connection', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/lookup_order`, { blob: 'x'.repeat(1024 * 1024 + 10) })
    expect(response.status).toBe(413)
    expect(session.calls[0]).toMatchObject({
      tool: 'lookup_order',
      args: null,
      error: expect.stringMatching(/over 1 MB/)
    })
    const next = await post(`${session.url}/lookup_order`, { order_id: 'A-1' })
    expect(next.status).toBe(200)
    session.close()
  })

  it('answers 410 after the session is closed, without recording', async () => {
    const session = sandbox.open(task, workflow)
    session.close()
    const response = await post(`${session.url}/lookup_order`, { order_id: 'A-1' })
    expect(response.status).toBe(410)
    expect(session.calls).toHaveLength(0)
    expect(await session.call('lookup_order', {})).toEqual({
      status: 410,
      body: { error: 'this tool session is closed' }
    })
    expect(session.calls).toHaveLength(0)
  })

  it('answers 404 to an unknown token and to paths outside /s/', async () => {
    expect((await post(`${sandbox.url}/s/0123456789abcdef/lookup_order`, {})).status).toBe(404)
    expect((await post(`${sandbox.url}/lookup_order`, {})).status).toBe(404)
  })

  it('answers only POST', async () => {
    const session = sandbox.open(task, workflow)
    const response = await post(`${session.url}/lookup_order`, undefined, 'GET')
    expect(response.status).toBe(405)
    expect(session.calls).toHaveLength(0)
    session.close()
  })

  it('serves the in-process path with the same rules and recording', async () => {
    const session = sandbox.open(task, workflow)
    expect(await session.call('lookup_order', { order_id: 'A-1' })).toEqual({
      status: 200,
      body: { order_id: 'A-1', status: 'delivered', total: 25 }
    })
    expect((await session.call('issue_refund', { amount: 25 })).status).toBe(403)
    expect(
      (await session.call('request_approval', { tool: 'issue_refund', args: { amount: 25 }, reason: 'r' })).body
    ).toEqual({
      status: 'pending_approval'
    })
    expect((await session.call('send_email', { to: 'nobody' })).status).toBe(404)
    expect(session.calls.map((c) => [c.seq, c.tool, c.allowed])).toEqual([
      [1, 'lookup_order', true],
      [2, 'issue_refund', false],
      [3, 'request_approval', true],
      [4, 'send_email', true]
    ])
    session.close()
  })

  it('numbers calls in order across HTTP and in-process calls and keeps sessions apart', async () => {
    const a = sandbox.open(task, workflow)
    const b = sandbox.open(task, workflow)
    await post(`${a.url}/lookup_order`, { n: 1 })
    await post(`${b.url}/lookup_order`, { n: 'b' })
    await a.call('lookup_order', { n: 2 })
    await post(`${a.url}/send_email`, { to: 'a@example.com' })
    expect(a.calls.map((c) => [c.seq, c.args])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
      [3, { to: 'a@example.com' }]
    ])
    expect(b.calls.map((c) => c.seq)).toEqual([1])
    a.close()
    b.close()
  })

  it('keeps connections alive across many calls (speed is measured by npm run bench)', async () => {
    const calls = 2000
    const session = sandbox.open(task, workflow, calls)
    const sockets = new Set<unknown>()
    const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 4 })
    await Promise.all(
      Array.from(
        { length: calls },
        (_, i) =>
          new Promise<void>((resolve, reject) => {
            const req = request(`${session.url}/lookup_order`, { method: 'POST', agent }, (res) => {
              sockets.add(res.socket)
              res.resume()
              res.on('end', () => resolve())
            })
            req.on('error', reject)
            req.end(JSON.stringify({ order_id: `A-${i}` }))
          })
      )
    )
    agent.destroy()
    expect(session.calls).toHaveLength(calls)
    expect(sockets.size).toBeLessThanOrEqual(4)
    session.close()
  })

  it('past its tool-call budget answers 429 and records nothing more, only counts', async () => {
    const session = sandbox.open(task, workflow, 3)
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await post(`${session.url}/lookup_order`, { i })).status)
    statuses.push((await session.call('request_approval', { tool: 'issue_refund' })).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429])
    expect(session.calls.map((c) => c.args)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }])
    expect(session.refusedCalls).toBe(3)
    const refused = await session.call('lookup_order', {})
    expect(refused.body).toEqual({
      error: 'tool-call budget exhausted after 3 calls (budgets.max_tool_calls_per_task)'
    })
    session.close()
  })

  it('refuses arguments nested more than 100 levels deep (400) and records the call without them', async () => {
    const session = sandbox.open(task, workflow)
    const deep = '['.repeat(5000) + ']'.repeat(5000)
    const response = await post(`${session.url}/lookup_order`, deep)
    expect(response.status).toBe(400)
    const viaCall = await session.call('lookup_order', JSON.parse(deep))
    expect(viaCall.status).toBe(400)
    const error = 'arguments nested more than 100 levels deep (the limit for tool-call arguments)'
    expect(session.calls.map((c) => [c.error, c.args])).toEqual([
      [error, `[${error}]`],
      [error, `[${error}]`]
    ])
    session.close()
  })
})
