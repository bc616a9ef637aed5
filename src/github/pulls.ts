// Pull requests: the current head and author, and the files a PR changes.
import * as z from 'zod'
import { parseAnswer, request, type GitHubClient } from './client.js'

export interface PullRequest {
  number: number
  headSha: string
  /** The commit the PR is compared with; its rules decide. Absent only when GitHub omits it. */
  baseSha?: string
  author: string
}

const pullSchema = z.looseObject({
  number: z.number(),
  head: z.looseObject({ sha: z.string() }),
  base: z.looseObject({ sha: z.string() }).optional(),
  user: z.looseObject({ login: z.string() }).nullable()
})

export async function getPullRequest(client: GitHubClient, number: number): Promise<PullRequest> {
  const { octokit, owner, repo } = client
  return request(`read pull request #${number}`, 'pull-requests: read', async () => {
    const res = await octokit.rest.pulls.get({ owner, repo, pull_number: number })
    const pr = parseAnswer('get pull request', pullSchema, res.data)
    return {
      number: pr.number,
      headSha: pr.head.sha,
      ...(pr.base ? { baseSha: pr.base.sha } : {}),
      author: pr.user?.login ?? ''
    }
  })
}

/** The list files API stops at 3,000 files: a longer list may be incomplete. */
export const MAX_LISTED_FILES = 3000

const fileSchema = z.looseObject({ filename: z.string(), previous_filename: z.string().optional() })

/** Repository-relative paths the PR touches (a renamed file counts under both names). */
export async function listPullRequestFiles(
  client: GitHubClient,
  number: number
): Promise<{ files: string[]; complete: boolean }> {
  const { octokit, owner, repo } = client
  return request(`list the files of pull request #${number}`, 'pull-requests: read', async () => {
    const files: string[] = []
    let count = 0
    const pages = octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: number,
      per_page: 100
    })
    for await (const page of pages) {
      for (const file of parseAnswer('list pull request files', z.array(fileSchema), page.data)) {
        count++
        files.push(file.filename, ...(file.previous_filename ? [file.previous_filename] : []))
      }
    }
    return { files, complete: count < MAX_LISTED_FILES }
  })
}
