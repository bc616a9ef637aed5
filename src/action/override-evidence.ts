// Which override, if any, is in force on a PR's head, re-verified from what a PR author cannot
// forge: an approver's own unedited command comment, the approver's current permission under the
// effective `override` rules, and, for a command that names no commit, an immutable commit status
// that the override mode set on that head after the comment. An approver's unedited
// `/evalgate override cancel` posted later takes an override back. Anyone with write access can
// edit any comment, the bot's included, so the bot comment's hidden state is never evidence. Pure.
import type { OverrideRules } from '../model/types.js'
import { decideApprover, decideNamedSha, decideOverride, type Membership, type Role } from './authorize.js'
import { parseOverrideCommand } from './override-command.js'

export interface EvidenceComment {
  id: number
  login: string
  body: string
  createdAt: string
  updatedAt: string
}

export interface EvidenceStatus {
  context: string
  description: string
  /** Login of the token that set it. */
  creator: string
  createdAt: string
}

/** A commenter's standing now: repository role and the approver teams looked up for them. */
export interface CommenterFacts {
  role: Role
  teams: Record<string, Membership>
}

export interface OverrideEvidence {
  headSha: string
  prAuthor: string
  /** Every comment of the PR. */
  comments: EvidenceComment[]
  /** The statuses on the head commit (any context). */
  statuses: EvidenceStatus[]
  /** The gate's status context. */
  context: string
  /** Who the action's token writes as: its comments and statuses are the action's own. */
  tokenLogin: string
  /** The effective (base's) override rules. */
  rules: OverrideRules
  /** Per candidate login, lower-cased; a candidate without facts is rejected. */
  facts: Record<string, CommenterFacts>
}

export interface VerifiedOverride {
  sha: string
  login: string
  commentId: number
  /** When the approver's comment was posted. */
  at: string
  /** As written: escape before echoing. */
  reason: string
}

export interface RejectedCandidate {
  commentId: number
  login: string
  why: string
}

export interface OverrideCheck {
  override?: VerifiedOverride
  /** Every command comment that did not count, with why, for the log. */
  rejected: RejectedCandidate[]
}

interface Candidate {
  comment: EvidenceComment
  kind: 'override' | 'cancel'
  sha?: string
  reason: string
}

/** The PR's `/evalgate override` and `/evalgate override cancel` comments, oldest first. */
function candidates(comments: EvidenceComment[]): Candidate[] {
  return comments
    .flatMap((comment): Candidate[] => {
      const parsed = parseOverrideCommand(comment.body)
      if (parsed.kind === 'override') return [{ comment, kind: 'override', sha: parsed.sha, reason: parsed.reason }]
      if (parsed.kind === 'cancel') return [{ comment, kind: 'cancel', sha: parsed.sha, reason: parsed.note }]
      return []
    })
    .sort((a, b) => time(a.comment.createdAt) - time(b.comment.createdAt) || a.comment.id - b.comment.id)
}

/** The logins whose permission and teams are worth looking up: authors of commands that may count. */
export function loginsToCheck(comments: EvidenceComment[], tokenLogin: string): string[] {
  const logins = new Map<string, string>()
  for (const c of candidates(comments))
    if (!precheck(c, tokenLogin) && !logins.has(lower(c.comment.login)))
      logins.set(lower(c.comment.login), c.comment.login)
  return [...logins.values()]
}

/** Whether any override names no commit, so that the head's statuses are needed. */
export function needsStatuses(comments: EvidenceComment[], tokenLogin: string): boolean {
  return candidates(comments).some((c) => c.kind === 'override' && !precheck(c, tokenLogin) && c.sha === undefined)
}

/**
 * The last override that passes every check, unless an approver's cancel that passes them too was
 * posted after it: a cancel takes back every override before it, never one after it.
 */
export function verifyOverride(e: OverrideEvidence): OverrideCheck {
  const rejected: RejectedCandidate[] = []
  let override: VerifiedOverride | undefined
  for (const c of candidates(e.comments)) {
    const { id: commentId, login, createdAt: at } = c.comment
    const why = c.kind === 'override' ? rejection(c, e) : cancelRejection(c, e)
    if (why) rejected.push({ commentId, login, why })
    else if (c.kind === 'override') override = { sha: e.headSha, login, commentId, at, reason: c.reason }
    else if (override) {
      rejected.push({
        commentId: override.commentId,
        login: override.login,
        why: `cancelled by @${login} (comment ${commentId}, posted ${at})`
      })
      override = undefined
    }
  }
  return { ...(override ? { override } : {}), rejected }
}

/** The checks that need no API: who wrote it and whether it was edited. */
function precheck(c: Candidate, tokenLogin: string): string | undefined {
  const { login, createdAt, updatedAt } = c.comment
  if (lower(login) === lower(tokenLogin))
    return `written by @${tokenLogin}, the identity of the action's own token, which never approves`
  if (createdAt !== updatedAt)
    return `edited after it was posted (created ${createdAt}, updated ${updatedAt}); only an unedited comment counts`
  return undefined
}

function rejection(c: Candidate, e: OverrideEvidence): string | undefined {
  const early = precheck(c, e.tokenLogin)
  if (early) return early
  const login = c.comment.login
  const facts = e.facts[lower(login)]
  if (!facts) return `the permission of @${login} could not be read`
  const decision = decideOverride({
    commenter: login,
    prAuthor: e.prAuthor,
    rules: e.rules,
    reason: c.reason,
    namedSha: c.sha,
    headSha: e.headSha,
    // Asked only about a head whose gate failed.
    gateState: 'failure',
    role: facts.role,
    teams: facts.teams
  })
  if (!decision.ok) return decision.why
  if (c.sha !== undefined || givenWhileHead(c.comment, e)) return undefined
  const head = e.headSha.slice(0, 7)
  return (
    `names no commit, and no status "overridden by @${login}" set by @${e.tokenLogin} on ${head} after the ` +
    `comment shows that ${head} was the head when it was given`
  )
}

/** A cancel counts by the approver rules of an override; one that names another commit is about that commit. */
function cancelRejection(c: Candidate, e: OverrideEvidence): string | undefined {
  const early = precheck(c, e.tokenLogin)
  if (early) return early
  const login = c.comment.login
  const facts = e.facts[lower(login)]
  if (!facts) return `the permission of @${login} could not be read`
  const approver = decideApprover({ commenter: login, prAuthor: e.prAuthor, rules: e.rules, ...facts })
  if (!approver.ok) return approver.why
  const named = decideNamedSha(c.sha, e.headSha)
  return named.ok ? undefined : named.why
}

/** The override mode accepted a command of this approver while the head was current, after `comment`. */
function givenWhileHead(comment: EvidenceComment, e: OverrideEvidence): boolean {
  const posted = time(comment.createdAt)
  return e.statuses.some(
    (s) =>
      s.context === e.context &&
      lower(s.creator) === lower(e.tokenLogin) &&
      lower(s.description) === lower(`overridden by @${comment.login}`) &&
      time(s.createdAt) > posted
  )
}

/** Milliseconds; NaN for a timestamp that does not parse, which never compares as later. */
function time(iso: string): number {
  return Date.parse(iso)
}

function lower(login: string): string {
  return login.toLowerCase()
}
