// The sandbox with a tools backend: the permission matrix, the budget and a matching fixture come
// first; the backend answers the rest in the order the calls arrived, and a call still waiting
// for it when the attempt ends is answered as closed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { BackendAnswer, ToolsBackendCalls } from '../../src/model/tools-backend.js'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { makeTask, makeWorkflow } from '../helpers/model.js'

let sandbox: ToolSandbox
beforeAll(async () => {
  sandbox = await ToolSandbox.start()
})
afterAll(() => sandbox.stop())

/** Answers `lookup_order` after `delayMs`; records what reached it. */
function backend(delayMs = 0): ToolsBackendCalls & { seen: unknown[] } {
  const seen: unknown[] = []
  return {
    seen,
    call: (tool, args): Promise<BackendAnswer> => {
      seen.push(args)
      const answer =
        (args as { order_id: string }).order_id === 'bad' ? { error: 'no such order' } : { result: { tool, args } }
      return new Promise((resolve) => setTimeout(() => resolve(answer), delayMs).unref())
    }
  }
}

async function post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) })
  return { status: response.status, body: await response.json() }
}

describe('a sandbox session with a tools backend', () => {
  it('answers what no fixture case matches from the backend; refusals are 400 and rejected', async () => {
    const task = makeTask({
      fixtures: {
        lookup_order: { kind: 'cases', cases: [{ when: { order_id: 'A-1' }, fault: { status: 503, message: 'down' } }] }
      }
    })
    const calls = backend()
    const session = sandbox.open(task, makeWorkflow(), 3, calls)
    expect(await post(`${session.url}/lookup_order`, { order_id: 'A-1' })).toEqual({
      status: 503,
      body: { error: 'down' }
    })
    expect(await post(`${session.url}/lookup_order`, { order_id: 'A-2' })).toEqual({
      status: 200,
      body: { tool: 'lookup_order', args: { order_id: 'A-2' } }
    })
    expect(await post(`${session.url}/lookup_order`, { order_id: 'bad' })).toEqual({
      status: 400,
      body: { error: 'no such order' }
    })
    expect((await post(`${session.url}/issue_refund`, {})).status).toBe(429)
    expect((await post(`${session.url}/unknown`, {})).status).toBe(429)
    session.close()
    expect(calls.seen).toEqual([{ order_id: 'A-2' }, { order_id: 'bad' }])
    expect(session.calls.map(({ seq, result, error, rejected }) => ({ seq, result, error, rejected }))).toEqual([
      { seq: 1, result: null, error: 'down', rejected: undefined },
      { seq: 2, result: { tool: 'lookup_order', args: { order_id: 'A-2' } }, error: undefined, rejected: undefined },
      { seq: 3, result: null, error: 'no such order', rejected: true }
    ])
  })

  it('never lets a forbidden call reach the backend, and answers a call still waiting as closed', async () => {
    const calls = backend(5000)
    const session = sandbox.open(makeTask(), makeWorkflow(), 10, calls)
    expect((await post(`${session.url}/issue_refund`, {})).status).toBe(403)
    const waiting = post(`${session.url}/lookup_order`, { order_id: 'A-1' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    session.close()
    expect(await waiting).toEqual({ status: 410, body: { error: 'this tool session is closed' } })
    expect(calls.seen).toEqual([{ order_id: 'A-1' }])
    expect(session.calls[1]).toMatchObject({
      tool: 'lookup_order',
      result: null,
      error: 'not answered: the attempt ended while the tools backend was answering'
    })
  })
})
