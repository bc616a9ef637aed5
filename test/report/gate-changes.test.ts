import { describe, expect, it } from '@jest/globals'
import { pageStart } from '../../src/html/page.js'
import type { GateChanges, TaskResult } from '../../src/model/types.js'
import { reportOf } from '../helpers/report-of.js'
import { mergeReports } from '../../src/report/merge.js'
import { parseReport } from '../../src/report/read-report.js'
import { shardTasks, taskSetHash } from '../../src/report/shard.js'
import { renderSummary } from '../../src/report/summary.js'
import { gate, tier } from '../gate/make.js'

const SHA = 'abc1234def5678901234567890abcdef12345678'
const workflows = [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: 0 }]

function changes(overrides: Partial<GateChanges> = {}): GateChanges {
  return {
    base: { sha: SHA, via: 'git' },
    thresholds: [],
    tasks: { added: [], removed: [], changed: [] },
    workflows: { renamed: [], added: [], removed: [] },
    permissions: [],
    endpoints: [],
    notes: [],
    ...overrides
  }
}

const report = (gateChanges?: GateChanges, tasks: TaskResult[] = tier('T1', 10, 0)) =>
  reportOf({ tasks, gate: gate(), workflows, repeat: 1, gateChanges })

const hostile = changes({
  thresholds: [{ rule: 'tiers.T1.min_success', base: 0.92, pr: 0.5, applied: 'base' }],
  tasks: {
    added: [{ workflow: 'refunds', id: 'new-1' }],
    removed: [{ workflow: 'refunds', id: 't1-f0' }],
    changed: [
      {
        workflow: 'refunds',
        id: 'ref`und-7',
        fields: ['expected'],
        diff: ['expected.label: "refund_denied" -> "refund_approved"', '```</details>'],
        pr_form: { status: 'pass', reasons: [] }
      }
    ]
  },
  permissions: [{ workflow: 'refunds', tool: 'issue_refund', change: 'scope write -> read in this PR: stays write' }]
})

describe('the gate changes in summary.md', () => {
  it('is one line when the PR changed nothing about its gate', () => {
    const md = renderSummary(report(changes()))
    expect(md).toContain('\n\nGate rules and golden tasks as on base `abc1234`\n\n')
    expect(md).not.toContain('Changes to the gate')
  })

  it('is absent without a base commit', () => {
    expect(renderSummary(report())).not.toContain('as on base')
  })

  it('lists thresholds base -> PR, tasks with their diff and PR form, and permission changes', () => {
    const md = renderSummary(report(hostile))
    expect(md).toContain('### Changes to the gate in this PR')
    expect(md).toContain(
      'Judged as on base `abc1234` (read through git): 1 threshold rule changed, 1 golden task added, 1 golden task removed, 1 golden task changed, 1 permission change.'
    )
    expect(md).toContain("- `tiers.T1.min_success`: 0.92 -> 0.5 — the base's applies")
    expect(md).toContain('they still run in their base form and count: `t1-f0`')
    expect(md).toContain('they run and count: `new-1`')
    // Untrusted text cannot close the code it is shown in.
    expect(md).toContain('- ``ref`und-7`` (expected) — PR form: **pass**')
    expect(md).toContain('  ````\n  expected.label: "refund_denied" -> "refund_approved"\n  ```</details>\n  ````')
    expect(md).toContain('- `refunds` `issue_refund`: scope write -> read in this PR: stays write')
  })

  it('folds a long section into <details>', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      workflow: 'refunds',
      tool: `tool_${i}`,
      change: 'removed in this PR'
    }))
    const md = renderSummary(report(changes({ permissions: many })))
    expect(md).toMatch(/permission changes\.\n\n<details><summary>What changed<\/summary>\n\n\*\*Permission matrix/)
    expect(md).toContain('- `refunds` `tool_19`: removed in this PR\n\n</details>')
  })

  it('says when the base has no thresholds file, and a removed workflow fails the gate with the reason', () => {
    const md = renderSummary(
      report(changes({ first_run: true, workflows: { renamed: [], added: [], removed: ['billing'] } }))
    )
    expect(md.split('\n')[0]).toBe(
      '**evalgate: FAIL** — workflow billing was removed in this PR; its golden tasks cannot run without it — an approver may override'
    )
    expect(md).toContain(
      'The base `abc1234` has no thresholds file: this PR adds the gate, so its own rules apply (no override until they are merged: a PR cannot name its own approvers).'
    )
    expect(md).toContain('- `billing` removed: its golden tasks cannot run, so the gate fails')
  })
})

describe('the gate changes in report.json and report.html', () => {
  it('survive reading the report back', () => {
    const written = JSON.parse(JSON.stringify(report(hostile)))
    expect(parseReport(written, 'report.json').gate_changes).toEqual(hostile)
  })

  it("survive a merge: the first shard's record, with each PR form from the shard that ran it", () => {
    const tasks = tier('T1', 9, 1)
    const hash = taskSetHash(tasks)
    // The second shard ran the changed task's PR form; the first did not.
    const shards = [0, 1].map((index) => {
      const own = structuredClone(hostile)
      if (index === 0) delete own.tasks.changed[0].pr_form
      else own.tasks.changed[0].pr_form = { status: 'fail', reasons: ['wrong label'] }
      const shard = { index, count: 2, set_hash: hash, set_size: 10 }
      return reportOf({
        tasks: shardTasks(tasks, index, 2),
        gate: gate(),
        workflows,
        repeat: 1,
        gateChanges: own,
        shard
      })
    })
    const merged = mergeReports(shards, ['a.json', 'b.json'], { gate: gate(), source: 'thresholds.yml' })
    expect(merged.gate_changes?.tasks.changed[0].pr_form).toEqual({ status: 'fail', reasons: ['wrong label'] })
    expect(merged.gate_changes?.thresholds).toEqual(hostile.thresholds)
  })

  it('a merge refuses shards judged against different bases', () => {
    const tasks = tier('T1', 4, 0)
    const hash = taskSetHash(tasks)
    const shards = [0, 1].map((index) =>
      reportOf({
        tasks: shardTasks(tasks, index, 2),
        gate: gate(),
        workflows,
        repeat: 1,
        shard: { index, count: 2, set_hash: hash, set_size: 4 },
        ...(index === 0 ? { gateChanges: changes() } : {})
      })
    )
    expect(() => mergeReports(shards, ['a.json', 'b.json'], { gate: gate(), source: 'thresholds.yml' })).toThrow(
      /b\.json was judged against no base commit, a\.json against base abc1234/
    )
  })

  it('report.html has a small section with the changes', () => {
    const html = pageStart(report(hostile))
    expect(html).toContain('<section id="gate-changes"><h2>Changes to the gate in this PR</h2>')
    expect(html).toContain('<a href="#gate-changes">Gate changes</a>')
    expect(html).toContain(
      '<pre class="diff">expected.label: &quot;refund_denied&quot; -&gt; &quot;refund_approved&quot;\n```&lt;/details&gt;</pre>'
    )
    expect(pageStart(report(changes()))).toContain('Gate rules and golden tasks as on base <code>abc1234</code>')
    expect(pageStart(report())).not.toContain('gate-changes')
  })
})
