// Mode override (issue_comment): `/evalgate override [<sha>] <reason>` by an authorized approver
// flips a failed gate to success for the PR's current head; `/evalgate override cancel [<sha>]`
// by an approver takes that back. Reads only the API: the override rules come from the PR's base
// commit, never from the workspace or the PR; never runs PR code.
import * as core from '@actions/core'
import { createClient, type GitHubClient } from '../github/client.js'
import { createIssueComment } from '../github/comments.js'
import { tokenLogin } from '../github/identity.js'
import { getPullRequest } from '../github/pulls.js'
import { reactToComment } from '../github/reactions.js'
import { latestStatusState, setCommitStatus } from '../github/statuses.js'
import { decideApprover, decideNamedSha, decideOverride } from './authorize.js'
import { readBaseOverrideRules } from './base-rules.js'
import { commenterFacts } from './commenter-facts.js'
import type { OverrideRecord } from './comment-body.js'
import { cancelOverride, writeLog, type Accepted } from './override-cancel.js'
import { escapeUserText } from './escape.js'
import { issueCommentOf, type IssueCommentEvent, type RunContext } from './event.js'
import type { ActionInputs } from './inputs.js'
import { CANCEL_USAGE, OVERRIDE_USAGE, parseOverrideCommand } from './override-command.js'
import { emptyState, findOurComment } from './pr-comment.js'
import type { ModeResult } from './result.js'

const IGNORED: ModeResult = { decision: 'ignored' }

export async function overrideMode(inputs: ActionInputs, ctx: RunContext): Promise<ModeResult> {
  const event = issueCommentOf(ctx)
  if (!event) return { decision: 'error', failure: 'evalgate: mode override needs an issue_comment event' }
  const command = parseOverrideCommand(event.body)
  if (command.kind === 'not-a-command' || !event.onPullRequest || event.action === 'deleted') {
    core.info('not an /evalgate command on a pull request: nothing to do')
    return IGNORED
  }
  const client = createClient(inputs.token, ctx.repository)
  const refuse = (why: string) => refuseOverride(client, event, why)
  if (event.action !== 'created') return refuse('an edited comment is not accepted; post the command as a new comment')
  if (command.kind === 'unknown-command')
    return refuse(`unknown command \`/evalgate ${escapeUserText(command.word, 40)}\`; usage: \`${OVERRIDE_USAGE}\``)

  const commenter = event.commenter
  const me = await tokenLogin(client)
  if (commenter.toLowerCase() === me.toLowerCase())
    return refuse(`@${me} is the identity of the action's own token, which never approves`)
  const pr = await getPullRequest(client, event.issueNumber)
  if (!pr.baseSha)
    return refuse(
      `GitHub did not say which commit pull request #${pr.number} is based on, so its override rules cannot be read`
    )
  const read = await readBaseOverrideRules(client, pr.baseSha, inputs.thresholds)
  if (!read.ok) return refuse(read.why)
  const { rules } = read
  const teamsClient = inputs.teamsToken === inputs.token ? client : createClient(inputs.teamsToken, ctx.repository)
  const facts = await commenterFacts(client, teamsClient, rules, commenter)
  const standing = { commenter, prAuthor: pr.author, rules, headSha: pr.headSha, ...facts }
  const accepted: Accepted = { client, inputs, ctx, event, headSha: pr.headSha, prNumber: pr.number }
  if (command.kind === 'cancel') {
    const approver = decideApprover(standing)
    if (!approver.ok) return refuse(approver.why)
    const named = decideNamedSha(command.sha, pr.headSha)
    if (!named.ok) return refuse(named.why)
    const cancel = await cancelOverride(accepted, me, escapeUserText(command.note))
    return cancel.ok ? { decision: 'cancelled' } : refuse(cancel.why)
  }
  const gateState = await latestStatusState(client, pr.headSha, inputs.statusContext)
  const reason = escapeUserText(command.reason)
  const decision = decideOverride({ ...standing, reason, namedSha: command.sha, gateState })
  if (!decision.ok) return refuse(decision.why)
  await acceptOverride(accepted, reason)
  return { decision: 'overridden' }
}

async function acceptOverride(a: Accepted, reason: string): Promise<void> {
  const { client, inputs, event, headSha } = a
  const commenter = event.commenter
  // The audit record first: a status flipped without it would be an override nobody can trace.
  const existing = await findOurComment(client, a.prNumber, inputs.statusContext)
  const state = existing?.state ?? emptyState()
  const record: OverrideRecord = {
    sha: headSha,
    login: commenter,
    at: new Date().toISOString(),
    reason,
    tiers: state.head === headSha ? (state.failed ?? []) : []
  }
  await writeLog(a, existing, record)
  await setCommitStatus(client, headSha, {
    state: 'success',
    context: inputs.statusContext,
    description: `overridden by @${commenter}`,
    targetUrl: a.ctx.runUrl
  })
  await reactToComment(client, event.commentId, '+1')
  core.info(`evalgate: override by @${commenter} accepted on ${headSha}: ${reason}`)
  await core.summary
    .addRaw(`**evalgate: overridden** by @${commenter} on \`${headSha.slice(0, 7)}\`: ${reason}\n`)
    .write()
}

async function refuseOverride(client: GitHubClient, event: IssueCommentEvent, why: string): Promise<ModeResult> {
  const body = [
    `@${event.commenter} **evalgate: override refused** — ${why}.`,
    '',
    `<sub>Nothing was changed. Usage: \`${OVERRIDE_USAGE}\`, \`${CANCEL_USAGE}\`</sub>`
  ].join('\n')
  await createIssueComment(client, event.issueNumber, body)
  core.warning(`evalgate: override refused: ${why}`)
  return { decision: 'refused' }
}
