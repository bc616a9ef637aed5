// The action's `readiness` input, through dist/index.js on workflow_dispatch: `report` (default)
// shows the checklist, `strict` fails the gate on a missing section (a run and a merge alike).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { bareProject } from '../cli/readiness-project.js'
import { errorLines, expectNoStackTrace } from './fake-setup.js'
import { runAction } from './run-action.js'

let gh: FakeGitHub
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(() => gh.close())

const dispatch = (dir: string, inputs: Record<string, string> = {}) =>
  runAction({ cwd: dir, apiUrl: gh.url, event: 'workflow_dispatch', payload: {}, inputs: { repeat: '1', ...inputs } })

const MISSING_MANIFEST = /^readiness: §1 workflow manifest missing — no description; no input sources/

describe('input readiness', () => {
  it('default report: the checklist is in the report and the summary, and decides nothing', async () => {
    const dir = bareProject()
    const run = await dispatch(dir)
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('pass')
    const report = JSON.parse(readFileSync(join(dir, 'evalgate-report/report.json'), 'utf8'))
    expect(report.readiness).toMatchObject({ met: 0, partial: 4, missing: 6 })
    expect(run.summary).toContain('### Readiness — 0 met, 4 partial, 6 missing')
  })

  it('strict: a bare manifest fails the gate, each missing section a reason', async () => {
    const dir = bareProject()
    const run = await dispatch(dir, { readiness: 'strict' })
    expectNoStackTrace(run)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    const report = JSON.parse(readFileSync(join(dir, 'evalgate-report/report.json'), 'utf8'))
    expect(report.decision).toBe('fail')
    expect(report.reasons[0]).toMatch(MISSING_MANIFEST)
    expect(report.reasons.filter((r: string) => r.startsWith('readiness: '))).toHaveLength(6)
    expect(run.summary).toContain('**evalgate: FAIL** — readiness: §1 workflow manifest missing')
    expect(gh.latestStatus('f'.repeat(40))).toMatchObject({ state: 'failure' })
  })

  it('strict in mode merge: the merged gate fails the same way', async () => {
    const dir = bareProject()
    const shard = await dispatch(dir, { shard: '1/1', out: 'evalgate-shards/shard-1' })
    expect(shard.code).toBe(0)
    const merged = await dispatch(dir, { mode: 'merge', readiness: 'strict' })
    expectNoStackTrace(merged)
    expect(merged.outputs.decision).toBe('fail')
    const report = JSON.parse(readFileSync(join(dir, 'evalgate-report/report.json'), 'utf8'))
    expect(report.reasons[0]).toMatch(MISSING_MANIFEST)
  })

  it('a value that is not a mode: decision error, saying which exist', async () => {
    const run = await dispatch(bareProject(), { readiness: 'on' })
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('error')
    expect(errorLines(run).join('\n')).toContain('input readiness must be one of report, strict, not "on"')
  })
})
