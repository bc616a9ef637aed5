import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/util/problems.js'
import type { Report, TaskResult } from '../../src/model/types.js'
import { reportOf } from '../helpers/report-of.js'
import { mergeReports } from '../../src/report/merge.js'
import { readReport } from '../../src/report/read-report.js'
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
/** What `evalgate merge` is given: the thresholds file's rules. */
const given = { gate: rules, source: 'thresholds.yml' }

function shardReports(count: number, tasks = allTasks, extra: Partial<Parameters<typeof reportOf>[0]> = {}): Report[] {
  return Array.from({ length: count }, (_, index) => {
    const slice = shardTasks(tasks, index, count)
    return reportOf({
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
    const unsharded = reportOf({
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
      shardReports(3).map(async (report, i) => (await writeReportFiles(join(dir, `s${i}`), report)).report)
    )
    const shards = await Promise.all(files.map((f) => readReport(f)))
    const merged = mergeReports(shards.reverse(), [...files].reverse(), given)
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
    const unsharded = reportOf({ tasks: flaky, workflows, createdAt, ...adaptive })
    const shards = shardReports(2, flaky, { ...adaptive, baseline: undefined }).map((report) => ({
      ...report,
      // A shard that lies about its tier verdicts changes nothing: merge reads the tasks' attempts.
      tiers: report.tiers.map((t) => ({ ...t, ok: !t.ok, success_rate: 0.5 }))
    }))
    const merged = mergeReports(shards, names(2), { gate: adaptive.gate, source: 'thresholds.yml' })
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
      names(2),
      given
    )
    expect(merged.totals.cost_unknown_models).toEqual(['m1', 'm2'])
  })

  it('refuses a missing shard', () => {
    const [a, , c] = shardReports(3)
    expect(() => mergeReports([a, c], ['a.json', 'c.json'], given)).toThrow('shard 2/3 is missing')
    expect(() => mergeReports([a, c], ['a.json', 'c.json'], given)).toThrow(InputError)
  })

  it('refuses a shard given twice', () => {
    const [a, b] = shardReports(2)
    const error = catchError(() => mergeReports([a, a, b], ['a.json', 'a-copy.json', 'b.json'], given))
    expect(error.message).toContain('shard 1/2 given twice (a.json, a-copy.json)')
    expect(error.message).not.toContain('is in both')
  })

  it('refuses a shard of another task set', () => {
    const [a] = shardReports(2)
    const [, other] = shardReports(2, allTasks.slice(1))
    expect(() => mergeReports([a, other], ['a.json', 'b.json'], given)).toThrow('b.json is from another task set')
  })

  it('refuses shards of a different count', () => {
    const [a] = shardReports(2)
    const [, b] = shardReports(3)
    expect(() => mergeReports([a, b], ['a.json', 'b.json'], given)).toThrow('b.json is a shard of 3, a.json of 2')
  })

  it('refuses a report that is not a shard', () => {
    const [a] = shardReports(2)
    const whole = reportOf({ tasks: allTasks, gate: rules, workflows, repeat: 1 })
    expect(() => mergeReports([a, whole], ['a.json', 'whole.json'], given)).toThrow('whole.json is not a shard report')
  })

  it('refuses shards run with other rules, repeat or commit', () => {
    const [a, b] = shardReports(2)
    const otherGate = { ...b, gate: gate() }
    expect(() => mergeReports([a, otherGate], ['a.json', 'b.json'], given)).toThrow(
      'b.json was run with other gate rules than thresholds.yml gives: rules.max_drop.T1 (not set) there, 0.05 in thresholds.yml; rules.tiers.T1.min_success 0.92 there, 0.9 in thresholds.yml; rules.tiers.T2.min_success 0.8 there, 0.75 in thresholds.yml'
    )
    expect(() => mergeReports([a, { ...b, repeat: 3 }], ['a.json', 'b.json'], given)).toThrow(
      'b.json was run with --repeat 3, a.json with --repeat 1'
    )
    expect(() => mergeReports([a, { ...b, commit: 'def' }], ['a.json', 'b.json'], given)).toThrow(
      'b.json is from commit def, a.json from abc'
    )
  })

  it('refuses a task found in two shards', () => {
    const [a, b] = shardReports(2)
    const moved = { ...b, tasks: [...b.tasks.slice(1), a.tasks[0]] }
    const { workflow, id } = a.tasks[0]
    expect(() => mergeReports([a, moved], ['a.json', 'b.json'], given)).toThrow(
      `task ${workflow}/${id} is in both a.json and b.json`
    )
  })

  it('refuses shards that do not add up to the set', () => {
    const [a, b] = shardReports(2)
    const short = { ...b, tasks: b.tasks.slice(1) }
    expect(() => mergeReports([a, short], ['a.json', 'b.json'], given)).toThrow(
      `the shards hold ${allTasks.length - 1} tasks, but their task set has ${allTasks.length}`
    )
  })

  it('merges a single shard of one', () => {
    const [only] = shardReports(1, [task('a')])
    expect(mergeReports([only], ['only.json'], given).decision).toBe('pass')
  })
})

describe('mergeReports: a shard report edited between the shard and the merge', () => {
  const message = (fn: () => unknown) => catchError(fn).message

  it('refuses a task status its attempts contradict', () => {
    const [a, b] = shardReports(2)
    const i = b.tasks.findIndex((t) => t.status === 'fail')
    const lying = { ...b, tasks: b.tasks.map((t, j) => (j === i ? { ...t, status: 'pass' as const, reasons: [] } : t)) }
    const key = `${b.tasks[i].workflow}/${b.tasks[i].id}`
    expect(message(() => mergeReports([a, lying], names(2), given))).toContain(
      `shard-2.json: task ${key} says "pass", but its attempts (1 run, 0 passed) make it "fail"`
    )
    const counted = {
      ...b,
      tasks: b.tasks.map((t, j) =>
        j === i ? { ...t, status: 'error' as const, attempts: { total: 2, passed: 1, errored: 0 } } : t
      )
    }
    expect(message(() => mergeReports([a, counted], names(2), given))).toContain(
      `task ${key} says "error", but its attempts (2 run, 1 passed, 0 errored) make it "fail"`
    )
    const impossible = {
      ...b,
      tasks: b.tasks.map((t, j) => (j === i ? { ...t, attempts: { total: 1, passed: 1, errored: 1 } } : t))
    }
    expect(message(() => mergeReports([a, impossible], names(2), given))).toContain(
      `task ${key} has more passed and errored attempts than attempts (1 run, 1 passed, 1 errored)`
    )
  })

  it('refuses more attempts than the rules allow', () => {
    const [a, b] = shardReports(2)
    const padded = { ...b, tasks: b.tasks.map((t, j) => (j === 0 ? { ...t, attempts: { total: 2, passed: 2 } } : t)) }
    expect(message(() => mergeReports([a, padded], names(2), given))).toMatch(
      /task \S+ ran 2 attempts, more than the 1 of --repeat 1/
    )
    const adaptive = { gate: rules, source: 'thresholds.yml' }
    const [c, d] = shardReports(2, allTasks, { repeat: undefined }).map((r, k) =>
      k === 1
        ? {
            ...r,
            tasks: r.tasks.map((t, j) =>
              j === 0
                ? { ...t, status: 'pass' as const, reasons: [], attempts: { total: 9, passed: 9, errored: 0 } }
                : t
            )
          }
        : r
    )
    expect(message(() => mergeReports([c, d], names(2), adaptive))).toMatch(
      /task \S+ ran 9 attempts, more than the 5 its tier's max_attempts allows/
    )
  })

  it('refuses a fabricated task id in place of a failing task', () => {
    const [a, b] = shardReports(2)
    const i = b.tasks.findIndex((t) => t.status === 'fail')
    const swapped = {
      ...b,
      tasks: b.tasks.map((t, j) =>
        j === i ? { ...t, id: 'made-up', status: 'pass' as const, reasons: [], attempts: { total: 1, passed: 1 } } : t
      )
    }
    expect(message(() => mergeReports([a, swapped], names(2), given))).toContain(
      "the shards' tasks are not the task set they were cut from"
    )
  })

  it('refuses shards whose rules differ from the file, even when they agree with each other', () => {
    const loose = gate({ rules: { tiers: { T1: { min_success: 0.5 } }, max_drop: {} } })
    const shards = shardReports(2, allTasks, { gate: loose })
    const text = message(() => mergeReports(shards, names(2), given))
    expect(text).toContain('shard-1.json was run with other gate rules than thresholds.yml gives: ')
    expect(text).toContain('shard-2.json was run with other gate rules than thresholds.yml gives: ')
    expect(text).toContain('rules.tiers.T1.min_success 0.5 there, 0.9 in thresholds.yml')
  })

  it("decides by the file's rules, and records them", () => {
    const merged = mergeReports(shardReports(2), names(2), given)
    expect(merged.gate).toEqual(rules)
  })

  it('against the golden set: refuses a task it does not hold, a changed tier or risk, and a short set', () => {
    const golden = new Map(allTasks.map((t) => [`${t.workflow}/${t.id}`, { tier: t.tier, risk: t.risk }]))
    const withGolden = (tasks: typeof golden, whole = true) => ({
      ...given,
      golden: { tasks, label: 'golden-tasks', whole }
    })
    expect(mergeReports(shardReports(2), names(2), withGolden(golden)).decision).toBe('pass')

    const [a, b] = shardReports(2)
    const moved = { ...b, tasks: b.tasks.map((t, j) => (j === 0 ? { ...t, tier: 'T3' as const } : t)) }
    const key = `${b.tasks[0].workflow}/${b.tasks[0].id}`
    expect(message(() => mergeReports([a, moved], names(2), withGolden(golden)))).toContain(
      `task ${key} is T3, ${b.tasks[0].risk} risk in its shard report, ${b.tasks[0].tier}, ${b.tasks[0].risk} risk in golden-tasks`
    )
    // A consistent rewrite (ids and the set's hash alike) is caught by the golden set.
    const fewer = new Map(golden)
    fewer.delete(key)
    expect(message(() => mergeReports([a, b], names(2), withGolden(fewer)))).toContain(
      `task ${key} is not a golden task of golden-tasks`
    )
    const more = new Map(golden).set('refunds/extra', { tier: 'T1', risk: 'low' })
    expect(message(() => mergeReports([a, b], names(2), withGolden(more)))).toContain(
      `the shards hold ${allTasks.length} tasks, golden-tasks has ${allTasks.length + 1}`
    )
    expect(mergeReports([a, b], names(2), withGolden(more, false)).decision).toBe('pass')
  })

  it('refuses shards holding different records of one baseline', () => {
    const [a, b] = shardReports(2)
    const edited = { ...b, baseline: { ...b.baseline!, statuses: {} } }
    expect(message(() => mergeReports([a, edited], names(2), given))).toContain(
      'the shards hold different records of the baseline main/report.json'
    )
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
