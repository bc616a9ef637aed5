// `evalgate run --baseline` with a report of another workflow (nothing in common: refused, exit 2,
// before any agent runs) or of part of the tiers (a warning on top of the summary), through dist/cli.js.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'
import { baseFiles, manifest } from './base-project.js'

let dir: string
beforeAll(async () => {
  // The project: workflow wf with T1 (80%, fails 90%) and T2 (90%); beside it a copy named other.
  const files = baseFiles()
  dir = writeProject({
    ...files,
    'other/thresholds.yml': files['thresholds.yml'],
    'other/agent/agent.mjs': files['agent/agent.mjs'],
    'other/golden-tasks/other/workflow.yml': manifest('other'),
    'other/golden-tasks/other/tasks/t1.yaml': files['golden-tasks/wf/tasks/t1.yaml'],
    'other/golden-tasks/other/tasks/t2.yaml': files['golden-tasks/wf/tasks/t2.yaml']
  })
  expect((await runCli(['run', '--out', 'base-other', '--repeat', '1'], join(dir, 'other'))).code).toBe(1)
  expect((await runCli(['run', '--out', 'base-t1', '--repeat', '1', '--filter', 'tier=T1'], dir)).code).toBe(1)
})

describe('evalgate run --baseline of another workflow', () => {
  it('no tier in common: refused, exit 2, nothing run', async () => {
    const res = await runCli(
      ['run', '--out', 'out', '--repeat', '1', '--baseline', 'other/base-other/report.json'],
      dir
    )
    expect(res.stderr).not.toMatch(/\n\s+at /)
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(
      'other/base-other/report.json: the baseline has no tier in common with this run: it has other T1, other T2, this run has wf T1, wf T2 (a report of another workflow or task set?)'
    )
    expect(existsSync(join(dir, 'out', 'report.json'))).toBe(false)
  })

  it('some tiers missing: a warning on top of the summary and on stderr; the rest is compared', async () => {
    const res = await runCli(['run', '--out', 'out2', '--repeat', '1', '--baseline', 'base-t1/report.json'], dir)
    expect(res.code).toBe(1)
    expect(res.stderr).toContain(
      'warning: the baseline base-t1/report.json has no result for wf T2: not compared there (no max_drop)'
    )
    const summary = readFileSync(join(dir, 'out2', 'summary.md'), 'utf8').split('\n')
    expect(summary[2]).toBe(
      '> **Warning:** the baseline base-t1/report.json has no result for T2: that tier is not compared with it (no paired comparison, no `max_drop`).'
    )
    const report = JSON.parse(readFileSync(join(dir, 'out2', 'report.json'), 'utf8'))
    expect(report.baseline.missing_tiers).toEqual([{ workflow: 'wf', tier: 'T2' }])
    expect(report.tiers.find((t: { tier: string }) => t.tier === 'T1').baseline_rate).toBe(0.8)
  })
})
