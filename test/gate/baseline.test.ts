import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkBaselineTiers } from '../../src/gate/baseline.js'
import { loadBaseline } from '../../src/report/read-report.js'
import { InputError } from '../../src/util/problems.js'
import { reportOf } from '../helpers/report-of.js'
import { writeReportFiles } from '../../src/report/write.js'
import { gate, task, tier } from './make.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-baseline-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const build = (shard?: { index: number; count: number; set_hash: string; set_size: number }) =>
  reportOf({
    tasks: [...tier('T1', 3, 1), task('t2', { tier: 'T2', status: 'error' })],
    gate: gate(),
    workflows: [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: 5 }],
    repeat: 1,
    shard
  })

describe('loadBaseline', () => {
  it('reads the tier rates and task statuses of a report', async () => {
    const { report: reportPath } = await writeReportFiles(join(dir, 'main'), build())
    const baseline = await loadBaseline(reportPath)
    expect(baseline.file).toBe(reportPath)
    expect(baseline.tiers).toEqual([
      { workflow: 'refunds', tier: 'T1', success_rate: 0.75 },
      { workflow: 'refunds', tier: 'T2', success_rate: 0 }
    ])
    expect(baseline.statuses).toEqual({
      'refunds/t1-p0': 'pass',
      'refunds/t1-p1': 'pass',
      'refunds/t1-p2': 'pass',
      'refunds/t1-f0': 'fail',
      'refunds/t2': 'error'
    })
  })

  it('says which file is not a report', async () => {
    const notJson = join(dir, 'not.json')
    await writeFile(notJson, 'hello')
    await expect(loadBaseline(notJson)).rejects.toThrow(InputError)
    await expect(loadBaseline(notJson)).rejects.toThrow(`${notJson}: not an evalgate report: not valid JSON`)
    const wrongShape = join(dir, 'shape.json')
    await writeFile(wrongShape, JSON.stringify({ version: 1, tiers: 'all good' }))
    await expect(loadBaseline(wrongShape)).rejects.toThrow(`${wrongShape}: not an evalgate report: tiers:`)
  })

  it('says when the file is missing', async () => {
    const missing = join(dir, 'nope.json')
    await expect(loadBaseline(missing)).rejects.toThrow(`${missing}: file not found`)
  })

  it('refuses a shard report as a baseline', async () => {
    const { report: reportPath } = await writeReportFiles(
      join(dir, 'shard'),
      build({ index: 0, count: 2, set_hash: 'abc', set_size: 10 })
    )
    await expect(loadBaseline(reportPath)).rejects.toThrow(/shard 1\/2 of a sharded run cannot be a baseline/)
  })
})

describe('a baseline of another workflow or task set', () => {
  const snapshot = {
    file: 'main/report.json',
    tiers: [
      { workflow: 'refunds', tier: 'T1' as const, success_rate: 0.9 },
      { workflow: 'refunds', tier: 'T2' as const, success_rate: 0.8 }
    ],
    statuses: {}
  }

  it('is refused when it has no tier in common with the run', () => {
    const run = [task('b1', { workflow: 'billing' }), task('b2', { workflow: 'billing', tier: 'T2' })]
    let error: unknown
    try {
      checkBaselineTiers(snapshot, run)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).problems).toEqual([
      {
        file: 'main/report.json',
        severity: 'error',
        message:
          'the baseline has no tier in common with this run: it has refunds T1, refunds T2, this run has billing T1, billing T2 (a report of another workflow or task set?)'
      }
    ])
  })

  it('is used where it can be when it has some of the tiers; the report names the others', () => {
    const run = [task('a'), task('c', { tier: 'T3' }), task('d', { workflow: 'billing' })]
    expect(() => checkBaselineTiers(snapshot, run)).not.toThrow()
    const report = reportOf({ tasks: run, gate: gate(), workflows: [], repeat: 1, baseline: snapshot })
    expect(report.baseline?.missing_tiers).toEqual([
      { workflow: 'billing', tier: 'T1' },
      { workflow: 'refunds', tier: 'T3' }
    ])
    const full = reportOf({ tasks: [task('a')], gate: gate(), workflows: [], repeat: 1, baseline: snapshot })
    expect(full.baseline?.missing_tiers).toBeUndefined()
  })
})
