import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { errorLines, expectNoStackTrace, fakeWithPullRequest, isCommentPost, isStatusPost } from './fake-setup.js'
import { commandProject, HEAD, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

let gh: FakeGitHub
let dir: string
beforeEach(async () => {
  dir = commandProject()
  gh = await fakeWithPullRequest(dir)
})
afterEach(() => gh.close())

function run(inputs: Record<string, string>) {
  return runAction({ cwd: dir, apiUrl: gh.url, event: 'pull_request', payload: pullRequestPayload(dir), inputs })
}

describe('sharded runs and mode merge', () => {
  it('shards write reports only; the merge decides and publishes like the gate', async () => {
    const shard1 = await run({ shard: '1/2', out: 'evalgate-shards/shard-1' })
    const shard2 = await run({ shard: '2/2', out: 'evalgate-shards/shard-2' })
    expect([shard1.code, shard2.code]).toEqual([0, 0])
    expect(shard1.outputs.report).toBe('evalgate-shards/shard-1/report.json')
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([])

    const merged = await run({ mode: 'merge' })
    expectNoStackTrace(merged)
    expect(merged.code).toBe(1)
    expect(merged.outputs).toEqual({
      decision: 'fail',
      report: 'evalgate-report/report.json',
      'success-rates': JSON.stringify({ T1: 1, T2: 0.6 })
    })
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'failure', description: 'T1 100.0% >= 90%, T2 60.0% < 80%' })
    expect(gh.requests.filter(isCommentPost)).toHaveLength(1)
    expect(merged.summary).toContain('| T2 | 3/5 | 60.0%')
  })

  it('fails closed when a shard report is missing', async () => {
    await run({ shard: '1/2', out: 'evalgate-shards/shard-1' })
    const merged = await run({ mode: 'merge', 'shard-reports': 'evalgate-shards/*/report.json' })
    expectNoStackTrace(merged)
    expect(merged.code).toBe(1)
    expect(merged.outputs.decision).toBe('error')
    const statuses = gh.requests.filter(isStatusPost)
    expect(statuses).toHaveLength(1)
    expect(statuses[0].body).toMatchObject({ state: 'error', description: 'error: shard 2/2 is missing' })
    expect(errorLines(merged).join('\n')).toContain('shard 2/2 is missing')
  })

  it('fails closed when no shard report exists at all', async () => {
    const merged = await run({ mode: 'merge' })
    expect(merged.outputs.decision).toBe('error')
    expect(gh.latestStatus(HEAD)).toMatchObject({
      state: 'error',
      description: 'error: no shard report matches evalgate-shards/**/report.json'
    })
  })
})
