// Real git repositories for tests: a folder's files committed, a bare copy standing for GitHub's.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'evalgate test',
  GIT_AUTHOR_EMAIL: 'test@evalgate.invalid',
  GIT_COMMITTER_NAME: 'evalgate test',
  GIT_COMMITTER_EMAIL: 'test@evalgate.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

export function git(dir: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

/** Commits everything in `dir` (making it a repository first if needed); returns the commit SHA. */
export function commitAll(dir: string, message = 'commit'): string {
  if (!isRepository(dir)) git(dir, ['init', '-q', '-b', 'main'])
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '--allow-empty', '--no-gpg-sign', '-m', message])
  return git(dir, ['rev-parse', 'HEAD'])
}

/** A bare clone of `dir`: GitHub's copy of the repository, for the fake GitHub's `repoDir`. */
export function bareClone(dir: string): string {
  const bare = join(mkdtempSync(join(tmpdir(), 'evalgate-origin-')), 'repo.git')
  git(dir, ['clone', '-q', '--bare', dir, bare])
  return bare
}

function isRepository(dir: string): boolean {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']) !== '' && git(dir, ['rev-parse', '--show-prefix']) === ''
  } catch {
    return false
  }
}
