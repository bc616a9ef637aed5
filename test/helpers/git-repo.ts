// A real git repository in a temp folder: commit a base, then edit the working tree as a pull
// request would.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { writeProject } from './project.js'

export interface GitRepo {
  dir: string
  /** Commits every change and returns the commit's SHA. */
  commit(message: string): string
  write(files: Record<string, string>): void
  remove(...paths: string[]): void
  git(...args: string[]): string
}

export function gitRepo(files: Record<string, string>): GitRepo {
  const dir = writeProject(files)
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 'test@example.com'
      }
    }).trim()
  git('init', '-q', '-b', 'main')
  return {
    dir,
    git,
    commit(message) {
      git('add', '-A')
      git('commit', '-q', '--allow-empty', '-m', message)
      return git('rev-parse', 'HEAD')
    },
    write(more) {
      for (const [path, content] of Object.entries(more)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), content)
      }
    },
    remove(...paths) {
      for (const path of paths) rmSync(join(dir, path), { recursive: true, force: true })
    }
  }
}
