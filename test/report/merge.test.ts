import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/load/problems.js'
import type { Report, TaskResult } from '../../src/model/types.js'
import { buildReport } from '../../src/report/build.js'
import { mergeReports } from '../../src/report/merge.js'
import { readReport } from '../../src/report/schema.js'
import { shardTasks, taskSetHash } from '../../src/report/shard.js'
import { writeReportFiles } from '../../src/report/write.js'
import { gate, task, tier } from '../gate/make.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-merge-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const allTasks: TaskResult[] = [
  ...tier('T1', 40, 3, { workflow: 'refunds' }),
  ...tier('T2', 17, 5, { workflow: 'refunds', risk: 'high' }),
  ...tier('T1', 10, 1, { workflow: 'billing', failStatus: 'error', cost_usd: null }),
  ...tier('T3', 4, 4, { workflow: 'billing' })
]
const workflows = [
  { name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: 65 },
  { name: 'billing', file: 'golden-tasks/billing/workflow.yml', tasks: 19 }
]
const baseline = {
  file: 'main/report.json',
  tiers: [
    { workflow: 'refunds', tier: 'T1' as const, success_rate: 0.98 },
    { workflow: 'refunds', tier: 'T2' as const, success_rate: 0.7 }
  ],
  statuses: { 'refunds/refunds-t1-f0': 'pass', 'refunds/refunds-t2-p3': 'fail', 'billing/billing-t1-f0': 'pass' }
}
const rules = gate({
  rules: { tiers: { T1: { min_success: 0.9 }, T2: { min_success: 0.75 } }, max_drop: { T1: 0.05 } }
})
const createdAt = new Date('2025-05-01T00:00:00Z')

function shardReports(
  count: number,
  tasks = allTasks,
  extra: Partial<Parameters<typeof buildReport>[0]> = {}
): Report[] {
  return Array.from({ length: count }, (_, index) => {
    const slice = shardTasks(tasks, index, count)
    return buildReport({
      tasks: slice,
      gate: rules,
      workflows: workflows.map((w) => ({ ...w, tasks: slice.filter((t) => t.workflow === w.name).length })),
      repeat: 1,
      commit: 'abc',
      shard: { index, count, set_hash: taskSetHash(tasks), set_size: tasks.length },
      baseline,
      createdAt,
      ...extra
    })
  })
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `shard-${i + 1}.json`)

describe('mergeReports', () => {
  it('gives the report of an unsharded run', async () => {
    const unsharded = buildReport({
      tasks: allTasks,
      gate: rules,
      workflows,
      repeat: 1,
      commit: 'abc',
      baseline,
      createdAt
    })
    // Through the files, as `evalgate merge` does.
    const files = await Promise.all(
      shardReports(3).map(async (report, i) => (await writeReportFiles(join(dir, `s${i}`), report)).reportPath)
    )
    const shards = await Promise.all(files.map((f) => readReport(f)))
    const merged = mergeReports(shards.reverse(), [...files].reverse())
    expect(merged.shard).toBeUndefined()
    expect(unsharded.decision).toBe('pass')
    expect(merged.decision).toBe(unsharded.decision)
    expect(merged.reasons).toEqual(unsharded.reasons)
    expect(merged.tiers).toEqual(unsharded.tiers)
    expect(merged.totals).toEqual(unsharded.totals)
    expect(merged.tasks).toEqual(unsharded.tasks)
    expect(merged.baseline).toEqual(unsharded.baseline)
    expect(merged.workflows).toEqual(unsharded.workflows)
    expect(merged.gate).toEqual(unsharded.gate)
    expect(merged.failure_modes).toEqual(unsharded.failure_modes)
    expect(merged.commit).toBe('abc')
    expect(unsharded.baseline?.regressions).toEqual(['billing/billing-t1-f0', 'refunds/refunds-t1-f0'])
  })

  it('decides again from the pooled attempts of every task, whatever a shard says of its tiers', () => {
    // Adaptive attempts: tasks of one tier with different attempt counts in different shards.
    const flaky = Array.from({ length: 30 }, (_, i) =>
      task(`f${i}`, {
        status: i % 3 === 0 ? 'fail' : 'pass',
        attempts: i % 3 === 0 ? { total: 3, passed: 2, errored: 0 } : { total: 2, passed: 2, errored: 0 },
        flaky: i % 3 === 0 ? true : undefined
      })
    ).map(({ flaky: f, ...t }) => (f ? { ...t, flaky: f } : t))
    const adaptive = { gate: gate({ rules: { tiers: { T1: { min_success: 0.9 } }, max_drop: {} } }), repeat: undefined }
    const unsharded = buildReport({ tasks: flaky, workflows, createdAt, ...adaptive })
    const shards = shardReports(2, flaky, { ...adaptive, baseline: undefined }).map((report) => ({
      ...report,
      // A shard that lies about its tier verdicts changes nothing: merge reads the tasks' attempts.
      tiers: report.tiers.map((t) => ({ ...t, ok: !t.ok, success_rate: 0.5 }))
    }))
    const merged = mergeReports(shards, names(2))
    expect(merged.decision).toBe(unsharded.decision)
    expect(merged.tiers).toEqual(unsharded.tiers)
    expect(merged.tiers[0].attempts).toMatchObject({ total: 70, min: 2, max: 3 })
    expect(merged.flaky_tasks).toEqual(unsharded.flaky_tasks)
    expect(merged.attempts).toMatchObject({ mode: 'adaptive', total: 70, extra: 40 })
  })

  it('keeps the models without a price from every shard', () => {
    const [a, b] = shardReports(2)
    const merged = mergeReports(
      [
        { ...a, totals: { ...a.totals, cost_unknown_models: ['m2'] } },
        { ...b, totals: { ...b.totals, cost_unknown_models: ['m1', 'm2'] } }
      ],
      names(2)
    )
    expect(merged.totals.cost_unknown_models).toEqual(['m1', 'm2'])
  })

  it('refuses a missing shard', () => {
    const [a, , c] = shardReports(3)
    expect(() => mergeReports([a, c], ['a.json', 'c.json'])).toThrow('shard 2/3 is missing')
    expect(() => mergeReports([a, c], ['a.json', 'c.json'])).toThrow(InputError)
  })

  it('refuses a shard given twice', () => {
    const [a, b] = shardReports(2)
    const error = catchError(() => mergeReports([a, a, b], ['a.json', 'a-copy.json', 'b.json']))
    expect(error.message).toContain('shard 1/2 given twice (a.json, a-copy.json)')
    expect(error.message).not.toContain('is in both')
  })

  it('refuses a shard of another task set', () => {
    const [a] = shardReports(2)
    const [, other] = shardReports(2, allTasks.slice(1))
    expect(() => mergeReports([a, other], ['a.json', 'b.json'])).toThrow('b.json is from another task set')
  })

  it('refuses shards of a different count', () => {
    const [a] = shardReports(2)
    const [, b] = shardReports(3)
    expect(() => mergeReports([a, b], ['a.json', 'b.json'])).toThrow('b.json is a shard of 3, a.json of 2')
  })

  it('refuses a report that is not a shard', () => {
    const [a] = shardReports(2)
    const whole = buildReport({ tasks: allTasks, gate: rules, workflows, repeat: 1 })
    expect(() => mergeReports([a, whole], ['a.json', 'whole.json'])).toThrow('whole.json is not a shard report')
  })

  it('refuses shards run with other rules, repeat or commit', () => {
    const [a, b] = shardReports(2)
    const otherGate = { ...b, gate: gate() }
    expect(() => mergeReports([a, otherGate], ['a.json', 'b.json'])).toThrow(
      'b.json was run with other gate rules than a.json'
    )
    expect(() => mergeReports([a, { ...b, repeat: 3 }], ['a.json', 'b.json'])).toThrow(
      'b.json was run with --repeat 3, a.json with --repeat 1'
    )
    expect(() => mergeReports([a, { ...b, commit: 'def' }], ['a.json', 'b.json'])).toThrow(
      'b.json is from commit def, a.json from abc'
    )
  })

  it('refuses a task found in two shards', () => {
    const [a, b] = shardReports(2)
    const moved = { ...b, tasks: [...b.tasks.slice(1), a.tasks[0]] }
    const { workflow, id } = a.tasks[0]
    expect(() => mergeReports([a, moved], ['a.json', 'b.json'])).toThrow(
      `task ${workflow}/${id} is in both a.json and b.json`
    )
  })

  it('refuses shards that do not add up to the set', () => {
    const [a, b] = shardReports(2)
    const short = { ...b, tasks: b.tasks.slice(1) }
    expect(() => mergeReports([a, short], ['a.json', 'b.json'])).toThrow(
      `the shards hold ${allTasks.length - 1} tasks, but their task set has ${allTasks.length}`
    )
  })

  it('merges a single shard of one', () => {
    const [only] = shardReports(1, [task('a')])
    expect(mergeReports([only], ['only.json']).decision).toBe('pass')
  })
})

function catchError(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}
