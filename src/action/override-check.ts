// Gathers what override-evidence.ts needs on a gate run that failed: the PR's comments, the
// standing of the commenters who may count (looked up for them only), the head's statuses when a
// command names no commit. Any API failure throws: no override is ever assumed.
import type { GitHubClient } from '../github/client.js'
import { getPullRequest } from '../github/pulls.js'
import { listCommitStatuses } from '../github/statuses.js'
import type { OverrideRules } from '../model/types.js'
import { commenterFacts } from './commenter-facts.js'
import {
  loginsToCheck,
  needsStatuses,
  verifyOverride,
  type CommenterFacts,
  type OverrideCheck
} from './override-evidence.js'
import type { Thread } from './pr-comment.js'

export interface OverrideCheckRequest {
  client: GitHubClient
  teamsClient: GitHubClient
  pr: number
  headSha: string
  /** From the event payload; read from the API when absent. */
  prAuthor?: string
  context: string
  thread: Thread
  /** The effective override rules; asked for only when some comment may count. */
  rules: () => Promise<OverrideRules>
}

/** Used only when every command fails the checks that come before the rules. */
const NO_RULES: OverrideRules = { approvers: [], min_permission: 'admin', allow_author: false }

export async function checkOverride(req: OverrideCheckRequest): Promise<OverrideCheck> {
  const { client, thread, headSha } = req
  const comments = thread.comments
  const logins = loginsToCheck(comments, thread.me)
  const rules = logins.length > 0 ? await req.rules() : NO_RULES
  const facts: Record<string, CommenterFacts> = {}
  for (const login of logins) facts[login.toLowerCase()] = await commenterFacts(client, req.teamsClient, rules, login)
  const statuses = needsStatuses(comments, thread.me) ? await listCommitStatuses(client, headSha) : []
  const prAuthor = req.prAuthor ?? (logins.length > 0 ? (await getPullRequest(client, req.pr)).author : '')
  return verifyOverride({
    headSha,
    prAuthor,
    comments,
    statuses,
    context: req.context,
    tokenLogin: thread.me,
    rules,
    facts
  })
}
