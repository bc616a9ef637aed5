// The base commit read from a local git repository (the checkout has it, or the CLI's --base-ref).
// git is run with argument arrays, never through a shell, and every output is bounded.
import { execFile } from 'node:child_process'
import { BaseReadError, type CommitSource, type TreeEntry } from '../model/commit-source.js'

const MAX_TREE_BYTES = 64 * 1024 * 1024
const MAX_BLOB_BYTES = 64 * 1024 * 1024
const MAX_SMALL_OUTPUT = 64 * 1024
const EXECUTABLE = '100755'
const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/

export class GitCommitSource implements CommitSource {
  readonly via = 'git'

  constructor(
    readonly dir: string,
    readonly sha: string
  ) {}

  async listTree(): Promise<TreeEntry[]> {
    const out = await this.git(['ls-tree', '-r', '-z', '--full-tree', this.sha], MAX_TREE_BYTES, 'the tree')
    return parseLsTree(out)
  }

  async readBlob(sha: string): Promise<Buffer> {
    if (!OBJECT_ID.test(sha)) throw new BaseReadError(`"${sha}" is not a git object id`)
    return this.git(['cat-file', 'blob', sha], MAX_BLOB_BYTES, `blob ${sha.slice(0, 12)}`)
  }

  private async git(args: string[], maxBuffer: number, what: string): Promise<Buffer> {
    try {
      return await runGit(this.dir, args, maxBuffer)
    } catch (err) {
      throw new BaseReadError(`git could not read ${what} of ${this.sha.slice(0, 7)}: ${gitFailure(err, maxBuffer)}`)
    }
  }
}

/**
 * The commit `ref` names in the repository at `dir`, or undefined when there is none there
 * (not a repository, an unknown ref, or a commit the shallow checkout does not hold).
 */
export async function gitCommitSource(dir: string, ref: string): Promise<GitCommitSource | undefined> {
  // A ref that starts with "-" would be read as an option.
  if (ref === '' || ref.startsWith('-')) return undefined
  try {
    const out = await runGit(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], MAX_SMALL_OUTPUT)
    const sha = out.toString('utf8').trim()
    return OBJECT_ID.test(sha) ? new GitCommitSource(dir, sha) : undefined
  } catch {
    return undefined
  }
}

/** The top folder of the git work tree holding `dir`, or undefined outside one. */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  try {
    const out = await runGit(dir, ['rev-parse', '--show-toplevel'], MAX_SMALL_OUTPUT)
    return out.toString('utf8').trim() || undefined
  } catch {
    return undefined
  }
}

/** `<mode> <type> <object>\t<path>` records, NUL-terminated (-z: paths are not quoted). */
export function parseLsTree(out: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = []
  for (const record of out.toString('utf8').split('\0')) {
    if (record === '') continue
    const tab = record.indexOf('\t')
    const [mode, , sha] = record.slice(0, tab).split(' ')
    if (tab < 0 || sha === undefined)
      throw new BaseReadError(`git ls-tree printed an unexpected line: ${record.slice(0, 80)}`)
    entries.push({
      path: record.slice(tab + 1),
      type: entryType(mode),
      sha,
      ...(mode === EXECUTABLE ? { executable: true } : {})
    })
  }
  return entries
}

function entryType(mode: string): TreeEntry['type'] {
  if (mode === '120000') return 'symlink'
  if (mode === '160000') return 'submodule'
  return 'blob'
}

function runGit(dir: string, args: string[], maxBuffer: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: dir, encoding: 'buffer', maxBuffer, windowsHide: true }, (err, stdout, stderr) =>
      err ? reject(Object.assign(err, { stderrText: stderr.toString('utf8') })) : resolve(stdout)
    )
  })
}

function gitFailure(err: unknown, maxBuffer: number): string {
  const e = err as NodeJS.ErrnoException & { stderrText?: string }
  if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return `the output is larger than ${maxBuffer / 1024 / 1024} MB`
  if (e.code === 'ENOENT') return 'git is not installed'
  return e.stderrText?.trim().split('\n')[0] || e.message
}
