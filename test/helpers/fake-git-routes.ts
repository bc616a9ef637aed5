// The git side of the fake GitHub: trees, blobs, commits and contents answered from a real git
// repository on disk with real git commands (execFile, no shell), in the shapes GitHub sends.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export type Answer = { status: number; data: unknown; text?: string }

const notFound = (message = 'Not Found'): Answer => ({ status: 404, data: { message } })

async function git(repoDir: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', repoDir, ...args], { maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

async function gitBuffer(repoDir: string, args: string[]): Promise<Buffer> {
  const { stdout } = await run('git', ['-C', repoDir, ...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
  return stdout
}

/** The full id of `rev` peeled to `kind`, or undefined when the repository has no such object. */
async function resolve(repoDir: string, rev: string, kind: 'commit' | 'tree'): Promise<string | undefined> {
  try {
    return (await git(repoDir, ['rev-parse', '--verify', '--quiet', `${rev}^{${kind}}`])).trim() || undefined
  } catch {
    return undefined
  }
}

interface LsEntry {
  mode: string
  type: 'blob' | 'tree' | 'commit'
  sha: string
  size?: number
  path: string
}

async function lsTree(repoDir: string, args: string[]): Promise<LsEntry[]> {
  const out = await git(repoDir, ['ls-tree', '-z', '-l', ...args])
  return out
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t')
      const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/)
      return {
        mode,
        type: type as LsEntry['type'],
        sha,
        ...(size === '-' ? {} : { size: Number(size) }),
        path: line.slice(tab + 1)
      }
    })
}

/** GET /repos/:o/:r/git/trees/:sha[?recursive=1]; `truncate` answers half the entries, `truncated: true`. */
export async function treeAnswer(repoDir: string, sha: string, recursive: boolean, truncate: boolean): Promise<Answer> {
  const tree = await resolve(repoDir, sha, 'tree')
  if (!tree) return notFound()
  const entries = await lsTree(repoDir, recursive ? ['-r', '-t', tree] : [tree])
  const shown = truncate ? entries.slice(0, Math.floor(entries.length / 2)) : entries
  return { status: 200, data: { sha: tree, tree: shown, truncated: truncate } }
}

/** GET /repos/:o/:r/git/blobs/:sha: base64 with line breaks, as GitHub sends it. */
export async function blobAnswer(repoDir: string, sha: string): Promise<Answer> {
  let type: string
  try {
    type = (await git(repoDir, ['cat-file', '-t', sha])).trim()
  } catch {
    return notFound()
  }
  if (type !== 'blob') return { status: 422, data: { message: 'Not a blob' } }
  const content = await gitBuffer(repoDir, ['cat-file', 'blob', sha])
  return { status: 200, data: { sha, size: content.length, encoding: 'base64', content: base64Lines(content) } }
}

/** GET /repos/:o/:r/commits/:ref; with `Accept: application/vnd.github.sha` only the SHA, as text. */
export async function commitAnswer(repoDir: string, ref: string, shaOnly: boolean): Promise<Answer> {
  const commit = await resolve(repoDir, ref, 'commit')
  if (!commit) return { status: 422, data: { message: `No commit found for SHA: ${ref}` } }
  if (shaOnly) return { status: 200, data: undefined, text: commit }
  return { status: 200, data: { sha: commit, commit: { tree: { sha: await resolve(repoDir, commit, 'tree') } } } }
}

const CONTENT_LIMIT = 1024 * 1024

/** GET /repos/:o/:r/contents/:path?ref= (default: HEAD of the repository). */
export async function contentsAnswer(repoDir: string, path: string, ref: string | null): Promise<Answer> {
  const commit = await resolve(repoDir, ref ?? 'HEAD', 'commit')
  if (!commit) return notFound(`No commit found for the ref ${ref}`)
  const [entry] = await lsTree(repoDir, [commit, '--', path])
  if (!entry || entry.path !== path) return notFound()
  const common = { name: path.split('/').at(-1), path, sha: entry.sha, size: entry.size ?? 0 }
  if (entry.type === 'tree') {
    const children = await lsTree(repoDir, [`${commit}:${path}`])
    return { status: 200, data: children.map((c) => ({ ...c, type: c.type === 'tree' ? 'dir' : 'file' })) }
  }
  if (entry.type === 'commit') return { status: 200, data: { ...common, type: 'submodule' } }
  const content = await gitBuffer(repoDir, ['cat-file', 'blob', entry.sha])
  if (entry.mode === '120000') return { status: 200, data: { ...common, type: 'symlink', target: content.toString() } }
  if (content.length > CONTENT_LIMIT)
    return { status: 200, data: { ...common, type: 'file', encoding: 'none', content: '' } }
  return { status: 200, data: { ...common, type: 'file', encoding: 'base64', content: base64Lines(content) } }
}

function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n'
}
