// Whether an override command may flip a failed gate, decided from facts gathered beforehand. Pure.
import type { OverrideRules } from '../model/types.js'
import { MIN_SHA_LENGTH, namesCommit, OVERRIDE_USAGE } from './override-command.js'

export const ROLES = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const
export type Role = (typeof ROLES)[number]

export type Membership = 'active' | 'not-member' | 'unreadable'

export interface OverrideFacts {
  commenter: string
  prAuthor: string
  rules: OverrideRules
  reason: string
  namedSha?: string
  headSha: string
  /** State of the latest commit status with our context on the head SHA; undefined when there is none. */
  gateState?: string
  role: Role
  /** Team approvers (`org/team`) looked up for the commenter. */
  teams: Record<string, Membership>
}

export type OverrideDecision = { ok: true } | { ok: false; why: string }

/** The approvers split into logins and `org/team` entries. */
export function approverEntries(rules: OverrideRules): { logins: string[]; teams: string[] } {
  const entries = rules.approvers.map((a) => a.trim().replace(/^@/, '')).filter((a) => a !== '')
  return { logins: entries.filter((a) => !a.includes('/')), teams: entries.filter((a) => a.includes('/')) }
}

/** Team lookups are needed only when the commenter is not listed by login. */
export function teamsToCheck(rules: OverrideRules, login: string): string[] {
  const { logins, teams } = approverEntries(rules)
  return logins.some((l) => sameLogin(l, login)) ? [] : teams
}

/** The repository role from GET .../collaborators/{user}/permission: `role_name` when it is a known one. */
export function roleOf(permission: string | undefined, roleName: string | undefined): Role {
  const known = (value: string | undefined) => ROLES.find((r) => r === value)
  return known(roleName) ?? known(permission) ?? 'none'
}

export function decideOverride(f: OverrideFacts): OverrideDecision {
  const approver = decideApprover(f)
  if (!approver.ok) return approver
  if (f.reason.trim() === '') return refuse(`a reason is required: \`${OVERRIDE_USAGE}\``)
  const named = decideNamedSha(f.namedSha, f.headSha)
  if (!named.ok) return named
  if (f.gateState !== 'failure')
    return refuse(
      `the gate has not failed on the head commit ${short(f.headSha)} (status: ${f.gateState ?? 'none'}); only a failed gate can be overridden`
    )
  return { ok: true }
}

/** Who may override may cancel an override, by the same rules: the commenter's standing alone. */
export function decideApprover(
  f: Pick<OverrideFacts, 'commenter' | 'prAuthor' | 'rules' | 'role' | 'teams'>
): OverrideDecision {
  const who = `@${f.commenter}`
  const { logins, teams } = approverEntries(f.rules)
  if (logins.length === 0 && teams.length === 0)
    return refuse('no approvers are configured: add logins or org/team slugs to `override.approvers` in thresholds.yml')

  const listed = logins.some((l) => sameLogin(l, f.commenter))
  const inTeam = teams.some((t) => f.teams[t] === 'active')
  if (!listed && !inTeam) {
    const unreadable = teams.filter((t) => f.teams[t] === 'unreadable')
    if (unreadable.length > 0)
      return refuse(
        `${who} is not an approver: not listed in \`override.approvers\` by login, and GitHub did not confirm ` +
          `a membership of ${unreadable.join(', ')} (it answers 403/404 both to a non-member and to a ` +
          'token that cannot read org membership; a GITHUB_TOKEN never can: pass a GitHub App token or a token ' +
          'with `read:org` as `teams-token`)'
      )
    return refuse(`${who} is not an approver (\`override.approvers\` in thresholds.yml)`)
  }

  if (ROLES.indexOf(f.role) < ROLES.indexOf(f.rules.min_permission))
    return refuse(
      `${who} has \`${f.role}\` permission on this repository; an override needs at least \`${f.rules.min_permission}\``
    )
  if (sameLogin(f.commenter, f.prAuthor) && !f.rules.allow_author)
    return refuse(`${who} opened this pull request and cannot override its gate (\`override.allow_author\` is false)`)
  return { ok: true }
}

/** A SHA named in a command must be the head; absent, the command is about the head. */
export function decideNamedSha(namedSha: string | undefined, headSha: string): OverrideDecision {
  if (namedSha === undefined || namesCommit(namedSha, headSha)) return { ok: true }
  const head = short(headSha)
  if (namedSha.length < MIN_SHA_LENGTH && headSha.toLowerCase().startsWith(namedSha))
    return refuse(
      `the command names commit ${namedSha}, fewer than ${MIN_SHA_LENGTH} characters of a SHA: ` +
        `name the head ${head} with at least ${MIN_SHA_LENGTH}`
    )
  return refuse(
    `the command names commit ${namedSha.slice(0, 12)}, but the head of this pull request is ${head}: ` +
      'an override applies to one commit only'
  )
}

function refuse(why: string): OverrideDecision {
  return { ok: false, why }
}

function short(sha: string): string {
  return sha.slice(0, 7)
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}
