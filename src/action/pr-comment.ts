// Finding and writing the one evalgate comment of a PR: ours only when it has our marker and
// was written by the token's own user (anyone can paste a marker into a comment).
import { createIssueComment, listIssueComments, updateIssueComment } from '../github/comments.js'
import type { GitHubClient } from '../github/client.js'
import { tokenLogin } from '../github/identity.js'
import { hasMarker, parseComment, type CommentState } from './comment-body.js'

export interface OurComment {
  id: number
  state: CommentState
  result: string
}

export function emptyState(): CommentState {
  return { v: 1, overrides: [] }
}

export async function findOurComment(
  client: GitHubClient,
  pr: number,
  context: string
): Promise<OurComment | undefined> {
  const me = (await tokenLogin(client)).toLowerCase()
  const comments = await listIssueComments(client, pr)
  const ours = comments.find((c) => c.login.toLowerCase() === me && hasMarker(c.body, context))
  if (!ours) return undefined
  const parsed = parseComment(ours.body, context)
  return { id: ours.id, state: parsed?.state ?? emptyState(), result: parsed?.result ?? '' }
}

export async function writeOurComment(
  client: GitHubClient,
  pr: number,
  existing: OurComment | undefined,
  body: string
): Promise<void> {
  if (existing) await updateIssueComment(client, existing.id, body)
  else await createIssueComment(client, pr, body)
}
