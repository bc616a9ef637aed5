import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitCommitSource } from '../../src/base/git-source.js'
import { loadBaseProject } from '../../src/base/snapshot.js'
import { BaseReadError, type CommitSource } from '../../src/model/commit-source.js'
import { InputError } from '../../src/util/problems.js'
import { gitRepo, type GitRepo } from '../helpers/git-repo.js'

const manifest = (extra: string[] = []) =>
  [
    'name: wf',
    'permissions:',
    '  lookup_order: { scope: read, risk: low }',
    ...extra,
    'agent:',
    '  type: command',
    '  command: [node, agent.mjs]',
    ''
  ].join('\n')
const taskFile = (...ids: string[]) =>
  ids.map((id) => `- id: ${id}\n  tier: T1\n  risk: low\n  input: { msg: ${id} }\n  expected: { label: ok }\n`).join('')

const layout = (repo: GitRepo) => ({ repoRoot: repo.dir, tasksDir: 'golden-tasks', thresholdsFile: 'thresholds.yml' })

/** The repository's source, counting the blobs read through it. */
async function counted(repo: GitRepo, sha: string): Promise<CommitSource & { reads: number }> {
  const git = (await gitCommitSource(repo.dir, sha))!
  const source = {
    sha: git.sha,
    via: git.via,
    reads: 0,
    listTree: () => git.listTree(),
    readBlob: (blob: string) => {
      source.reads++
      return git.readBlob(blob)
    }
  }
  return source
}

let previousTmp: string | undefined
let tmp: string
beforeEach(() => {
  // The snapshot folders go here, so that the test sees they are removed.
  previousTmp = process.env.TMPDIR
  tmp = mkdtempSync(join(tmpdir(), 'evalgate-snapshots-'))
  process.env.TMPDIR = tmp
})
afterEach(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = previousTmp
})

describe('loadBaseProject', () => {
  it("loads the base's thresholds, workflows and tasks; an unchanged repository reads no blob", async () => {
    const repo = gitRepo({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'golden-tasks/wf/workflow.yml': manifest([
        'tool_schemas: ../../schemas/tools.json',
        'tasks_from: [../../shared]'
      ]),
      'golden-tasks/wf/tasks.yaml': taskFile('a', 'b'),
      'golden-tasks/wf/agent.mjs': 'not needed by the loader',
      'schemas/tools.json': '[{ "name": "lookup_order" }]\n',
      'shared/more.yaml': taskFile('c')
    })
    const source = await counted(repo, repo.commit('base'))
    const base = await loadBaseProject(source, layout(repo))
    expect(source.reads).toBe(0)
    expect(base.thresholds?.rules.tiers).toEqual({ T1: { min_success: 0.9 } })
    expect(base.workflows.map((w) => [w.name, w.tool_schemas?.map((s) => s.name)])).toEqual([['wf', ['lookup_order']]])
    expect(base.tasks.map((t) => t.id).sort()).toEqual(['a', 'b', 'c'])
    expect(base.manifestPaths.get('wf')).toBe('golden-tasks/wf/workflow.yml')
    expect(base.tasks.find((t) => t.id === 'a')?.source.file).toBe(
      `golden-tasks/wf/tasks.yaml (base ${source.sha.slice(0, 7)})`
    )
    expect(readdirSync(tmp)).toEqual([])
  })

  it("reads from the source only the files the PR changed, and never follows the PR's symlinks", async () => {
    const repo = gitRepo({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'golden-tasks/wf/workflow.yml': manifest(),
      'golden-tasks/wf/tasks.yaml': taskFile('a', 'b')
    })
    const source = await counted(repo, repo.commit('base'))
    repo.write({ 'thresholds.yml': 'tiers: { T1: 0.1 }\n' })
    repo.remove('golden-tasks/wf/tasks.yaml')
    symlinkSync('/etc/hostname', join(repo.dir, 'golden-tasks/wf/tasks.yaml'))
    const base = await loadBaseProject(source, layout(repo))
    expect(source.reads).toBe(2)
    expect(base.thresholds?.rules.tiers.T1?.min_success).toBe(0.9)
    expect(base.tasks.map((t) => t.id)).toEqual(['a', 'b'])
  })

  it("holds the base's runbook (a markdown file the manifest names), as the base has it", async () => {
    const runbook = (disable: string) =>
      ['## Escalation', 'x', '## Fallback', 'x', '## On-call', 'x', '## Disable automation', disable, ''].join('\n')
    const repo = gitRepo({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'golden-tasks/wf/workflow.yml': manifest(['runbook: ../../docs/RUNBOOK.md']),
      'golden-tasks/wf/tasks.yaml': taskFile('a'),
      'docs/RUNBOOK.md': runbook('Stop the deployment.')
    })
    const source = await counted(repo, repo.commit('base'))
    repo.write({ 'docs/RUNBOOK.md': runbook('Scale it to zero.') })
    const base = await loadBaseProject(source, layout(repo))
    expect(source.reads).toBe(1)
    expect(base.workflows[0].runbook?.text).toContain('Stop the deployment.')
    expect(base.workflows[0].runbook?.sections.missing).toEqual([])
  })

  it('leaves out symlinks of the base, with a note', async () => {
    const repo = gitRepo({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'golden-tasks/wf/workflow.yml': manifest(),
      'golden-tasks/wf/tasks.yaml': taskFile('a')
    })
    symlinkSync('/proc/self/environ', join(repo.dir, 'golden-tasks/wf/env.yaml'))
    const source = (await gitCommitSource(repo.dir, repo.commit('base')))!
    const base = await loadBaseProject(source, layout(repo))
    expect(base.tasks.map((t) => t.id)).toEqual(['a'])
    expect(base.notes).toEqual([
      `golden-tasks/wf/env.yaml is a symlink in the base ${source.sha.slice(0, 7)}: not followed, left out of the base's files`
    ])
  })

  it('a base without thresholds.yml or golden tasks (the PR that adds evalgate) loads as empty', async () => {
    const repo = gitRepo({ 'README.md': '# app\n' })
    const base = await loadBaseProject((await gitCommitSource(repo.dir, repo.commit('base')))!, layout(repo))
    expect(base).toMatchObject({ workflows: [], tasks: [], notes: [] })
    expect(base.thresholds).toBeUndefined()
  })

  it('names the base files of a problem, both places of a duplicate id included', async () => {
    const repo = gitRepo({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'golden-tasks/wf/workflow.yml': manifest(),
      'golden-tasks/wf/old.yaml': taskFile('a'),
      'golden-tasks/wf/moved.yaml': taskFile('x', 'a')
    })
    const sha = repo.commit('base')
    const short = sha.slice(0, 7)
    const error = await loadBaseProject((await gitCommitSource(repo.dir, sha))!, layout(repo)).catch((e) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe(
      `golden-tasks/wf/old.yaml (base ${short}):1: duplicate task id "a" ` +
        `(first defined at golden-tasks/wf/moved.yaml:6 (base ${short}))`
    )
    expect(readdirSync(tmp)).toEqual([])
  })

  it('a base that cannot be read is an InputError saying the gate is not decided against the PR', async () => {
    const source: CommitSource = {
      sha: 'f00dfeed'.repeat(5),
      via: 'the GitHub API',
      listTree: async () => {
        throw new BaseReadError('GET /git/trees answered 403 (rate limited)')
      },
      readBlob: async () => Buffer.from('')
    }
    const error = (await loadBaseProject(source, {
      repoRoot: tmp,
      tasksDir: 'golden-tasks',
      thresholdsFile: 'thresholds.yml'
    }).catch((e) => e)) as InputError
    expect(error.problems).toEqual([
      {
        file: 'base commit f00dfee',
        message:
          "cannot be read through the GitHub API: GET /git/trees answered 403 (rate limited) — the gate is not decided against the PR's own rules",
        severity: 'error'
      }
    ])
  })
})
