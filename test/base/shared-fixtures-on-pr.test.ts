// Issue 15 on a pull request (PRODUCT.md section 6): the shared fixtures are golden-set data, so
// the base's apply (its fixtures_file read from the base commit), and a field is left unredacted
// only when base and PR both list it in redact_ignore. A whole run from source, judged as on a
// real git base commit.
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { gitCommitSource } from '../../src/base/git-source.js'
import { workflowAsOnBase } from '../../src/base/workflow-as-on-base.js'
import type { Report } from '../../src/model/types.js'
import { evaluate } from '../../src/run/evaluate.js'
import { fixtureAgentFiles } from '../run/fixture-agent-run.js'
import { gitRepo } from '../helpers/git-repo.js'
import { workflow } from './builders.js'

const manifest = (ignore: string[]) =>
  [
    'name: refunds',
    'permissions:',
    '  lookup_order: { scope: read, risk: low }',
    '  issue_refund: { scope: write, risk: high }',
    'data_governance: { redact: [email] }',
    `redact_ignore: [${ignore.join(', ')}]`,
    'fixtures_file: catalogue.yml',
    'agent:',
    '  type: command',
    `  command: ["${process.execPath}", "../../agents/careful.mjs"]`,
    ''
  ].join('\n')

const catalogue = (total: number) =>
  [`lookup_order: { order_id: o1, total: ${total} }`, 'issue_refund: { refunded: true }', ''].join('\n')

const TASKS = [
  '- id: refund-o1',
  '  tier: T1',
  '  risk: high',
  '  input: { order_id: o1, customer: { item_id: SKU-1, email: ann@example.com } }',
  '  expected:',
  '    label: refund_approved',
  '    actions: [{ tool: issue_refund, args: { order_id: o1, amount: 25 } }]',
  ''
].join('\n')

const dirs: string[] = []
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

describe('shared fixtures and redact_ignore on a pull request', () => {
  it("a PR that changes the shared fixtures or adds redact_ignore is judged by the base's", async () => {
    const repo = gitRepo({
      'thresholds.yml': 'tiers: { T1: 0.5 }\nbudgets: { task_timeout_s: 10 }\n',
      ...fixtureAgentFiles(['careful.mjs', 'refund-steps.mjs', 'read-stdin.mjs']),
      'golden-tasks/refunds/workflow.yml': manifest(['item_id']),
      'golden-tasks/refunds/catalogue.yml': catalogue(25),
      'golden-tasks/refunds/tasks.yaml': TASKS
    })
    dirs.push(repo.dir)
    const base = repo.commit('base')
    // The PR's catalogue would make the agent refund 99 (and fail the task); its manifest would
    // leave e-mail addresses unredacted.
    repo.write({
      'golden-tasks/refunds/workflow.yml': manifest(['item_id', 'email']),
      'golden-tasks/refunds/catalogue.yml': catalogue(99)
    })
    repo.commit('pr')

    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const out = join(repo.dir, 'out')
    try {
      await evaluate({
        tasksDir: join(repo.dir, 'golden-tasks'),
        thresholdsFile: join(repo.dir, 'thresholds.yml'),
        outDir: out,
        concurrency: 1,
        repeat: 1,
        repoRoot: repo.dir,
        base: (await gitCommitSource(repo.dir, base))!
      })
    } finally {
      stdout.mockRestore()
    }
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report
    expect(report.tasks.map((t) => [t.id, t.status, t.reasons])).toEqual([['refund-o1', 'pass', []]])
    expect(report.gate_changes?.notes).toEqual(
      expect.arrayContaining([
        'refunds: redact_ignore "email" was added in this PR: its values are still redacted until it merges',
        "refunds: the shared fixtures changed in this PR: the base's apply until it merges"
      ])
    )
    const traces = readFileSync(join(out, 'traces.jsonl'), 'utf8')
    expect(traces).toContain('{"order_id":"o1","total":25}')
    expect(traces).not.toContain('ann@example.com')
    expect(traces).toContain('[REDACTED:email]')
    // Ignored on both sides: left as it is.
    expect(traces).toContain('"item_id":"SKU-1"')
  }, 60_000)

  it('workflowAsOnBase: fixtures and redact_ignore as on the base, whatever the PR says', () => {
    const fixtures = { lookup_order: { kind: 'value' as const, value: { total: 25 } } }
    const pr = workflow('wf', {
      fixtures: { lookup_order: { kind: 'value', value: { total: 99 } } },
      redact_ignore: ['item_id', 'email']
    })
    const judged = workflowAsOnBase(pr, workflow('wf', { fixtures, redact_ignore: ['item_id', 'product_id'] }))
    expect(judged.workflow.fixtures).toBe(fixtures)
    expect(judged.workflow.redact_ignore).toEqual(['item_id'])

    // The PR adds shared fixtures or an ignore list the base lacks: neither applies.
    const bare = workflowAsOnBase(pr, workflow('wf'))
    expect(bare.workflow.fixtures).toBeUndefined()
    expect(bare.workflow.redact_ignore).toBeUndefined()
    expect(bare.notes).toEqual([
      'redact_ignore "item_id" was added in this PR: its values are still redacted until it merges',
      'redact_ignore "email" was added in this PR: its values are still redacted until it merges',
      "the shared fixtures changed in this PR: the base's apply until it merges"
    ])

    // Unchanged: no note; a workflow new in the PR keeps its own.
    expect(workflowAsOnBase(workflow('wf', { fixtures }), workflow('wf', { fixtures })).notes).toEqual([])
    expect(workflowAsOnBase(pr, undefined).workflow.fixtures).toBe(pr.fixtures)
  })
})
