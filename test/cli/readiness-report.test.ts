// The readiness section of every report: report.json, summary.md and report.html of a run, scored
// with the run; a merge with the golden set scores it again with every shard's tasks.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { reportSchema } from '../../src/model/report.js'
import { runCli } from '../helpers/project.js'
import { completeProject, partialProject } from './readiness-project.js'

function outputs(dir: string, out = 'evalgate-report') {
  const read = (file: string) => readFileSync(join(dir, out, file), 'utf8')
  return {
    report: reportSchema.parse(JSON.parse(read('report.json'))),
    summary: read('summary.md'),
    html: read('report.html')
  }
}

describe('the readiness section of a run', () => {
  it('is in report.json, summary.md and report.html, scored with what the run recorded', async () => {
    const dir = completeProject()
    const run = await runCli(['run', '--repeat', '1'], dir)
    expect(run.stderr).not.toContain('internal error')
    expect(run.code).toBe(0)
    const { report, summary, html } = outputs(dir)
    const readiness = report.readiness!
    expect(readiness.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(readiness).toMatchObject({ met: 9, partial: 1, missing: 0 })
    expect(readiness.sections.find((s) => s.status === 'partial')!.id).toBe('cost_controls')
    const tracing = readiness.sections.find((s) => s.id === 'tracing')!
    expect(tracing.evidence).toContain('this run traced 3 tool calls over 3 tasks')
    const escalation = readiness.sections.find((s) => s.id === 'escalation_fallback')!
    expect(escalation.evidence).toContain("kill switch env REFUNDS_OFF: this run's drill passed on 2 tasks")
    // Without strict, the checklist never decides.
    expect(report.decision).toBe('pass')
    expect(report.reasons.some((r) => r.startsWith('readiness:'))).toBe(false)

    expect(summary).toContain('### Readiness — 9 met, 1 partial, 0 missing')
    expect(summary).toContain('| §8 cost controls | **partial** | no budgets.max_cost_per_success_usd')
    expect(summary).toContain('| §1 workflow manifest | met | — |')
    expect(summary.indexOf('### Readiness')).toBeLessThan(summary.indexOf('### Totals'))

    expect(html).toContain('<section id="readiness">')
    expect(html).toContain('<a href="#readiness">Readiness</a>')
    expect(html).toMatch(
      /<tr data-section="cost_controls"><td>§8 cost controls<\/td><td><span class="badge [a-z]+">partial<\/span>/
    )
  })

  it('a merge with --tasks scores it with every shard’s tasks; without, it keeps the first shard’s', async () => {
    const dir = partialProject()
    for (const shard of ['1/2', '2/2']) {
      const res = await runCli(['run', '--repeat', '1', '--shard', shard, '--out', `shard-${shard[0]}`], dir)
      expect(res.code).toBe(0)
    }
    const shards = ['shard-1/report.json', 'shard-2/report.json']
    const withTasks = await runCli(['merge', ...shards, '--tasks', 'golden-tasks', '--out', 'merged'], dir)
    expect(withTasks.code).toBe(0)
    const merged = outputs(dir, 'merged').report.readiness!
    expect(merged.sections.find((s) => s.id === 'tracing')!.evidence).toContain(
      'this run traced 2 tool calls over 2 tasks'
    )

    const alone = await runCli(['merge', ...shards, '--out', 'alone'], dir)
    expect(alone.code).toBe(0)
    expect(outputs(dir, 'alone').report.readiness).toEqual(outputs(dir, 'shard-1').report.readiness)
    expect(outputs(dir, 'alone').summary).toContain('### Readiness — 2 met, 7 partial, 1 missing')
  })
})
