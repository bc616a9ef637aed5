// The repository a project belongs to: the files its manifests name must lie inside it.
import { existsSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'

/** The nearest folder at or above `from` holding `.git` (a folder, or a worktree's file), else `from`. */
export function findRepoRoot(from: string = process.cwd()): string {
  const start = path.resolve(from)
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir
    if (path.dirname(dir) === dir) return start
  }
}

/**
 * Why `absPath`, named by `field`, is not a usable file or folder of the repository at `root`,
 * after symlinks; undefined when it is. A `.git` folder does not count as inside: it holds the
 * checkout's credentials (actions/checkout keeps the token in .git/config).
 */
export async function repoPathProblem(
  field: string,
  absPath: string,
  kind: 'file' | 'folder',
  root: string,
  shown: string
): Promise<string | undefined> {
  const missing = `${field} names a ${kind} that does not exist: ${shown}`
  let real: string
  // Synchronous: asked for every file a manifest names and every task file, where each asynchronous
  // call would wait for the thread pool (the loader's idle time).
  try {
    real = realpathSync.native(absPath)
  } catch {
    return missing
  }
  let realRoot: string
  try {
    realRoot = realpathSync.native(root)
  } catch {
    realRoot = path.resolve(root)
  }
  const named = insideOf(path.resolve(root), absPath) ? real : absPath
  if (!insideOf(realRoot, real)) return `${field} resolves to ${named}, outside the repository (${realRoot})`
  if (path.relative(realRoot, real).split(path.sep).includes('.git'))
    return `${field} resolves to ${real}, inside a .git folder`
  const stats = statSync(real)
  return (kind === 'file' ? stats.isFile() : stats.isDirectory()) ? undefined : missing
}

function insideOf(root: string, absPath: string): boolean {
  const rel = path.relative(root, absPath)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

/** `absPath` relative to the repository `root`, `/`-separated; undefined outside it. */
export function repositoryPath(root: string, absPath: string): string | undefined {
  const relative = path.relative(root, path.resolve(absPath))
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return relative.split(path.sep).join('/')
}
