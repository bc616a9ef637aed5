import { describe, expect, it } from '@jest/globals'
import { asOnBase, type PrProject } from '../../src/base/as-on-base.js'
import type { BaseProject } from '../../src/base/snapshot.js'
import type { LoadedTask } from '../../src/load/task-schema.js'
import type { Workflow } from '../../src/model/types.js'
import { reportOf } from '../helpers/report-of.js'
import { task as result } from '../gate/make.js'
import { task, thresholds, tiers, workflow } from './builders.js'

const SHA = 'abc1234def5678901234567890abcdef12345678'

function pr(workflows: Workflow[], tasks: LoadedTask[], rules = tiers(0.5)): PrProject {
  return { workflows, tasks, thresholds: thresholds({ rules }), manifestPath: (w) => w.source.file }
}

function base(
  workflows: Workflow[],
  tasks: LoadedTask[],
  rules: ReturnType<typeof tiers> | null = tiers(0.9)
): BaseProject {
  return {
    source: { sha: SHA, via: 'git' },
    ...(rules ? { thresholds: thresholds({ rules }) } : {}),
    workflows,
    tasks,
    manifestPaths: new Map(workflows.map((w) => [w.name, w.source.file])),
    notes: []
  }
}

describe('asOnBase', () => {
  it('counts PR tasks unchanged or added and the base forms of removed and changed tasks; PR forms run beside', () => {
    const changedPr = task('changed', { expected: { label: 'wrong', actions_match: 'superset' } })
    const judged = asOnBase(
      pr([workflow('wf')], [task('same'), changedPr, task('added')]),
      base([workflow('wf')], [task('same'), task('changed'), task('removed')])
    )
    expect(judged.counted.map((t) => `${t.id}:${t.expected.label}`)).toEqual([
      'same:ok',
      'changed:ok',
      'added:ok',
      'removed:ok'
    ])
    expect(judged.prForms).toEqual([changedPr])
    expect(judged.thresholds.rules.tiers.T1?.min_success).toBe(0.9)
    expect(judged.changes).toMatchObject({
      base: { sha: SHA, via: 'git' },
      thresholds: [{ rule: 'tiers.T1.min_success', base: 0.9, pr: 0.5, applied: 'base' }],
      tasks: {
        added: [{ workflow: 'wf', id: 'added' }],
        removed: [{ workflow: 'wf', id: 'removed' }],
        changed: [{ workflow: 'wf', id: 'changed', fields: ['expected'] }]
      }
    })
  })

  it("runs a renamed workflow's base tasks under its PR name", () => {
    const renamed = workflow('wf2', { source: { file: 'golden-tasks/wf/workflow.yml', line: 1 } })
    const judged = asOnBase(pr([renamed], []), base([workflow('wf')], [task('t1', { workflow: 'wf' })]))
    expect(judged.counted.map((t) => `${t.workflow}/${t.id}`)).toEqual(['wf2/t1'])
    expect(judged.changes.workflows.renamed).toEqual([{ from: 'wf', to: 'wf2' }])
    expect(judged.changes.tasks.removed).toEqual([{ workflow: 'wf2', id: 't1' }])
  })

  it('a removed workflow makes the gate fail with the reason', () => {
    const judged = asOnBase(pr([workflow('wf')], [task('t')]), base([workflow('wf'), workflow('other')], [task('t')]))
    expect(judged.changes.workflows.removed).toEqual(['other'])
    const report = reportOf({
      tasks: [result('t', { workflow: 'wf' })],
      gate: { rules: judged.thresholds.rules, workflows: judged.thresholds.workflows, max_error_rate: 0.1 },
      workflows: [],
      repeat: 1,
      gateChanges: judged.changes
    })
    expect(report.decision).toBe('fail')
    expect(report.reasons[0]).toBe(
      'workflow other was removed in this PR; its golden tasks cannot run without it — an approver may override'
    )
    expect(report.gate_changes).toBe(judged.changes)
  })

  it('with --workflow, base workflows the run does not select are not removed', () => {
    const judged = asOnBase(
      pr([workflow('wf')], [task('t')]),
      base([workflow('wf'), workflow('other')], [task('t')]),
      'wf'
    )
    expect(judged.changes.workflows.removed).toEqual([])
  })

  it("the PR that adds evalgate: the PR's rules, every task added, first_run", () => {
    const mine = pr([workflow('wf')], [task('a'), task('b')])
    mine.thresholds.override = { ...mine.thresholds.override, approvers: ['author-friend'], allow_author: true }
    const judged = asOnBase(mine, base([], [], null))
    // The PR's rules, but not the approvers it names for itself.
    expect(judged.thresholds).toEqual({ ...mine.thresholds, override: { ...mine.thresholds.override, approvers: [] } })
    expect(judged.changes).toMatchObject({ first_run: true, thresholds: [], workflows: { added: ['wf'] } })
    expect(judged.changes.tasks.added).toHaveLength(2)
  })

  it("redacts a changed task's diff with the workflow's rules, the base's included", () => {
    const governed = workflow('wf', { data_governance: { redact: [{ name: 'email', pattern: '[a-z]+@[a-z.]+' }] } })
    const judged = asOnBase(
      pr([workflow('wf')], [task('t', { input: { email: 'new@example.com' } })]),
      base([governed], [task('t', { input: { email: 'old@example.com' } })])
    )
    expect(judged.changes.tasks.changed[0].diff).toEqual(['input.email: "[REDACTED:email]" -> "[REDACTED:email]"'])
    expect(judged.changes.notes).toEqual(['wf: redaction rule "email" was removed in this PR; it still applies'])
  })
})
