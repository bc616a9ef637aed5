// A commit's files through the git database API (trees and blobs) and the contents API: how the
// action reads the pull request's base when the checkout does not hold it (fetch-depth 1).
import { createHash } from 'node:crypto'
import * as z from 'zod'
import { BaseReadError, type CommitSource, type TreeEntry } from '../model/commit-source.js'
import { GitHubApiError, parseAnswer, request, type Fault, type GitHubClient } from './client.js'

const treeSchema = z.looseObject({
  truncated: z.boolean(),
  tree: z.array(
    z.looseObject({
      path: z.string().min(1),
      mode: z.string(),
      type: z.enum(['blob', 'tree', 'commit']),
      sha: z.string().regex(/^[0-9a-f]{40}$/)
    })
  )
})

const blobSchema = z.looseObject({
  content: z.string(),
  encoding: z.enum(['base64', 'utf-8']),
  size: z.number().int().nonnegative().optional()
})

export class GitHubCommitSource implements CommitSource {
  readonly via = 'the GitHub API'
  private tree?: Promise<TreeEntry[]>

  constructor(
    private readonly client: GitHubClient,
    readonly sha: string
  ) {}

  listTree(): Promise<TreeEntry[]> {
    this.tree ??= this.fetchTree()
    return this.tree
  }

  async readBlob(sha: string): Promise<Buffer> {
    const { octokit, owner, repo } = this.client
    const doing = `reading blob ${sha.slice(0, 12)}`
    return asBaseRead(doing, async () => {
      const blob = await request(doing, 'contents: read', () =>
        octokit.rest.git.getBlob({ owner, repo, file_sha: sha })
      )
      const answer = parseAnswer('get blob', blobSchema, blob.data)
      const content = Buffer.from(answer.content, answer.encoding === 'base64' ? 'base64' : 'utf8')
      if (gitBlobId(content) !== sha.toLowerCase())
        throw new BaseReadError(`blob ${sha.slice(0, 12)} came back from the API with different content`)
      return content
    })
  }

  private async fetchTree(): Promise<TreeEntry[]> {
    const { octokit, owner, repo } = this.client
    const doing = 'listing its tree'
    return asBaseRead(doing, async () => {
      const res = await request(doing, 'contents: read', () =>
        octokit.rest.git.getTree({ owner, repo, tree_sha: this.sha, recursive: 'true' })
      )
      const answer = parseAnswer('get tree', treeSchema, res.data)
      // GitHub cuts recursive listings at 100,000 entries or 7 MB: a partial base is no base.
      if (answer.truncated) throw new BaseReadError('the base tree is too large for the API (the listing is truncated)')
      return answer.tree.flatMap((e): TreeEntry[] => {
        if (e.type === 'tree') return []
        const type = e.type === 'commit' || e.mode === '160000' ? 'submodule' : e.mode === '120000' ? 'symlink' : 'blob'
        return [{ path: e.path, type, sha: e.sha, ...(e.mode === '100755' ? { executable: true as const } : {}) }]
      })
    })
  }
}

const contentSchema = z.union([
  z.looseObject({
    type: z.literal('file'),
    encoding: z.string(),
    content: z.string(),
    sha: z.string().regex(/^[0-9a-f]{40}$/)
  }),
  z.looseObject({ type: z.enum(['dir', 'symlink', 'submodule']) }),
  z.array(z.unknown())
])

/**
 * The text of `path` (repository-relative) at commit `ref`; undefined when that commit exists and
 * has no such file. Any other failure is a BaseReadError: never a guess that the file is absent.
 */
export async function readFileAtRef(client: GitHubClient, path: string, ref: string): Promise<string | undefined> {
  const { octokit, owner, repo } = client
  const doing = `reading ${path}`
  return asBaseRead(doing, async () => {
    let data: unknown
    try {
      const res = await request(doing, 'contents: read', () =>
        octokit.rest.repos.getContent({ owner, repo, path, ref })
      )
      data = res.data
    } catch (err) {
      if (!(err instanceof GitHubApiError && err.status === 404)) throw err
      await commitExists(client, ref)
      return undefined
    }
    const answer = parseAnswer(`read ${path}`, contentSchema, data)
    if (Array.isArray(answer) || answer.type !== 'file')
      throw new BaseReadError(`${path} at commit ${short(ref)} is not a file`)
    // Files over 1 MB come without content ("encoding": "none"): read their blob instead.
    if (answer.encoding === 'none') return (await new GitHubCommitSource(client, ref).readBlob(answer.sha)).toString()
    if (answer.encoding !== 'base64')
      throw new BaseReadError(`unexpected answer when ${doing}: encoding "${answer.encoding}"`)
    return Buffer.from(answer.content, 'base64').toString('utf8')
  })
}

/** A 404 from the contents API means "no such file" only when the commit itself is there. */
async function commitExists(client: GitHubClient, ref: string): Promise<void> {
  const { octokit, owner, repo } = client
  const doing = 'finding the commit'
  await asBaseRead(doing, async () => {
    try {
      await request(doing, 'contents: read', () =>
        octokit.rest.repos.getCommit({ owner, repo, ref, mediaType: { format: 'sha' } })
      )
    } catch (err) {
      // GitHub answers 422 "No commit found for SHA" for a commit it does not have.
      if (err instanceof GitHubApiError && (err.status === 404 || err.status === 422))
        throw new BaseReadError(`commit ${short(ref)} not found (HTTP ${err.status} when ${doing})`)
      throw err
    }
  })
}

const REASONS: Record<Fault, string> = {
  'rate-limited': 'rate limited by GitHub',
  unauthorized: 'the github-token was refused',
  forbidden: 'access refused',
  'not-found': 'not found',
  server: 'GitHub failed',
  refused: 'the request was refused',
  network: 'GitHub did not answer'
}

const HINTS: Partial<Record<Fault, string>> = {
  unauthorized: 'the github-token needs `contents: read`',
  forbidden: 'the github-token needs `contents: read`',
  'not-found': 'the github-token needs `contents: read`',
  server: 're-run the job'
}

/**
 * Every failure as a BaseReadError, reason first and short: the engine puts it after
 * "base commit abc1234: cannot be read through the GitHub API:" in a 140-character status.
 */
async function asBaseRead<T>(doing: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (err) {
    if (err instanceof BaseReadError) throw err
    if (!(err instanceof GitHubApiError)) throw new BaseReadError(`${doing}: ${(err as Error)?.message ?? err}`)
    // No fault: GitHub answered, but not in the shape we rely on (parseAnswer says what).
    if (err.fault === undefined) throw new BaseReadError(err.message)
    const hint = err.fault === 'rate-limited' ? err.retryWhen : HINTS[err.fault]
    const http = err.status ? `HTTP ${err.status} ` : ''
    throw new BaseReadError(`${REASONS[err.fault]} (${http}when ${doing}${hint ? `; ${hint}` : ''})`)
  }
}

/** The git object id of a blob with this content (SHA-1, as GitHub repositories use). */
function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex')
}

function short(sha: string): string {
  return sha.slice(0, 7)
}
