import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { errorLines, expectNoStackTrace, fakeWithPullRequest, isCommentPost, isStatusPost } from './fake-setup.js'
import { commandProject, HEAD, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

interface ShardReport {
  shard: { set_hash: string }
  gate: { rules: { tiers: Record<string, { min_success: number }> } }
  tasks: { id: string; status: string; reasons: string[]; attempts: unknown }[]
}

/** The hash of the project's task set with t2-0 (a failing task) renamed: src/report/shard.ts taskSetHash. */
const rehash = (() => {
  const ids = [...[0, 1, 2, 3, 4].map((i) => `t1-${i}`), ...[0, 1, 2, 3, 4].map((i) => `t2-${i}`)]
  const keys = ids.map((id) => (id === 't2-0' ? 'wf/made-up' : `wf/${id}`)).sort()
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16)
})()

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
    const count = (r: typeof shard1) => [r.outputs.passed, r.outputs.failed, r.outputs.total].map(Number)
    // Each shard counts its own tasks; together they are the whole set.
    expect(count(shard1).map((n, i) => n + count(shard2)[i])).toEqual([8, 2, 10])
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([])

    const merged = await run({ mode: 'merge' })
    expectNoStackTrace(merged)
    expect(merged.code).toBe(1)
    expect(merged.outputs).toEqual({
      decision: 'fail',
      report: 'evalgate-report/report.json',
      'success-rates': JSON.stringify({ T1: 1, T2: 0.6 }),
      passed: '8',
      failed: '2',
      total: '10'
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

  it.each([
    [
      'a failing task marked pass',
      false,
      (r: ShardReport) =>
        Object.assign(
          r.tasks.find((t) => t.status === 'fail')!,
          { status: 'pass', reasons: [] }
        ),
      /task wf\/t2-\d says "pass", but its attempts \(1 run, 0 passed, 0 errored\) make it "fail"/
    ],
    [
      'the rules loosened in every shard',
      true,
      (r: ShardReport) => (r.gate.rules.tiers.T2.min_success = 0.5),
      /was run with other gate rules than thresholds\.yml \(each rule the stricter of base \w{7}'s and this commit's\) gives: rules\.tiers\.T2\.min_success 0\.5 there, 0\.8/
    ],
    [
      'a failing task renamed, with the set hash recomputed in every shard',
      true,
      (r: ShardReport) => {
        const failing = r.tasks.find((t) => t.id === 't2-0')
        if (failing)
          Object.assign(failing, {
            id: 'made-up',
            status: 'pass',
            reasons: [],
            attempts: { total: 1, passed: 1, errored: 0 }
          })
        r.shard.set_hash = rehash
      },
      /task wf\/made-up is not a golden task of golden-tasks \(as on base \w{7}\)/
    ]
  ])('fails closed when a shard report was edited before the merge: %s', async (_name, every, edit, reason) => {
    await run({ shard: '1/2', out: 'evalgate-shards/shard-1', repeat: '1' })
    await run({ shard: '2/2', out: 'evalgate-shards/shard-2', repeat: '1' })
    for (const i of [1, 2]) {
      const file = join(dir, `evalgate-shards/shard-${i}/report.json`)
      const report = JSON.parse(readFileSync(file, 'utf8')) as ShardReport
      if (i === 2 || every) edit(report)
      writeFileSync(file, JSON.stringify(report))
    }
    const merged = await run({ mode: 'merge' })
    expectNoStackTrace(merged)
    expect(merged.outputs.decision).toBe('error')
    const status = gh.latestStatus(HEAD)!
    expect(status.state).toBe('error')
    expect(merged.summary).toMatch(reason)
    expect(gh.state.statuses.get(HEAD)!.some((s) => s.state === 'success')).toBe(false)
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
