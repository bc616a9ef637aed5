// One attempt's backend as the runner uses it (src/run/attempt-backend.ts), against an HTTP
// backend on 127.0.0.1: the initial state it is reset with, and one replay per task.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startAttemptBackend, withBackendState, type ReplayCache } from '../../src/run/attempt-backend.js'
import type { AgentRun, Workflow } from '../../src/model/types.js'
import { makeTask, makeWorkflow } from '../grade/builders.js'
import { startOrdersService, type OrdersService } from '../backend/orders-http.js'

let service: OrdersService
beforeAll(async () => {
  service = await startOrdersService()
})
afterAll(() => service.close())

const RUN: AgentRun = { answer: {}, tool_calls: [], model_calls: [], duration_ms: 1 }
const resets = () => service.requests.filter((r) => r.path === '/tools/reset').map((r) => r.body.state)

describe('an attempt with a tools backend', () => {
  it("resets to the task's initial_state, else the workflow's state_file; replays once per task, again only to show a difference", async () => {
    const workflow: Workflow = {
      ...makeWorkflow(),
      tools_backend: { url: service.url },
      initial_state: { orders: { F1: { status: 'pending' } } }
    }
    const own = { ...makeTask({}), initial_state: { orders: { T1: { status: 'pending' } } } }
    const replayed = {
      ...makeTask({ actions: [{ tool: 'cancel_order', args: { order_id: 'F1' } }], state_equals_replay: true })
    }
    const replays: ReplayCache = new Map()
    const states = []
    // The third attempt makes the expected call, so its end state is the replay's.
    for (const [task, cancels] of [
      [own, false],
      [replayed, false],
      [replayed, true]
    ] as const) {
      const backend = (await startAttemptBackend(task, workflow))!
      if (cancels) await backend.call('cancel_order', { order_id: 'F1' })
      states.push((await withBackendState(RUN, backend, task, workflow, replays)).state)
    }
    const cancelled = { orders: { F1: { status: 'cancelled' } } }
    expect(states).toEqual([
      { final: { orders: { T1: { status: 'pending' } } } },
      { final: { orders: { F1: { status: 'pending' } } }, replay: cancelled },
      { final: cancelled, replay: cancelled }
    ])
    // Three attempts; the replay once for its digest, and once more for the attempt that differs.
    expect(resets()).toEqual([
      own.initial_state,
      workflow.initial_state,
      workflow.initial_state,
      workflow.initial_state,
      workflow.initial_state
    ])
    expect([...replays.values()].length).toBe(1)
    expect(startAttemptBackend(own, makeWorkflow())).toBeUndefined()
  })

  it('a failing replay makes the attempt an error; so does a backend that failed an attempt the agent failed', async () => {
    // Long enough for a reset on a loaded machine; the replay's call to HANG waits it out.
    const workflow: Workflow = { ...makeWorkflow(), tools_backend: { url: service.url, timeout_s: 2 } }
    const task = makeTask({ actions: [{ tool: 'get_order', args: { order_id: 'HANG' } }], state_equals_replay: true })
    const replays: ReplayCache = new Map()
    const crashed = { ...RUN, agent_error: 'agent exited with code 1', error_kind: 'crash' as const }
    const fine = (await startAttemptBackend(task, workflow))!
    expect(await withBackendState(crashed, fine, task, workflow, replays)).toEqual(crashed)
    expect(replays.size).toBe(0)

    const replayFails = (await startAttemptBackend(task, workflow))!
    expect((await withBackendState(RUN, replayFails, task, workflow, replays)).infra_error).toBe(
      'tools backend: replaying the expected actions: did not answer call within 2s (timeout_s)'
    )

    const failed = (await startAttemptBackend(task, workflow))!
    await failed.call('get_order', { order_id: 'BOOM' })
    expect(await withBackendState(crashed, failed, task, workflow, replays)).toEqual({
      ...RUN,
      infra_error: 'tools backend: answered call with HTTP 500: {"message":"internal error"}'
    })
  })
})
