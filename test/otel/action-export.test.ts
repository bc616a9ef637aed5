// issue 12 item 7 in the action (dist/index.js): input otlp-endpoint exports the gate's attempts;
// a backend that is down is one warning annotation, and the gate decides as without it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { closedPort } from '../helpers/ports.js'
import { OtlpReceiver } from '../helpers/otlp-receiver.js'
import { expectNoStackTrace, fakeWithPullRequest, isStatusPost } from '../action/fake-setup.js'
import { commandProject, pullRequestPayload } from '../action/project.js'
import { runAction } from '../action/run-action.js'

let gh: FakeGitHub | undefined
let receiver: OtlpReceiver
beforeAll(async () => {
  receiver = await OtlpReceiver.start()
})
afterAll(() => receiver.stop())
afterEach(async () => {
  await gh?.close()
  gh = undefined
  receiver.reset()
})

async function gate(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const dir = commandProject()
  gh = await fakeWithPullRequest(dir)
  const run = await runAction({
    cwd: dir,
    apiUrl: gh.url,
    event: 'pull_request',
    payload: pullRequestPayload(dir),
    inputs: { repeat: '1', ...inputs },
    env
  })
  return { dir, run }
}

const warningLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::warning'))

describe('the action with input otlp-endpoint', () => {
  it('exports every attempt of the gate', async () => {
    const { run } = await gate({ 'otlp-endpoint': receiver.origin })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    expect(warningLines(run.stdout)).toEqual([])
    const roots = receiver.spans.filter((s) => s.parentSpanId === undefined)
    expect(roots).toHaveLength(10)
    expect(roots.filter((s) => s.attributes['evalgate.outcome'] === 'fail')).toHaveLength(2)
    expect(receiver.requests.every((r) => r.path === '/v1/traces')).toBe(true)
  })

  it('a backend that is down: one warning annotation, the same decision and statuses, traces.jsonl on disk', async () => {
    const port = await closedPort()
    const { dir, run } = await gate(
      { 'otlp-endpoint': `http://127.0.0.1:${port}` },
      { OTEL_EXPORTER_OTLP_TIMEOUT: '1000' }
    )
    expectNoStackTrace(run)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    expect(gh!.requests.filter(isStatusPost).map((r) => (r.body as { state: string }).state)).toEqual([
      'pending',
      'failure'
    ])
    expect(warningLines(run.stdout)).toEqual([
      `::warning::evalgate: OpenTelemetry export to http://127.0.0.1:${port}/v1/traces failed ` +
        `(connect ECONNREFUSED 127.0.0.1:${port}): 0 of 10 attempts exported; evalgate-report/traces.jsonl has every attempt`
    ])
    expect(existsSync(join(dir, 'evalgate-report/traces.jsonl'))).toBe(true)
  })
})
