// PR comments (the issue comments API: a pull request is an issue).
import * as z from 'zod'
import { parseAnswer, request, type GitHubClient } from './client.js'

export interface IssueComment {
  id: number
  body: string
  login: string
  createdAt: string
  /** Equal to createdAt unless the comment was edited. */
  updatedAt: string
}

const commentSchema = z.looseObject({
  id: z.number(),
  body: z.string().nullish(),
  user: z.looseObject({ login: z.string() }).nullable(),
  created_at: z.string(),
  updated_at: z.string()
})

/** Every comment of the PR, across all pages. */
export async function listIssueComments(client: GitHubClient, issue: number): Promise<IssueComment[]> {
  const { octokit, owner, repo } = client
  return request('list the pull request comments', 'pull-requests: read', async () => {
    const comments: IssueComment[] = []
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue,
      per_page: 100
    })
    for await (const page of pages) {
      for (const raw of parseAnswer('list comments', z.array(commentSchema), page.data))
        comments.push({
          id: raw.id,
          body: raw.body ?? '',
          login: raw.user?.login ?? '',
          createdAt: raw.created_at,
          updatedAt: raw.updated_at
        })
    }
    return comments
  })
}

export async function createIssueComment(client: GitHubClient, issue: number, body: string): Promise<number> {
  const { octokit, owner, repo } = client
  return request('create the pull request comment', 'pull-requests: write', async () => {
    const res = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body })
    return parseAnswer('create comment', commentSchema, res.data).id
  })
}

export async function updateIssueComment(client: GitHubClient, commentId: number, body: string): Promise<void> {
  const { octokit, owner, repo } = client
  await request('update the evalgate comment', 'pull-requests: write', () =>
    octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body })
  )
}
