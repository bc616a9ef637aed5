// What the run is about: the event, the repository, the commit, the PR. Payloads are validated.
import * as github from '@actions/github'
import * as z from 'zod'

export interface RunContext {
  eventName: string
  /** `owner/name` */
  repository: string
  sha: string
  /** The workflow run's page, for commit statuses and comments. */
  runUrl?: string
  payload: unknown
}

export function runContext(): RunContext {
  const { context } = github
  const repository = process.env.GITHUB_REPOSITORY ?? ''
  const runUrl =
    context.serverUrl && repository && Number.isInteger(context.runId) && context.runId > 0
      ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}`
      : undefined
  return { eventName: context.eventName, repository, sha: context.sha, runUrl, payload: context.payload }
}

const login = z.looseObject({ login: z.string() })

const pullRequestPayload = z.looseObject({
  pull_request: z.looseObject({
    number: z.number().int().positive(),
    head: z.looseObject({ sha: z.string().min(1) }),
    base: z.looseObject({ sha: z.unknown().optional() }).nullish(),
    user: login.nullish(),
    changed_files: z.number().optional()
  })
})

const FULL_SHA = z.string().regex(/^[0-9a-f]{40}$/i)

export interface PullRequestRef {
  number: number
  headSha: string
  /** `pull_request.base.sha`: the commit whose rules decide; absent (or not a SHA): the gate errs. */
  baseSha?: string
  /** The PR's author, when the payload names one. */
  author?: string
}

/** The PR of a pull_request (or pull_request_target) event, else undefined. */
export function pullRequestOf(ctx: RunContext): PullRequestRef | undefined {
  const parsed = pullRequestPayload.safeParse(ctx.payload)
  if (!parsed.success) return undefined
  const pr = parsed.data.pull_request
  const baseSha = FULL_SHA.safeParse(pr.base?.sha)
  return {
    number: pr.number,
    headSha: pr.head.sha,
    ...(baseSha.success ? { baseSha: baseSha.data.toLowerCase() } : {}),
    ...(pr.user?.login ? { author: pr.user.login } : {})
  }
}

const issueCommentPayload = z.looseObject({
  action: z.string(),
  issue: z.looseObject({
    number: z.number().int().positive(),
    pull_request: z.unknown().optional()
  }),
  comment: z.looseObject({
    id: z.number(),
    body: z.string().nullish(),
    user: login
  })
})

export interface IssueCommentEvent {
  action: string
  issueNumber: number
  onPullRequest: boolean
  commentId: number
  body: string
  commenter: string
}

export function issueCommentOf(ctx: RunContext): IssueCommentEvent | undefined {
  const parsed = issueCommentPayload.safeParse(ctx.payload)
  if (!parsed.success) return undefined
  const { action, issue, comment } = parsed.data
  return {
    action,
    issueNumber: issue.number,
    onPullRequest: issue.pull_request != null,
    commentId: comment.id,
    body: comment.body ?? '',
    commenter: comment.user.login
  }
}
