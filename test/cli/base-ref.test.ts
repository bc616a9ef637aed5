// `evalgate run --base-ref REF` through the bundled CLI on real git repositories: a hostile pull
// request edits the working tree after the base commit, and the gate judges it as on the base.
// Like every CLI test it runs dist/cli.js: `npm run bundle` first.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gitRepo } from '../helpers/git-repo.js'
import { runCli } from '../helpers/project.js'
import { baseFiles, manifest, taskYaml, tierTasks, THRESHOLDS } from './base-project.js'

interface Report {
  decision: string
  reasons: string[]
  tasks: { id: string; workflow: string; status: string }[]
  tiers: { workflow: string; tier: string; total: number; passed: number; threshold: number | null }[]
  totals: { tasks: number }
  gate_changes?: {
    first_run?: boolean
    thresholds: { rule: string; base: unknown; pr: unknown; applied: string }[]
    tasks: {
      added: { id: string }[]
      removed: { id: string }[]
      changed: { id: string; fields: string[]; diff: string[]; pr_form?: { status: string } }[]
    }
    workflows: { renamed: { from: string; to: string }[] }
  }
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8')
const report = (dir: string, out: string): Report => JSON.parse(read(dir, `${out}/report.json`))

/** A repository whose base commit holds `files`, then edited by `edit` as a PR. */
function pullRequest(files: Record<string, string>, edit: (repo: ReturnType<typeof gitRepo>) => void) {
  const repo = gitRepo(files)
  const base = repo.commit('base')
  edit(repo)
  return { ...repo, base }
}

async function gate(dir: string, out: string, base?: string) {
  const res = await runCli(['run', '--out', out, ...(base ? ['--base-ref', base] : [])], dir)
  expect(res.stderr).not.toMatch(/\n\s+at /)
  return res
}

describe('evalgate run --base-ref', () => {
  it('a PR lowering T1 threshold keeps failing: the base rule applies', async () => {
    const pr = pullRequest(baseFiles(), (repo) => repo.write({ 'thresholds.yml': 'tiers:\n  T1: 0.5\n  T2: 0.8\n' }))
    expect((await gate(pr.dir, 'own')).code).toBe(0)
    const res = await gate(pr.dir, 'out', pr.base)
    expect(res.code).toBe(1)
    const r = report(pr.dir, 'out')
    expect(r.tiers.find((t) => t.tier === 'T1')?.threshold).toBe(0.9)
    expect(r.gate_changes?.thresholds).toEqual([{ rule: 'tiers.T1.min_success', base: 0.9, pr: 0.5, applied: 'base' }])
    const summary = read(pr.dir, 'out/summary.md')
    expect(summary).toMatch(/### Changes to the gate in this PR/)
    expect(summary).toContain("`tiers.T1.min_success`: 0.9 -> 0.5 — the base's applies")
  })

  it('a PR deleting the failing tasks keeps failing: they still run in their base form', async () => {
    const pr = pullRequest(baseFiles(), (repo) =>
      repo.write({ 'golden-tasks/wf/tasks/t1.yaml': taskYaml(tierTasks('T1', 10, 2).slice(2)) })
    )
    expect((await gate(pr.dir, 'own')).code).toBe(0)
    expect((await gate(pr.dir, 'out', pr.base)).code).toBe(1)
    const r = report(pr.dir, 'out')
    expect(r.totals.tasks).toBe(20)
    expect(r.tasks.filter((t) => t.status === 'fail').map((t) => t.id)).toEqual(['t1-0', 't1-1', 't2-0'])
    expect(r.gate_changes?.tasks.removed.map((t) => t.id)).toEqual(['t1-0', 't1-1'])
    expect(read(pr.dir, 'out/summary.md')).toMatch(/Golden tasks removed\*\* \(2\) — they still run in their base form/)
  })

  it('a PR rewriting expected keeps failing and shows the PR form beside', async () => {
    const tasks = tierTasks('T1', 10, 2).map((t, i) => (i < 2 ? { ...t, expected: 'wrong' } : t))
    const pr = pullRequest(baseFiles(), (repo) => repo.write({ 'golden-tasks/wf/tasks/t1.yaml': taskYaml(tasks) }))
    expect((await gate(pr.dir, 'own')).code).toBe(0)
    expect((await gate(pr.dir, 'out', pr.base)).code).toBe(1)
    const r = report(pr.dir, 'out')
    expect(r.tasks.find((t) => t.id === 't1-0')?.status).toBe('fail')
    expect(r.totals.tasks).toBe(20)
    expect(r.gate_changes?.tasks.changed).toEqual([
      {
        workflow: 'wf',
        id: 't1-0',
        fields: ['expected'],
        diff: ['expected.label: "ok" -> "wrong"'],
        pr_form: { status: 'pass', reasons: [] }
      },
      {
        workflow: 'wf',
        id: 't1-1',
        fields: ['expected'],
        diff: ['expected.label: "ok" -> "wrong"'],
        pr_form: { status: 'pass', reasons: [] }
      }
    ])
    const traces = read(pr.dir, 'out/traces.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    // 20 counted tasks in 2 rounds (issue 9: a deterministic agent), the 2 PR forms once.
    expect(traces).toHaveLength(42)
    expect(
      traces
        .filter((t) => t.form === 'pr')
        .map((t) => t.task_id)
        .sort()
    ).toEqual(['t1-0', 't1-1'])
    const summary = read(pr.dir, 'out/summary.md')
    expect(summary).toContain('`t1-0` (expected) — PR form: **pass**')
    expect(summary).toContain('expected.label: "ok" -> "wrong"')
  })

  it("shards the counted tasks; a changed task's PR form runs in its base form's shard and merge keeps it", async () => {
    const tasks = tierTasks('T1', 10, 2).map((t, i) => (i < 2 ? { ...t, expected: 'wrong' } : t))
    const pr = pullRequest(baseFiles(), (repo) => repo.write({ 'golden-tasks/wf/tasks/t1.yaml': taskYaml(tasks) }))
    for (const i of [1, 2]) {
      const res = await runCli(['run', '--out', `shard${i}`, '--shard', `${i}/2`, '--base-ref', pr.base], pr.dir)
      expect(res.stderr).not.toMatch(/\n\s+at /)
    }
    const shards = [1, 2].map((i) => report(pr.dir, `shard${i}`))
    expect(shards.map((s) => s.totals.tasks)).toEqual([10, 10])
    const merged = await runCli(['merge', 'shard1/report.json', 'shard2/report.json', '--out', 'merged'], pr.dir)
    expect(merged.code).toBe(1)
    const r = report(pr.dir, 'merged')
    expect(r.totals.tasks).toBe(20)
    expect(r.gate_changes?.tasks.changed.map((c) => [c.id, c.pr_form?.status])).toEqual([
      ['t1-0', 'pass'],
      ['t1-1', 'pass']
    ])
  })

  it('a PR removing a workflow fails the gate with the reason', async () => {
    const files = {
      ...baseFiles({ t1Wrong: 0 }),
      'golden-tasks/other/workflow.yml': manifest('other'),
      'golden-tasks/other/tasks.yaml': taskYaml(tierTasks('T1', 3, 0))
    }
    const pr = pullRequest(files, (repo) => repo.remove('golden-tasks/other'))
    expect((await gate(pr.dir, 'own')).code).toBe(0)
    expect((await gate(pr.dir, 'out', pr.base)).code).toBe(1)
    expect(report(pr.dir, 'out').reasons[0]).toBe(
      'workflow other was removed in this PR; its golden tasks cannot run without it — an approver may override'
    )
  })

  it('a PR renaming the workflow keeps its workflows.<name> rule', async () => {
    const thresholds = `${THRESHOLDS}workflows:\n  wf:\n    tiers: { T2: 0.95 }\n`
    const pr = pullRequest(baseFiles({ t1Wrong: 0, thresholds }), (repo) =>
      repo.write({ 'golden-tasks/wf/workflow.yml': manifest('wf_renamed') })
    )
    expect((await gate(pr.dir, 'own')).code).toBe(0)
    expect((await gate(pr.dir, 'out', pr.base)).code).toBe(1)
    const r = report(pr.dir, 'out')
    expect(r.tiers.find((t) => t.tier === 'T2')).toMatchObject({ workflow: 'wf_renamed', threshold: 0.95 })
    expect(r.gate_changes?.workflows.renamed).toEqual([{ from: 'wf', to: 'wf_renamed' }])
    expect(read(pr.dir, 'out/summary.md')).toContain(
      '`wf` renamed to `wf_renamed`: the rules and golden tasks of `wf` apply'
    )
  })

  it("a PR raising a threshold is judged by the PR's rule", async () => {
    const pr = pullRequest(baseFiles({ t1Wrong: 0 }), (repo) =>
      repo.write({ 'thresholds.yml': 'tiers:\n  T1: 0.9\n  T2: 0.95\n' })
    )
    expect((await gate(pr.dir, 'out', pr.base)).code).toBe(1)
    const r = report(pr.dir, 'out')
    expect(r.tiers.find((t) => t.tier === 'T2')?.threshold).toBe(0.95)
    expect(r.gate_changes?.thresholds).toEqual([{ rule: 'tiers.T2.min_success', base: 0.8, pr: 0.95, applied: 'pr' }])
  })

  it('a PR adding a task counts it', async () => {
    const pr = pullRequest(baseFiles({ t1Wrong: 0 }), (repo) =>
      repo.write({ 'golden-tasks/wf/tasks/t1-new.yaml': taskYaml([{ id: 't1-new', answer: 'wrong' }]) })
    )
    expect((await gate(pr.dir, 'out', pr.base)).code).toBe(0)
    const r = report(pr.dir, 'out')
    expect(r.totals.tasks).toBe(21)
    expect(r.tasks.find((t) => t.id === 't1-new')?.status).toBe('fail')
    expect(r.gate_changes?.tasks.added.map((t) => t.id)).toEqual(['t1-new'])
  })

  it('a PR fixing a wrong expectation: the base form counts, the PR form is shown', async () => {
    const files = baseFiles({ t1Wrong: 0 })
    const bogus = tierTasks('T1', 10, 0).map((t, i) => (i === 9 ? { ...t, expected: 'bogus' } : t))
    files['golden-tasks/wf/tasks/t1.yaml'] = taskYaml(bogus)
    const pr = pullRequest(files, (repo) =>
      repo.write({ 'golden-tasks/wf/tasks/t1.yaml': taskYaml(tierTasks('T1', 10, 0)) })
    )
    expect((await gate(pr.dir, 'out', pr.base)).code).toBe(0)
    const r = report(pr.dir, 'out')
    expect(r.tasks.find((t) => t.id === 't1-9')?.status).toBe('fail')
    expect(r.tiers.find((t) => t.tier === 'T1')).toMatchObject({ total: 10, passed: 9 })
    expect(r.gate_changes?.tasks.changed).toMatchObject([
      { id: 't1-9', diff: ['expected.label: "bogus" -> "ok"'], pr_form: { status: 'pass' } }
    ])
  })

  it("the PR that adds evalgate (a base without thresholds.yml): the PR's rules apply and the summary says so", async () => {
    const pr = pullRequest({ 'README.md': '# app\n' }, (repo) => repo.write(baseFiles()))
    expect((await gate(pr.dir, 'own')).code).toBe(1)
    expect((await gate(pr.dir, 'out', pr.base)).code).toBe(1)
    const r = report(pr.dir, 'out')
    expect(r.gate_changes).toMatchObject({ first_run: true, thresholds: [] })
    expect(r.gate_changes?.tasks.added).toHaveLength(20)
    expect(r.tiers.map((t) => t.threshold)).toEqual([0.9, 0.8])
    expect(read(pr.dir, 'out/summary.md')).toContain(
      `The base \`${pr.base.slice(0, 7)}\` has no thresholds file: this PR adds the gate, so its own rules apply (no override until they are merged: a PR cannot name its own approvers).`
    )
  })

  it('a base task file that does not parse is exit 2 naming the base file and line', async () => {
    const files = baseFiles()
    // A task the evalgate of today no longer reads: a tier that does not exist.
    files['golden-tasks/wf/tasks/t2.yaml'] +=
      '- id: t2-old\n  tier: T4\n  risk: low\n  input: { msg: a }\n  expected: { label: ok }\n'
    const brokenLine = files['golden-tasks/wf/tasks/t2.yaml'].split('\n').indexOf('  tier: T4') + 1
    const pr = pullRequest(files, (repo) => repo.write(baseFiles()))
    const res = await gate(pr.dir, 'out', pr.base)
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(`golden-tasks/wf/tasks/t2.yaml (base ${pr.base.slice(0, 7)}):${brokenLine}: `)
    expect(res.stderr).toMatch(/T4/)
  })

  it('a ref that is not a commit is exit 2 with a clear message', async () => {
    const pr = pullRequest(baseFiles(), () => undefined)
    const res = await gate(pr.dir, 'out', 'no-such-branch')
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('--base-ref no-such-branch: not a commit in the git repository at')
  })

  it('a base identical to the head: the same output as without --base-ref, plus one line', async () => {
    const pr = pullRequest(baseFiles(), () => undefined)
    const own = await gate(pr.dir, 'own')
    const judged = await gate(pr.dir, 'out', 'HEAD')
    expect(judged.code).toBe(own.code)
    expect(judged.stdout.replaceAll('out/', 'own/')).toBe(own.stdout)
    const line = `Gate rules and golden tasks as on base \`${pr.base.slice(0, 7)}\``
    const steady = (text: string) => text.replace(/^- Duration: .*$/m, '- Duration: (varies)')
    const summary = read(pr.dir, 'out/summary.md')
    expect(summary).toContain(`\n\n${line}\n\n`)
    expect(steady(summary.replace(`${line}\n\n`, ''))).toBe(steady(read(pr.dir, 'own/summary.md')))
    const comparable = (r: Report & Record<string, unknown>) =>
      JSON.parse(
        JSON.stringify({ ...r, created_at: '', gate_changes: undefined }, (k, v) => (k === 'duration_ms' ? 0 : v))
      )
    const judgedReport = report(pr.dir, 'out') as Report & Record<string, unknown>
    expect(comparable(judgedReport)).toEqual(comparable(report(pr.dir, 'own') as Report & Record<string, unknown>))
    expect(judgedReport.gate_changes).toMatchObject({ base: { sha: pr.base, via: 'git' }, thresholds: [], notes: [] })
  })
})
