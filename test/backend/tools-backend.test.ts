// Tools backends through their real boundaries: the JSON-lines process of
// test/fixtures/backends/orders.mjs, and an HTTP service on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { replayState, ToolsBackend } from '../../src/backend/index.js'
import type { ToolsBackendConfig } from '../../src/model/tools-backend.js'
import { closedPort } from '../helpers/ports.js'
import { startOrdersService, type OrdersService } from './orders-http.js'

const BACKENDS = fileURLToPath(new URL('../fixtures/backends/', import.meta.url))
const orders = (timeout_s = 5, ...flags: string[]): ToolsBackendConfig => ({
  command: [process.execPath, 'orders.mjs', ...flags],
  timeout_s
})

async function started(config: ToolsBackendConfig, state: unknown = null): Promise<ToolsBackend> {
  const backend = await ToolsBackend.start(config, BACKENDS, state)
  ends.push(backend)
  return backend
}
const ends: ToolsBackend[] = []
afterAll(() => ends.forEach((backend) => backend.end()))

describe('a command tools backend', () => {
  it('holds state: a read after a write sees it, a refused write changes nothing', async () => {
    const backend = await started(orders())
    expect(backend.failure).toBeUndefined()
    expect(await backend.call('cancel_order', { order_id: 'W2' })).toEqual({
      error: 'order W2 is delivered, not pending'
    })
    expect(await backend.call('cancel_order', { order_id: 'W1' })).toEqual({
      result: { order_id: 'W1', status: 'cancelled' }
    })
    expect(await backend.call('get_order', { order_id: 'W1' })).toEqual({
      result: { order_id: 'W1', status: 'cancelled' }
    })
    expect(await backend.state()).toEqual({
      state: { orders: { W1: { status: 'cancelled' }, W2: { status: 'delivered' } } }
    })
  })

  it('is reset with the initial state it is given, and answers calls made at once in order', async () => {
    const backend = await started(orders(), { orders: { W9: { status: 'pending' } } })
    const answers = await Promise.all([
      backend.call('cancel_order', { order_id: 'W9' }),
      backend.call('cancel_order', { order_id: 'W9' }),
      backend.call('get_order', { order_id: 'W1' })
    ])
    expect(answers).toEqual([
      { result: { order_id: 'W9', status: 'cancelled' } },
      { error: 'order W9 is cancelled, not pending' },
      { error: 'no order W1' }
    ])
  })

  it('that will not start fails with the reason', async () => {
    expect((await started({ command: ['./no-such-backend'] })).failure).toBe(
      'could not start: spawn ./no-such-backend ENOENT'
    )
    expect((await started({ command: 'no-such-backend-command --flag' })).failure).toMatch(
      /^could not start: .*no-such-backend-command.*not found/
    )
    const node = await started({ command: [process.execPath, 'missing.mjs'] })
    expect(node.failure).toMatch(/^exited with code 1: Error: Cannot find module .*missing\.mjs/)
  })

  it('that dies mid-attempt fails that call and every later one; a fresh backend works', async () => {
    const backend = await started(orders())
    expect(await backend.call('cancel_order', { order_id: 'W1' })).toHaveProperty('result')
    const died = 'exited with code 3: backend: the order store went away'
    expect(await backend.call('get_order', { order_id: 'DIE' })).toEqual({ failure: died })
    expect(await backend.call('get_order', { order_id: 'W1' })).toEqual({ failure: died })
    expect(await backend.state()).toEqual({ failure: died })

    const fresh = await started(orders())
    expect(await fresh.call('get_order', { order_id: 'W1' })).toEqual({
      result: { order_id: 'W1', status: 'pending' }
    })
  })

  it('that answers garbage, or JSON that is not the answer, fails with what it wrote', async () => {
    const garbage = await started(orders())
    expect(await garbage.call('get_order', { order_id: 'GARBAGE' })).toEqual({
      failure: 'answered call with a line that is not JSON: "this is not json"'
    })
    const wrong = await started(orders())
    expect(await wrong.call('get_order', { order_id: 'WRONG' })).toEqual({
      failure: 'answered call with {"value":1}, which is not {"result": ...} or {"error": "..."}'
    })
    expect(wrong.failure).toMatch(/^answered call with/)
  })

  it('that writes a line over 64 MB fails with that limit, whether the line ends or not', async () => {
    const failure = 'wrote a line of over 64 MB'
    const long = await started(orders())
    expect(await long.call('get_order', { order_id: 'LONG' })).toEqual({ failure })
    const endless = await started(orders())
    expect(await endless.call('get_order', { order_id: 'ENDLESS' })).toEqual({ failure })
    expect(await endless.state()).toEqual({ failure })
  })

  // timeout_s also bounds the reset that follows the spawn, so it must leave room for a
  // Node start on a loaded CI machine (0.3 s did not).
  it('that hangs fails after timeout_s and is ended', async () => {
    const backend = await started(orders(1.5))
    const startedAt = performance.now()
    expect(await backend.call('get_order', { order_id: 'HANG' })).toEqual({
      failure: 'did not answer call within 1.5s (timeout_s)'
    })
    expect(performance.now() - startedAt).toBeLessThan(6000)
    expect(await backend.state()).toEqual({ failure: 'did not answer call within 1.5s (timeout_s)' })
  })

  it('replays actions on a fresh backend, skipping optional ones, refusals included', async () => {
    const replayed = await replayState(orders(), BACKENDS, null, [
      { tool: 'cancel_order', args: { order_id: 'W2' } },
      { tool: 'cancel_order', args: { order_id: 'W1' } },
      { tool: 'cancel_order', args: { order_id: 'W9' }, optional: true }
    ])
    expect(replayed).toEqual({ state: { orders: { W1: { status: 'cancelled' }, W2: { status: 'delivered' } } } })
    expect(await replayState(orders(), BACKENDS, null, [{ tool: 'get_order', args: { order_id: 'DIE' } }])).toEqual({
      failure: 'exited with code 3: backend: the order store went away'
    })
  })
})

describe('an HTTP tools backend', () => {
  let service: OrdersService
  beforeAll(async () => {
    service = await startOrdersService()
  })
  afterAll(() => service.close())
  const config = (timeout_s = 5): ToolsBackendConfig => ({ url: service.url, headers: { 'x-team': 'a' }, timeout_s })

  it('holds one state per attempt, answers a refusal 400 with its error, and ends the attempt', async () => {
    const [one, two] = await Promise.all([started(config()), started(config())])
    expect(await one.call('cancel_order', { order_id: 'W1' })).toEqual({
      result: { order_id: 'W1', status: 'cancelled' }
    })
    expect(await one.call('cancel_order', { order_id: 'W1' })).toEqual({ error: 'order W1 is cancelled, not pending' })
    expect(await two.call('get_order', { order_id: 'W1' })).toEqual({ result: { order_id: 'W1', status: 'pending' } })
    expect(await one.state()).toEqual({
      state: { orders: { W1: { status: 'cancelled' }, W2: { status: 'delivered' } } }
    })
    const attempts = [...service.attempts.keys()]
    expect(attempts).toHaveLength(2)
    one.end()
    two.end()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(service.attempts.size).toBe(0)
    expect(service.requests.filter((r) => r.path === '/tools/reset').map((r) => r.body)).toEqual(
      attempts.map((attempt) => ({ attempt, state: null }))
    )
    expect(service.requests.find((r) => r.path === '/tools/call')?.body).toEqual({
      attempt: attempts[0],
      tool: 'cancel_order',
      args: { order_id: 'W1' }
    })
  })

  it('fails on a 5xx, a hang past timeout_s, and a service that is not there', async () => {
    const boom = await started(config())
    expect(await boom.call('get_order', { order_id: 'BOOM' })).toEqual({
      failure: 'answered call with HTTP 500: {"message":"internal error"}'
    })
    const hang = await started(config(0.3))
    expect(await hang.call('get_order', { order_id: 'HANG' })).toEqual({
      failure: 'did not answer call within 0.3s (timeout_s)'
    })
    const port = await closedPort()
    const gone = await started({ url: `http://127.0.0.1:${port}` })
    expect(gone.failure).toMatch(new RegExp(`^could not reach http://127.0.0.1:${port}/reset: `))
  })
})
