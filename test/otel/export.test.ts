// The SDK export itself, against a local OTLP/HTTP receiver: batches, none dropped, the first
// failure ends it, a backend that hangs costs a bounded wait.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { exportAttempts } from '../../src/otel/export.js'
import type { TraceLine } from '../../src/model/types.js'
import { decodeExport, OtlpReceiver } from '../helpers/otlp-receiver.js'
import { modelCall, toolCall, traceLine } from './trace-lines.js'

async function* linesOf(lines: TraceLine[]): AsyncGenerator<TraceLine> {
  for (const line of lines) yield line
}

/** `count` attempts of 4 spans each: the root, a model call and two tool calls. */
const attempts = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    traceLine({ task_id: `t-${i}`, model_calls: [modelCall()], tool_calls: [toolCall(1), toolCall(2)] })
  )

describe('exportAttempts', () => {
  let receiver: OtlpReceiver
  beforeAll(async () => {
    receiver = await OtlpReceiver.start()
  })
  afterAll(() => receiver.stop())
  beforeEach(() => receiver.reset())

  const target = () => ({ url: `${receiver.origin}/v1/traces`, timeoutMs: 2000 })

  it('sends every span of many attempts, in requests of at most 512 spans, none dropped', async () => {
    const outcome = await exportAttempts(linesOf(attempts(300)), target())
    expect(outcome).toEqual({ attempts: 300, exported: 300 })
    expect(receiver.requests.map((r) => decodeExport(r.body).length)).toEqual([512, 512, 176])
    const spans = receiver.spans
    expect(spans).toHaveLength(1200)
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(300)
    expect(new Set(spans.map((s) => s.attributes['evalgate.task.id']).filter(Boolean)).size).toBe(300)
    // Each trace whole in one request: a root and its three children.
    for (const request of receiver.requests) {
      const byTrace = new Map<string, number>()
      for (const { traceId } of decodeExport(request.body)) byTrace.set(traceId, (byTrace.get(traceId) ?? 0) + 1)
      expect([...byTrace.values()].every((n) => n === 4)).toBe(true)
    }
  })

  it('stops at the first failed request and says how many attempts got through', async () => {
    receiver.answer = () => (receiver.requests.length >= 2 ? { status: 400, body: '{"echo":"x"}' } : { status: 200 })
    const outcome = await exportAttempts(linesOf(attempts(300)), target())
    expect(outcome).toEqual({ attempts: 300, exported: 128, failure: 'HTTP 400 Bad Request' })
    expect(receiver.requests).toHaveLength(2)
  })

  it('gives up on a backend that never answers within a bounded time', async () => {
    receiver.answer = () => ({ hang: true })
    const started = Date.now()
    const outcome = await exportAttempts(linesOf(attempts(3)), { ...target(), timeoutMs: 300 })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(outcome).toMatchObject({ attempts: 3, exported: 0, failure: expect.any(String) })
  })

  it('sends nothing for a run without attempts', async () => {
    expect(await exportAttempts(linesOf([]), target())).toEqual({ attempts: 0, exported: 0 })
    expect(receiver.requests).toHaveLength(0)
  })
})
