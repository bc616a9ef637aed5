// `/evalgate override cancel [<sha>]`, accepted (the approver checks are done): puts the gate back
// in force on the head. The gate's own verdict is the latest `failure` status our token set on that
// head (an override never replaces a status, it adds one), so its description is restored as it was.
import * as core from '@actions/core'
import type { GitHubClient } from '../github/client.js'
import { reactToComment } from '../github/reactions.js'
import { listCommitStatuses, setCommitStatus, type StatusRecord } from '../github/statuses.js'
import { renderComment, type OverrideRecord } from './comment-body.js'
import { escapeUserText } from './escape.js'
import type { IssueCommentEvent, RunContext } from './event.js'
import type { ActionInputs } from './inputs.js'
import { emptyState, findOurComment, writeOurComment, type OurComment } from './pr-comment.js'

export const OVERRIDDEN_PREFIX = 'overridden by @'

/** An accepted command: where it was given and about which head. */
export interface Accepted {
  client: GitHubClient
  inputs: ActionInputs
  ctx: RunContext
  event: IssueCommentEvent
  headSha: string
  prNumber: number
}

export type CancelResult = { ok: true } | { ok: false; why: string }

export async function cancelOverride(a: Accepted, tokenLogin: string, note: string): Promise<CancelResult> {
  const { client, inputs, event, headSha } = a
  const head = headSha.slice(0, 7)
  const statuses = (await listCommitStatuses(client, headSha)).filter((s) => s.context === inputs.statusContext)
  const latest = statuses[0]
  if (!latest || latest.state !== 'success' || !latest.description.startsWith(OVERRIDDEN_PREFIX))
    return {
      ok: false,
      why: `no override is in force on the head commit ${head} (status: ${latest ? describe(latest) : 'none'}); there is nothing to cancel`
    }
  const description = gateDescription(statuses, tokenLogin)

  // The audit record first, as for an override.
  const existing = await findOurComment(client, a.prNumber, inputs.statusContext)
  const record: OverrideRecord = {
    sha: headSha,
    login: event.commenter,
    at: new Date().toISOString(),
    reason: note,
    tiers: [],
    kind: 'cancel'
  }
  await writeLog(a, existing, record)
  await setCommitStatus(client, headSha, {
    state: 'failure',
    context: inputs.statusContext,
    description,
    targetUrl: a.ctx.runUrl
  })
  await reactToComment(client, event.commentId, '+1')
  core.info(`evalgate: @${event.commenter} cancelled the override on ${headSha}; the gate is in force again`)
  await core.summary
    .addRaw(
      `**evalgate: override cancelled** by @${event.commenter} on \`${head}\`: the gate fails again (${description})\n`
    )
    .write()
  return { ok: true }
}

/** The gate's verdict on the head before it was overridden: our latest `failure` status there. */
function gateDescription(statuses: StatusRecord[], tokenLogin: string): string {
  const gate = statuses.find((s) => s.state === 'failure' && s.creator.toLowerCase() === tokenLogin.toLowerCase())
  return gate?.description || 'the gate failed (override cancelled)'
}

/** Anyone with a token can set a status with our context: its text is echoed escaped. */
function describe(status: StatusRecord): string {
  return status.description ? `${status.state}, "${escapeUserText(status.description, 140)}"` : status.state
}

/** Adds `record` to the comment's override log, keeping the gate's outcome and result. */
export async function writeLog(a: Accepted, existing: OurComment | undefined, record: OverrideRecord): Promise<void> {
  const state = existing?.state ?? emptyState()
  const body = renderComment({
    context: a.inputs.statusContext,
    state: { ...state, head: a.headSha, overrides: [...state.overrides, record] },
    outcome: existing?.outcome,
    result: existing?.result ?? '',
    runUrl: a.ctx.runUrl
  })
  await writeOurComment(a.client, a.prNumber, existing, body)
}
