// Gathers what override-evidence.ts needs on a gate run that failed: the PR's comments, the
// standing of the commenters who may count (looked up for them only), the head's statuses when a
// command names no commit. Any API failure throws: no override is ever assumed.
import * as core from '@actions/core'
import type { GitHubClient } from '../github/client.js'
import { getPullRequest } from '../github/pulls.js'
import { listCommitStatuses } from '../github/statuses.js'
import type { OverrideRules } from '../model/types.js'
import { readBaseOverrideRules } from './base-rules.js'
import { commenterFacts } from './commenter-facts.js'
import {
  loginsToCheck,
  needsStatuses,
  verifyOverride,
  type CommenterFacts,
  type OverrideCheck,
  type VerifiedOverride
} from './override-evidence.js'
import type { Thread } from './pr-comment.js'
import type { Target } from './target.js'
import type { GateOutcome } from './verdict.js'

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

/** The override in force on a failed head, re-verified from the approvers' own comments; never from our cache. */
export async function overrideInForce(
  target: Target,
  thread: Thread,
  outcome: Extract<GateOutcome, { kind: 'report' }>
): Promise<VerifiedOverride | undefined> {
  const check = await checkOverride({
    client: target.client,
    teamsClient: target.teamsClient,
    pr: target.pr!,
    headSha: target.sha,
    prAuthor: target.prAuthor,
    context: target.context,
    thread,
    rules: () => overrideRules(target, outcome)
  })
  for (const r of check.rejected)
    core.info(`evalgate: override comment ${r.commentId} by @${r.login} does not count: ${r.why}`)
  return check.override
}

/** The run's effective rules when the engine gives them, else the base's thresholds file. */
async function overrideRules(
  target: Target,
  outcome: Extract<GateOutcome, { kind: 'report' }>
): Promise<OverrideRules> {
  if (outcome.overrideRules) return outcome.overrideRules
  if (!target.baseSha) throw new Error('evalgate: overrides were not checked: the event names no base commit')
  const read = await readBaseOverrideRules(target.client, target.baseSha, target.thresholdsFile)
  if (!read.ok) throw new Error(`evalgate: overrides were not checked: ${read.why}`)
  return read.rules
}
