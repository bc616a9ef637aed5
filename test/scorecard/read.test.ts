import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/util/problems.js'
import { readScorecardReports } from '../../src/scorecard/read.js'
import { week1, week2, week3 } from './series.js'

let dir: string
const path = (name: string) => join(dir, name)
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-scorecard-read-'))
  await writeFile(path('w1.json'), JSON.stringify(week1))
  await writeFile(path('w2.json'), JSON.stringify(week2))
  await writeFile(path('w3.json'), JSON.stringify(week3))
  await writeFile(path('same-time.json'), JSON.stringify({ ...week3, commit: 'later-given' }))
  await writeFile(
    path('shard.json'),
    JSON.stringify({ ...week1, shard: { index: 1, count: 3, set_hash: 'h', set_size: 9 } })
  )
  await writeFile(path('not-a-report.json'), JSON.stringify({ hello: 'world' }))
  await writeFile(path('bad-date.json'), JSON.stringify({ ...week1, created_at: 'last tuesday' }))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function problems(files: string[]): Promise<string[]> {
  const error = await readScorecardReports(files).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(InputError)
  return (error as InputError).problems.map((p) => `${p.file}: ${p.message}`)
}

describe('readScorecardReports', () => {
  it('orders the reports by created_at, oldest first, whatever the order given', async () => {
    const series = await readScorecardReports([path('w3.json'), path('w1.json'), path('w2.json')])
    expect(series.map((s) => s.file)).toEqual([path('w1.json'), path('w2.json'), path('w3.json')])
    expect(series[0].report).toEqual(week1)
  })

  it('keeps the given order of reports created at the same moment', async () => {
    const series = await readScorecardReports([path('same-time.json'), path('w3.json'), path('w1.json')])
    expect(series.map((s) => s.file)).toEqual([path('w1.json'), path('same-time.json'), path('w3.json')])
  })

  it('names every file that is not a report, a shard or without a date, all at once', async () => {
    const found = await problems([
      path('not-a-report.json'),
      path('w1.json'),
      path('shard.json'),
      path('missing.json'),
      path('bad-date.json')
    ])
    expect(found).toHaveLength(4)
    expect(found[0]).toMatch(new RegExp(`^${path('not-a-report.json')}: not an evalgate report: `))
    expect(found[1]).toBe(`${path('shard.json')}: is shard 2/3 of a run: merge the shards first (evalgate merge)`)
    expect(found[2]).toBe(`${path('missing.json')}: file not found`)
    expect(found[3]).toBe(`${path('bad-date.json')}: created_at "last tuesday" is not a date`)
  })
})
