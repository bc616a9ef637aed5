// `evalgate merge` through dist/cli.js on real shard reports, each edited as an attacker with
// access to the artifacts between the shard jobs and the merge job would: every edit is refused
// (exit 2, saying what does not fit); an honest merge decides as the unsharded run.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gitRepo } from '../helpers/git-repo.js'
import { runCli, writeProject } from '../helpers/project.js'
import { baseFiles } from './base-project.js'

interface Task {
  id: string
  tier: string
  status: string
  reasons: string[]
  attempts: { total: number; passed: number; errored?: number }
}
interface Report {
  decision: string
  reasons: string[]
  tiers: unknown[]
  tasks: Task[]
  gate: { rules: { tiers: Record<string, { min_success: number }> } }
  shard?: { set_hash: string }
}

const SHARDS = ['shard1/report.json', 'shard2/report.json']
const read = (dir: string, file: string): Report => JSON.parse(readFileSync(join(dir, file), 'utf8'))

/** Copies the shard reports to `out/`, the second edited by `edit`; returns their paths. */
function tampered(dir: string, out: string, edit: (r: Report) => void, which = 1): string[] {
  return SHARDS.map((file, i) => {
    const report = read(dir, file)
    if (i === which) edit(report)
    const path = `${out}-${i + 1}.json`
    writeFileSync(join(dir, path), JSON.stringify(report))
    return path
  })
}

async function merge(dir: string, args: string[]) {
  const res = await runCli(['merge', ...args], dir)
  expect(res.stderr).not.toMatch(/\n\s+at /)
  return res
}

let dir: string
beforeAll(async () => {
  // T1 at 80% fails its 90%, T2 at 90% passes its 80%.
  dir = writeProject(baseFiles())
  expect((await runCli(['run', '--out', 'whole', '--repeat', '1'], dir)).code).toBe(1)
  for (const i of [1, 2]) {
    const res = await runCli(['run', '--out', `shard${i}`, '--shard', `${i}/2`, '--repeat', '1'], dir)
    expect([0, 1]).toContain(res.code)
  }
})

describe('evalgate merge refuses an edited shard report', () => {
  it('an honest merge decides as the unsharded run, by the thresholds file', async () => {
    const res = await merge(dir, [...SHARDS, '--out', 'merged'])
    expect(res.code).toBe(1)
    const merged = read(dir, 'merged/report.json')
    const whole = read(dir, 'whole/report.json')
    expect(merged.decision).toBe(whole.decision)
    expect(merged.reasons).toEqual(whole.reasons)
    expect(merged.tiers).toEqual(whole.tiers)
    expect(merged.gate).toEqual(whole.gate)
    // With --tasks the shards' tasks are checked against the golden set too.
    expect((await merge(dir, [...SHARDS, '--tasks', 'golden-tasks', '--out', 'merged2'])).code).toBe(1)
  })

  it('a failing task marked pass: its attempts say fail', async () => {
    let id = ''
    const files = tampered(dir, 'status', (r) => {
      const task = r.tasks.find((t) => t.status === 'fail')!
      id = task.id
      Object.assign(task, { status: 'pass', reasons: [] })
    })
    const res = await merge(dir, files)
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(
      `evalgate merge: status-2.json: task wf/${id} says "pass", but its attempts (1 run, 0 passed, 0 errored) make it "fail"`
    )
  })

  it("a failing task replaced by a fabricated passing one: not the shards' task set", async () => {
    const files = tampered(dir, 'ids', (r) => {
      const task = r.tasks.find((t) => t.status === 'fail')!
      Object.assign(task, { id: 'made-up', status: 'pass', reasons: [], attempts: { total: 1, passed: 1, errored: 0 } })
    })
    const res = await merge(dir, files)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/the shards' tasks are not the task set they were cut from \(its hash [0-9a-f]{16}\)/)
  })

  it('the same fabrication with the set hash recomputed in every shard: caught by --tasks', async () => {
    const whole = read(dir, 'whole/report.json')
    const failing = whole.tasks.filter((t) => t.status === 'fail').map((t) => t.id)
    // Recomputed as evalgate does: sha256 of the sorted workflow/id list.
    const { createHash } = await import('node:crypto')
    const ids = whole.tasks.map((t) => (t.id === failing[0] ? 'made-up' : t.id))
    const hash = createHash('sha256')
      .update(
        ids
          .map((i) => `wf/${i}`)
          .sort()
          .join('\n')
      )
      .digest('hex')
      .slice(0, 16)
    const edit = (r: Report) => {
      r.shard!.set_hash = hash
      for (const task of r.tasks)
        if (task.id === failing[0])
          Object.assign(task, {
            id: 'made-up',
            status: 'pass',
            reasons: [],
            attempts: { total: 1, passed: 1, errored: 0 }
          })
    }
    const files = SHARDS.map((file, i) => {
      const report = read(dir, file)
      edit(report)
      writeFileSync(join(dir, `rehashed-${i + 1}.json`), JSON.stringify(report))
      return `rehashed-${i + 1}.json`
    })
    expect((await merge(dir, [...files, '--out', 'fooled'])).code).toBe(0) // the file alone cannot tell
    const res = await merge(dir, [...files, '--tasks', 'golden-tasks'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('evalgate merge: task wf/made-up is not a golden task of golden-tasks')
  })

  it('a task moved to an ungated tier: caught by --tasks', async () => {
    let id = ''
    const files = tampered(
      dir,
      'tier',
      (r) => {
        const task = r.tasks.find((t) => t.status === 'fail' && t.tier === 'T1')!
        id = task.id
        task.tier = 'T3'
      },
      0
    )
    const res = await merge(dir, [...files, '--tasks', 'golden-tasks'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(`task wf/${id} is T3, low risk in its shard report, T1, low risk in golden-tasks`)
  })

  it("rules edited in every shard alike: the thresholds file's rules decide, and the shards are refused", async () => {
    const edit = (r: Report) => (r.gate.rules.tiers.T1.min_success = 0.5)
    const files = SHARDS.map((file, i) => {
      const report = read(dir, file)
      edit(report)
      writeFileSync(join(dir, `rules-${i + 1}.json`), JSON.stringify(report))
      return `rules-${i + 1}.json`
    })
    const res = await merge(dir, files)
    expect(res.code).toBe(2)
    for (const file of files)
      expect(res.stderr).toContain(
        `evalgate merge: ${file} was run with other gate rules than thresholds.yml gives: rules.tiers.T1.min_success 0.5 there, 0.9 in thresholds.yml`
      )
  })

  it('--thresholds FILE: shards run by other rules than that file are refused; a missing file is named', async () => {
    writeFileSync(join(dir, 'loose.yml'), 'tiers:\n  T1: 0.5\n  T2: 0.8\n')
    const res = await merge(dir, [...SHARDS, '--thresholds', 'loose.yml'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(
      'shard1/report.json was run with other gate rules than loose.yml gives: rules.tiers.T1.min_success 0.9 there, 0.5 in loose.yml'
    )
    const missing = await merge(dir, [...SHARDS, '--thresholds', 'nope.yml'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('nope.yml: thresholds file not found')
  })
})

describe('evalgate merge --base-ref', () => {
  it('merges shards run with --base-ref by the same stricter rules; without it they are refused', async () => {
    const repo = gitRepo(baseFiles())
    const base = repo.commit('base')
    // The PR lowers T1 to let its 80% through: the base's 90% applies.
    repo.write({ 'thresholds.yml': 'tiers:\n  T1: 0.5\n  T2: 0.8\n' })
    for (const i of [1, 2])
      await runCli(['run', '--out', `shard${i}`, '--shard', `${i}/2`, '--repeat', '1', '--base-ref', base], repo.dir)
    const refused = await merge(repo.dir, SHARDS)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('rules.tiers.T1.min_success 0.9 there, 0.5 in thresholds.yml')
    const res = await merge(repo.dir, [...SHARDS, '--base-ref', base, '--out', 'merged'])
    expect(res.code).toBe(1)
    expect(read(repo.dir, 'merged/report.json').decision).toBe('fail')
  })
})
