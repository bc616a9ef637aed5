// Mode override (issue_comment): `/evalgate override [<sha>] <reason>` by an authorized approver
// flips a failed gate to success for the PR's current head. Reads only the API: the override
// rules come from the PR's base commit, never from the workspace or the PR; never runs PR code.
import * as core from '@actions/core'
import { createClient, type GitHubClient } from '../github/client.js'
import { createIssueComment } from '../github/comments.js'
import { tokenLogin } from '../github/identity.js'
import { getPullRequest } from '../github/pulls.js'
import { reactToComment } from '../github/reactions.js'
import { latestStatusState, setCommitStatus } from '../github/statuses.js'
import { decideOverride } from './authorize.js'
import { readBaseOverrideRules } from './base-rules.js'
import { commenterFacts } from './commenter-facts.js'
import { renderComment, type OverrideRecord } from './comment-body.js'
import { escapeUserText } from './escape.js'
import { issueCommentOf, type IssueCommentEvent, type RunContext } from './event.js'
import type { ActionInputs } from './inputs.js'
import { OVERRIDE_USAGE, parseOverrideCommand } from './override-command.js'
import { emptyState, findOurComment, writeOurComment } from './pr-comment.js'
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
  const gateState = await latestStatusState(client, pr.headSha, inputs.statusContext)
  const reason = escapeUserText(command.reason)
  const decision = decideOverride({
    commenter,
    prAuthor: pr.author,
    rules,
    reason,
    namedSha: command.sha,
    headSha: pr.headSha,
    gateState,
    ...facts
  })
  if (!decision.ok) return refuse(decision.why)

  // The audit record first: a status flipped without it would be an override nobody can trace.
  const existing = await findOurComment(client, pr.number, inputs.statusContext)
  const state = existing?.state ?? emptyState()
  const record: OverrideRecord = {
    sha: pr.headSha,
    login: commenter,
    at: new Date().toISOString(),
    reason,
    tiers: state.head === pr.headSha ? (state.failed ?? []) : []
  }
  const body = renderComment({
    context: inputs.statusContext,
    state: { ...state, head: pr.headSha, overrides: [...state.overrides, record] },
    result: existing?.result ?? '',
    runUrl: ctx.runUrl
  })
  await writeOurComment(client, pr.number, existing, body)
  await setCommitStatus(client, pr.headSha, {
    state: 'success',
    context: inputs.statusContext,
    description: `overridden by @${commenter}`,
    targetUrl: ctx.runUrl
  })
  await reactToComment(client, event.commentId, '+1')
  core.info(`evalgate: override by @${commenter} accepted on ${pr.headSha}: ${reason}`)
  await core.summary
    .addRaw(`**evalgate: overridden** by @${commenter} on \`${pr.headSha.slice(0, 7)}\`: ${reason}\n`)
    .write()
  return { decision: 'overridden' }
}

async function refuseOverride(client: GitHubClient, event: IssueCommentEvent, why: string): Promise<ModeResult> {
  const body = [
    `@${event.commenter} **evalgate: override refused** — ${why}.`,
    '',
    `<sub>Nothing was changed. Usage: \`${OVERRIDE_USAGE}\`</sub>`
  ].join('\n')
  await createIssueComment(client, event.issueNumber, body)
  core.warning(`evalgate: override refused: ${why}`)
  return { decision: 'refused' }
}
