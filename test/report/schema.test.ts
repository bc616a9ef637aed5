import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/util/problems.js'
import { reportOf } from '../helpers/report-of.js'
import { readReport } from '../../src/report/read-report.js'
import { writeReportFiles } from '../../src/report/write.js'
import { gate, task, tier } from '../gate/make.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-schema-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const sample = () =>
  reportOf({
    tasks: [...tier('T1', 2, 1), task('x', { tier: 'T3', cost_usd: null })],
    gate: gate(),
    workflows: [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: 4 }],
    repeat: 1,
    commit: 'abc'
  })

describe('writeReportFiles and readReport', () => {
  it('writes report.json and summary.md into a new folder and reads the report back unchanged', async () => {
    const report = sample()
    const out = join(dir, 'deep', 'out')
    const { report: reportPath, summary: summaryPath } = await writeReportFiles(out, report)
    expect(reportPath).toBe(join(out, 'report.json'))
    expect(await readFile(reportPath, 'utf8')).toBe(JSON.stringify(report, null, 2) + '\n')
    expect(await readFile(summaryPath, 'utf8')).toContain('**evalgate: FAIL**')
    expect(await readReport(reportPath)).toEqual(report)
  })

  it('keeps unknown extra keys', async () => {
    const data = JSON.parse(JSON.stringify(sample()))
    data.future_field = { a: 1 }
    data.tasks[0].trace_ref = 'traces.jsonl#1'
    const file = join(dir, 'extra.json')
    await writeFile(file, JSON.stringify(data))
    const read = (await readReport(file)) as unknown as Record<string, unknown> & { tasks: Record<string, unknown>[] }
    expect(read.future_field).toEqual({ a: 1 })
    expect(read.tasks[0].trace_ref).toBe('traces.jsonl#1')
  })

  it('names the file that is not JSON', async () => {
    const file = join(dir, 'garbage.json')
    await writeFile(file, '{ not json')
    const error = await readReport(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).problems[0].file).toBe(file)
    expect((error as InputError).message).toMatch(/^.*garbage\.json: not an evalgate report: not valid JSON/)
  })

  it('names the file and the field of a wrong shape', async () => {
    const data = JSON.parse(JSON.stringify(sample()))
    data.tasks[1].status = 'great'
    delete data.gate
    const file = join(dir, 'shape.json')
    await writeFile(file, JSON.stringify(data))
    const error = await readReport(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toContain(`${file}: not an evalgate report:`)
    expect((error as InputError).message).toContain('tasks.1.status')
    expect((error as InputError).message).toContain('gate')
  })

  it('reads failure_modes back, and a report written before they existed', async () => {
    const data = JSON.parse(JSON.stringify(sample()))
    expect(data.failure_modes).toEqual([{ cause: 'unclassified', label: 'unclassified', count: 1, tasks: ['t1-f0'] }])
    delete data.failure_modes
    const file = join(dir, 'older.json')
    await writeFile(file, JSON.stringify(data))
    expect((await readReport(file)).failure_modes).toBeUndefined()
    data.failure_modes = [{ cause: 'wrong_label', label: 'wrong label', count: -1, tasks: [] }]
    await writeFile(file, JSON.stringify(data))
    await expect(readReport(file)).rejects.toThrow('failure_modes.0.count')
  })

  it('names a missing file', async () => {
    const file = join(dir, 'missing.json')
    await expect(readReport(file)).rejects.toThrow(`${file}: file not found`)
  })
})
