// script/release against a real git repository and a bare remote made here: the tags it pushes, the
// major tag it moves, and each refusal, after which nothing was tagged here or on the remote.
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitRepo, type GitRepo } from '../helpers/git-repo.js'
import { repoRoot } from '../helpers/project.js'

const SCRIPT = join(repoRoot, 'script', 'release')
const IDENTITY = {
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com'
}

interface Project {
  repo: GitRepo
  remote: string
  /** Commits package.json at `version` and a dist/cli.js whose --version says `built` (default: the same). */
  commitVersion(version: string, built?: string): string
  release(...args: string[]): { code: number | null; stdout: string; stderr: string }
  /** Tag name -> the commit it points to, on the remote. */
  remoteTags(): Record<string, string>
  localTags(): Record<string, string>
}

function bareRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-remote-'))
  execFileSync('git', ['init', '-q', '--bare', dir])
  return dir
}

function tagsOf(lines: string): Record<string, string> {
  const tags: Record<string, string> = {}
  for (const line of lines.split('\n').filter(Boolean)) {
    const [sha, ref] = line.split(/\s+/)
    if (ref.endsWith('^{}')) tags[ref.slice('refs/tags/'.length, -3)] = sha
  }
  return tags
}

function project(): Project {
  const repo = gitRepo({ 'README.md': '# an action\n' })
  const remote = bareRepo()
  repo.git('remote', 'add', 'origin', remote)
  const p: Project = {
    repo,
    remote,
    commitVersion(version, built = version) {
      repo.write({
        'package.json': JSON.stringify({ name: 'an-action', version }, null, 2) + '\n',
        'dist/cli.js': `process.stdout.write(${JSON.stringify(built + '\n')})\n`
      })
      const sha = repo.commit(`version ${version}`)
      repo.git('push', '-q', 'origin', 'HEAD:main')
      return sha
    },
    release(...args) {
      const res = spawnSync('bash', [SCRIPT, ...args], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { ...process.env, ...IDENTITY }
      })
      return { code: res.status, stdout: res.stdout, stderr: res.stderr }
    },
    remoteTags: () => tagsOf(execFileSync('git', ['ls-remote', '--tags', remote], { encoding: 'utf8' })),
    localTags: () =>
      Object.fromEntries(
        p.repo
          .git('for-each-ref', 'refs/tags', '--format=%(refname:strip=2) %(*objectname)')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(' '))
      )
  }
  return p
}

describe('script/release', () => {
  it('tags vX.Y.Z and moves the major tag, on the remote: v1 follows each 1.x release, v2 starts with 2.0.0', () => {
    const p = project()
    const first = p.commitVersion('1.0.0')
    const one = p.release()
    expect(one.stderr).not.toContain('release:')
    expect(one.code).toBe(0)
    expect(one.stdout).toContain(`release: tagged v1.0.0 and moved v1 to ${first.slice(0, 12)} on origin`)
    expect(p.remoteTags()).toEqual({ 'v1.0.0': first, v1: first })

    const second = p.commitVersion('1.1.0')
    expect(p.release().code).toBe(0)
    expect(p.remoteTags()).toEqual({ 'v1.0.0': first, 'v1.1.0': second, v1: second })

    const third = p.commitVersion('2.0.0')
    expect(p.release().code).toBe(0)
    expect(p.remoteTags()).toEqual({ 'v1.0.0': first, 'v1.1.0': second, v1: second, 'v2.0.0': third, v2: third })
    expect(p.localTags()).toEqual(p.remoteTags())
    // Annotated tags, as actions/typescript-action's script makes them.
    expect(p.repo.git('cat-file', '-t', 'v2')).toBe('tag')
  })

  it('pushes to the remote --remote names', () => {
    const p = project()
    const upstream = bareRepo()
    p.repo.git('remote', 'add', 'upstream', upstream)
    const sha = p.commitVersion('0.3.0')
    expect(p.release('--remote', 'upstream').code).toBe(0)
    expect(tagsOf(execFileSync('git', ['ls-remote', '--tags', upstream], { encoding: 'utf8' }))).toEqual({
      'v0.3.0': sha,
      v0: sha
    })
    expect(p.remoteTags()).toEqual({})
  })

  it('--dry-run says what it would do and tags nothing', () => {
    const p = project()
    const sha = p.commitVersion('1.0.0')
    const res = p.release('--dry-run')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`would tag v1.0.0 and move v1 to ${sha.slice(0, 12)}`)
    expect([p.remoteTags(), p.localTags()]).toEqual([{}, {}])
  })

  /** A refusal: exit 1, the reason on stderr, and no tag anywhere that was not there before. */
  function expectRefusal(p: Project, reason: string | RegExp, ...args: string[]): void {
    const before = [p.remoteTags(), p.localTags()]
    const res = p.release(...args)
    expect({ code: res.code, stdout: res.stdout }).toEqual({ code: 1, stdout: '' })
    expect(res.stderr).toMatch(reason)
    expect(res.stderr).toContain('nothing was tagged')
    expect([p.remoteTags(), p.localTags()]).toEqual(before)
  }

  it('refuses a working tree with uncommitted changes, staged or not', () => {
    const p = project()
    p.commitVersion('1.0.0')
    p.repo.write({ 'README.md': '# edited\n' })
    expectRefusal(p, /uncommitted changes[\s\S]*README\.md/)
    p.repo.git('add', 'README.md')
    expectRefusal(p, /uncommitted changes/)
  })

  it('refuses a version whose tag exists, here or only on the remote', () => {
    const p = project()
    p.commitVersion('1.0.0')
    expect(p.release().code).toBe(0)
    expectRefusal(p, 'the tag v1.0.0 exists already')
    // A clone that has not fetched the tags: the remote's are read.
    p.repo.git('tag', '-d', 'v1.0.0', 'v1')
    expectRefusal(p, 'the tag v1.0.0 exists already')
  })

  it('refuses a version that is not newer than the latest release', () => {
    const p = project()
    p.commitVersion('1.10.0')
    expect(p.release().code).toBe(0)
    p.commitVersion('1.9.9')
    expectRefusal(p, 'v1.9.9 is not newer than the latest release, v1.10.0')
    p.commitVersion('0.99.0')
    expectRefusal(p, 'not newer than the latest release, v1.10.0')
  })

  it('refuses a dist/ that was not rebuilt for the version', () => {
    const p = project()
    p.commitVersion('1.1.0', '1.0.0')
    expectRefusal(p, 'dist/ is the build of 1.0.0, not of 1.1.0 (npm run bundle, then commit dist/)')
    p.repo.remove('dist')
    p.repo.commit('no dist')
    expectRefusal(p, 'dist/cli.js is missing')
  })

  it('refuses a version that is not X.Y.Z, a missing remote, and an unknown argument', () => {
    const p = project()
    p.commitVersion('2.0.0-beta.1')
    expectRefusal(p, 'package.json\'s version "2.0.0-beta.1" is not X.Y.Z')
    p.commitVersion('2.0.0')
    expectRefusal(p, 'no git remote "nowhere"', '--remote', 'nowhere')
    const res = p.release('--force')
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('unknown argument "--force"')
  })

  it('leaves the local tags as they were when the remote refuses the push', () => {
    const p = project()
    const first = p.commitVersion('1.0.0')
    expect(p.release().code).toBe(0)
    p.commitVersion('1.0.1')
    const hook = join(p.remote, 'hooks', 'pre-receive')
    writeFileSync(hook, '#!/bin/sh\necho "tags are protected" >&2\nexit 1\n')
    chmodSync(hook, 0o755)
    const res = p.release()
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('origin refused the push; the local tags are as they were')
    expect(p.localTags()).toEqual({ 'v1.0.0': first, v1: first })
    expect(p.remoteTags()).toEqual({ 'v1.0.0': first, v1: first })
  })
})
