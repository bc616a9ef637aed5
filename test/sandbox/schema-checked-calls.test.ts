// Issue 15, item 3 through the sandbox's HTTP endpoint: a call (or a proposal through
// request_approval) whose arguments break the tool's JSON schema is refused as the real tool
// would refuse it, 400 with ajv's reasons, and recorded as rejected; the permission check comes
// first, fixtures after. Shared fixtures (item 6) answer what a task does not.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ToolSchema } from '../../src/model/types.js'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { makeTask, makeWorkflow } from '../helpers/model.js'

let sandbox: ToolSandbox
beforeAll(async () => {
  sandbox = await ToolSandbox.start()
})
afterAll(async () => {
  await sandbox.stop()
})

const TOOL_SCHEMAS: ToolSchema[] = [
  {
    name: 'lookup_order',
    parameters: {
      type: 'object',
      properties: { order_id: { type: 'string', pattern: '^O-' } },
      required: ['order_id'],
      additionalProperties: false
    }
  },
  {
    name: 'issue_refund',
    parameters: {
      type: 'object',
      properties: { order_id: { type: 'string' }, amount: { type: 'number', minimum: 0 } },
      required: ['order_id', 'amount']
    }
  },
  // No parameters: calls to it are not checked.
  { name: 'send_email' }
]

const workflow = makeWorkflow({
  tool_schemas: TOOL_SCHEMAS,
  permissions: {
    lookup_order: { scope: 'read', risk: 'low', approval: 'none' },
    send_email: { scope: 'write', risk: 'medium', approval: 'none' },
    issue_refund: { scope: 'write', risk: 'high', approval: 'required' },
    cancel_order: { scope: 'write', risk: 'high', approval: 'none' }
  }
})
const task = makeTask({
  fixtures: {
    lookup_order: { kind: 'value', value: { order_id: 'O-1', total: 25 } },
    send_email: { kind: 'value', value: { sent: true } }
  }
})

async function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: response.status, body: await response.json() }
}

describe('schema-checked calls', () => {
  // First in the file: ajv is not loaded yet, so these calls wait for it, and must still be
  // recorded (and answered) in the order they arrived.
  it('calls made while ajv loads keep their arrival order', async () => {
    const session = sandbox.open(task, workflow)
    const answers = await Promise.all([
      session.call('lookup_order', { order_id: 1 }),
      session.call('send_email', { to: 'a@example.com' }),
      session.call('lookup_order', { order_id: 'O-1' })
    ])
    expect(answers.map((a) => a.status)).toEqual([400, 200, 200])
    expect(session.calls.map((c) => [c.seq, c.tool, c.rejected ?? false])).toEqual([
      [1, 'lookup_order', true],
      [2, 'send_email', false],
      [3, 'lookup_order', false]
    ])
    session.close()
  })

  it('a call that breaks the schema: 400 naming the tool and ajv’s reasons, recorded as rejected', async () => {
    const session = sandbox.open(task, workflow)
    const wrongType = await post(`${session.url}/lookup_order`, { order_id: 7, note: 'x' })
    expect(wrongType).toEqual({
      status: 400,
      body: {
        error:
          'arguments of lookup_order do not match its schema: must NOT have additional properties ("note"); order_id must be string'
      }
    })
    const missing = await post(`${session.url}/lookup_order`, {})
    expect(missing.body.error).toBe(
      "arguments of lookup_order do not match its schema: must have required property 'order_id'"
    )
    const pattern = await post(`${session.url}/lookup_order`, { order_id: 'X-1' })
    expect(pattern.body.error).toBe(
      'arguments of lookup_order do not match its schema: order_id must match pattern "^O-"'
    )
    expect(session.calls[0]).toEqual({
      seq: 1,
      tool: 'lookup_order',
      args: { order_id: 7, note: 'x' },
      result: null,
      error: wrongType.body.error,
      rejected: true,
      started_at: expect.any(String),
      latency_ms: expect.any(Number),
      allowed: true
    })
    expect(session.calls.every((c) => c.rejected)).toBe(true)

    const fits = await post(`${session.url}/lookup_order`, { order_id: 'O-1' })
    expect(fits).toEqual({ status: 200, body: { order_id: 'O-1', total: 25 } })
    expect(session.calls[3].rejected).toBeUndefined()
    // A tool without parameters takes anything.
    expect((await post(`${session.url}/send_email`, [1, 2])).status).toBe(200)
    session.close()
  })

  it('the permission check comes first: a violation stays a violation, not a rejected call', async () => {
    const session = sandbox.open(task, workflow)
    const direct = await post(`${session.url}/issue_refund`, { order_id: 'O-1', amount: 'lots' })
    expect(direct.status).toBe(403)
    expect(direct.body.error).toBe('"issue_refund" requires approval: propose it with request_approval')
    const unlisted = await post(`${session.url}/delete_everything`, { order_id: 3 })
    expect(unlisted.status).toBe(403)
    expect(session.calls.map((c) => [c.allowed, c.rejected])).toEqual([
      [false, undefined],
      [false, undefined]
    ])
    session.close()
  })

  it('a body that is not JSON is answered as before; a fitting call with no fixture is a 404 after the check', async () => {
    const session = sandbox.open(task, workflow)
    const garbage = await post(`${session.url}/lookup_order`, '{not json')
    expect(garbage.status).toBe(400)
    expect(garbage.body.error).toMatch(/^request body is not JSON/)
    const noFixture = await post(`${session.url}/cancel_order`, { order_id: 'O-1' })
    expect(noFixture.status).toBe(404)
    expect(session.calls.map((c) => c.rejected)).toEqual([undefined, undefined])
    session.close()
  })

  it('a proposal is checked against the proposed tool’s schema', async () => {
    const session = sandbox.open(task, workflow)
    const bad = await post(`${session.url}/request_approval`, {
      tool: 'issue_refund',
      args: { order_id: 'O-1', amount: -5 },
      reason: 'customer asked'
    })
    expect(bad).toEqual({
      status: 400,
      body: { error: 'arguments of issue_refund do not match its schema: amount must be >= 0' }
    })
    const noArgs = await post(`${session.url}/request_approval`, { tool: 'issue_refund', reason: 'x' })
    expect(noArgs.body.error).toBe(
      "arguments of issue_refund do not match its schema: must have required property 'order_id'; must have required property 'amount'"
    )
    const good = await post(`${session.url}/request_approval`, {
      tool: 'issue_refund',
      args: { order_id: 'O-1', amount: 25 },
      reason: 'customer asked'
    })
    expect(good).toEqual({ status: 200, body: { status: 'pending_approval' } })
    expect(session.calls.map((c) => [c.tool, c.proposed, c.allowed, c.rejected])).toEqual([
      ['request_approval', true, true, true],
      ['request_approval', true, true, true],
      ['request_approval', true, true, undefined]
    ])
    session.close()
  })

  it("on a PR a call must fit the base's schema too: a PR that loosens its tool file does not loosen the check", async () => {
    const loosened: ToolSchema[] = [{ name: 'lookup_order', parameters: { type: 'object' } }]
    const onPr = makeWorkflow({ ...workflow, tool_schemas: loosened, base_tool_schemas: TOOL_SCHEMAS })
    const session = sandbox.open(task, onPr)
    const refused = await post(`${session.url}/lookup_order`, { order_id: 'X-1' })
    expect(refused).toEqual({
      status: 400,
      body: {
        error: `arguments of lookup_order do not match the base's schema of it: order_id must match pattern "^O-"`
      }
    })
    expect(session.calls[0].rejected).toBe(true)
    expect((await post(`${session.url}/lookup_order`, { order_id: 'O-1' })).status).toBe(200)
    session.close()
  })

  it('a schema that cannot be compiled refuses every call to its tool, with why', async () => {
    const broken = makeWorkflow({ tool_schemas: [{ name: 'lookup_order', parameters: { type: 'strin' } }] })
    const session = sandbox.open(task, broken)
    const answer = await post(`${session.url}/lookup_order`, { order_id: 'O-1' })
    expect(answer).toEqual({
      status: 400,
      body: {
        error:
          'the JSON schema of lookup_order cannot be compiled, so no call to it is accepted: type must be JSONType or JSONType[]: strin'
      }
    })
    session.close()
  })
})

describe('shared fixtures in the sandbox', () => {
  it('answer the tools a task has no fixture of; a task’s own fixture of a tool replaces the shared one', async () => {
    const shared = makeWorkflow({
      fixtures: {
        lookup_order: { kind: 'value', value: { shared: true } },
        send_email: { kind: 'cases', cases: [{ when: { to: 'a@example.com' }, return: { sent: 'shared' } }] },
        request_approval: { kind: 'value', value: { status: 'approved' } }
      }
    })
    const own = makeTask({ fixtures: { lookup_order: { kind: 'value', value: { own: true } } } })
    const session = sandbox.open(own, shared)
    expect((await post(`${session.url}/lookup_order`, { order_id: 'O-1' })).body).toEqual({ own: true })
    expect((await post(`${session.url}/send_email`, { to: 'a@example.com' })).body).toEqual({ sent: 'shared' })
    expect((await post(`${session.url}/send_email`, { to: 'b@example.com' })).status).toBe(404)
    const proposal = await post(`${session.url}/request_approval`, { tool: 'issue_refund', args: {}, reason: 'x' })
    expect(proposal.body).toEqual({ status: 'approved' })
    session.close()
  })
})
