// Commit statuses: the gate's verdict that branch protection requires.
import * as z from 'zod'
import { parseAnswer, request, type GitHubClient } from './client.js'

export type StatusState = 'success' | 'failure' | 'error' | 'pending'

export interface CommitStatus {
  state: StatusState
  context: string
  description: string
  targetUrl?: string
}

export async function setCommitStatus(client: GitHubClient, sha: string, status: CommitStatus): Promise<void> {
  const { octokit, owner, repo } = client
  await request(`set the commit status "${status.context}"`, 'statuses: write', () =>
    octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: status.state,
      context: status.context,
      description: status.description,
      ...(status.targetUrl ? { target_url: status.targetUrl } : {})
    })
  )
}

const statusSchema = z.looseObject({ state: z.string(), context: z.string() })

/** A status as listed, with who set it and when: evidence that cannot be edited afterwards. */
export interface StatusRecord {
  state: string
  context: string
  description: string
  /** The login of the token that set it; '' when GitHub no longer knows (a deleted user). */
  creator: string
  createdAt: string
}

const statusRecordSchema = statusSchema.extend({
  description: z.string().nullish(),
  creator: z.looseObject({ login: z.string() }).nullable(),
  created_at: z.string()
})

/** Every status on `sha`, newest first. */
export async function listCommitStatuses(client: GitHubClient, sha: string): Promise<StatusRecord[]> {
  const { octokit, owner, repo } = client
  return request('read the commit statuses', 'statuses: read', async () => {
    const found: StatusRecord[] = []
    const pages = octokit.paginate.iterator(octokit.rest.repos.listCommitStatusesForRef, {
      owner,
      repo,
      ref: sha,
      per_page: 100
    })
    for await (const page of pages)
      for (const s of parseAnswer('list statuses', z.array(statusRecordSchema), page.data))
        found.push({
          state: s.state,
          context: s.context,
          description: s.description ?? '',
          creator: s.creator?.login ?? '',
          createdAt: s.created_at
        })
    return found
  })
}

/** The state of the latest status with `context` on `sha` (GitHub lists the newest first). */
export async function latestStatusState(
  client: GitHubClient,
  sha: string,
  context: string
): Promise<string | undefined> {
  const { octokit, owner, repo } = client
  return request('read the commit statuses', 'statuses: read', async () => {
    const pages = octokit.paginate.iterator(octokit.rest.repos.listCommitStatusesForRef, {
      owner,
      repo,
      ref: sha,
      per_page: 100
    })
    for await (const page of pages) {
      const found = parseAnswer('list statuses', z.array(statusSchema), page.data).find((s) => s.context === context)
      if (found) return found.state
    }
    return undefined
  })
}
