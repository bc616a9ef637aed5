import { request, type GitHubClient } from './client.js'

/** Acknowledges an accepted override on the comment that asked for it. */
export async function reactToComment(client: GitHubClient, commentId: number, content: '+1' | 'eyes'): Promise<void> {
  const { octokit, owner, repo } = client
  await request('react to the override comment', 'pull-requests: write', () =>
    octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content })
  )
}
