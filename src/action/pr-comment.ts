// Finding and writing the one evalgate comment of a PR: ours only when it has our marker and
// was written by the token's own user (anyone can paste a marker into a comment).
import { createIssueComment, listIssueComments, updateIssueComment, type IssueComment } from '../github/comments.js'
import type { GitHubClient } from '../github/client.js'
import { tokenLogin } from '../github/identity.js'
import { hasMarker, parseComment, type CommentState } from './comment-body.js'

export interface OurComment {
  id: number
  state: CommentState
  /** The gate's own outcome line, kept for a re-render by mode override. */
  outcome?: string
  result: string
}

export function emptyState(): CommentState {
  return { v: 1, overrides: [] }
}

/** The PR's comments, who the token writes as, and our comment among them. */
export interface Thread {
  me: string
  comments: IssueComment[]
  ours?: OurComment
}

export async function readThread(client: GitHubClient, pr: number, context: string): Promise<Thread> {
  const me = await tokenLogin(client)
  const comments = await listIssueComments(client, pr)
  const found = comments.find((c) => c.login.toLowerCase() === me.toLowerCase() && hasMarker(c.body, context))
  if (!found) return { me, comments }
  const parsed = parseComment(found.body, context)
  const ours = { id: found.id, state: parsed?.state ?? emptyState(), result: parsed?.result ?? '' }
  return { me, comments, ours: parsed?.outcome === undefined ? ours : { ...ours, outcome: parsed.outcome } }
}

export async function findOurComment(
  client: GitHubClient,
  pr: number,
  context: string
): Promise<OurComment | undefined> {
  return (await readThread(client, pr, context)).ours
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
