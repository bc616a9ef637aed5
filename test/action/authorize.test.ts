import { describe, expect, it } from '@jest/globals'
import { decideApprover, decideOverride, roleOf, teamsToCheck, type OverrideFacts } from '../../src/action/authorize.js'

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const rules = { approvers: ['alice', 'acme/agent-owners'], min_permission: 'maintain' as const, allow_author: false }

function facts(overrides: Partial<OverrideFacts> = {}): OverrideFacts {
  return {
    commenter: 'alice',
    prAuthor: 'carol',
    rules,
    reason: 'known flaky fixture',
    headSha: HEAD,
    gateState: 'failure',
    role: 'maintain',
    teams: {},
    ...overrides
  }
}

const why = (f: OverrideFacts) => {
  const decision = decideOverride(f)
  return decision.ok ? 'ok' : decision.why
}

describe('decideOverride', () => {
  it('accepts a listed approver with enough permission on a failed head', () => {
    expect(decideOverride(facts())).toEqual({ ok: true })
    expect(decideOverride(facts({ commenter: 'ALICE', namedSha: 'a1b2c3d' }))).toEqual({ ok: true })
  })

  it('accepts an active member of a listed team', () => {
    expect(decideOverride(facts({ commenter: 'bob', teams: { 'acme/agent-owners': 'active' } }))).toEqual({ ok: true })
  })

  it('refuses a commenter who is not an approver', () => {
    expect(why(facts({ commenter: 'mallory', teams: { 'acme/agent-owners': 'not-member' } }))).toMatch(
      /@mallory is not an approver/
    )
  })

  it('fails closed when team membership cannot be read, and says why', () => {
    expect(why(facts({ commenter: 'bob', teams: { 'acme/agent-owners': 'unreadable' } }))).toMatch(
      /@bob is not an approver: .*membership of acme\/agent-owners .*cannot read org membership/
    )
  })

  it('refuses a permission under min_permission', () => {
    expect(why(facts({ role: 'write' }))).toMatch(/`write` permission.*at least `maintain`/)
    expect(why(facts({ role: 'admin' }))).toBe('ok')
  })

  it('refuses the PR author unless allow_author', () => {
    expect(why(facts({ prAuthor: 'alice' }))).toMatch(/opened this pull request/)
    expect(why(facts({ prAuthor: 'alice', rules: { ...rules, allow_author: true } }))).toBe('ok')
  })

  it('refuses an empty reason', () => {
    expect(why(facts({ reason: '  ' }))).toMatch(/a reason is required/)
  })

  it('refuses a SHA that is not the head', () => {
    expect(why(facts({ namedSha: 'b2c3d4e5' }))).toMatch(/names commit b2c3d4e5, but the head .* is a1b2c3d/)
  })

  it('refuses a 6-character SHA word of another commit, and says why a 6-character prefix of the head is not enough', () => {
    expect(why(facts({ namedSha: 'bbb222' }))).toMatch(/names commit bbb222, but the head .* is a1b2c3d/)
    expect(why(facts({ namedSha: 'a1b2c3' }))).toMatch(
      /names commit a1b2c3, fewer than 7 characters of a SHA: name the head a1b2c3d with at least 7/
    )
    expect(why(facts({ namedSha: 'a'.repeat(41) }))).toMatch(/names commit a{12}, but the head/)
  })

  it('refuses when the gate has not failed on the head', () => {
    expect(why(facts({ gateState: 'success' }))).toMatch(/has not failed .*status: success/)
    expect(why(facts({ gateState: undefined }))).toMatch(/status: none/)
    expect(why(facts({ gateState: 'error' }))).toMatch(/status: error/)
  })

  it('refuses everyone when no approver is configured', () => {
    expect(why(facts({ rules: { ...rules, approvers: [] } }))).toMatch(/no approvers are configured/)
  })
})

describe('decideApprover (who may cancel an override)', () => {
  it('applies the approver rules of an override, without a reason or a failed gate', () => {
    expect(decideApprover(facts({ reason: '', gateState: 'success' }))).toEqual({ ok: true })
    expect(decideApprover(facts({ commenter: 'mallory' }))).toMatchObject({ ok: false, why: /not an approver/ })
    expect(decideApprover(facts({ role: 'write' }))).toMatchObject({ ok: false, why: /at least `maintain`/ })
    expect(decideApprover(facts({ prAuthor: 'alice' }))).toMatchObject({ ok: false, why: /opened this pull request/ })
  })
})

describe('roleOf', () => {
  it('prefers role_name, falls back to permission', () => {
    expect(roleOf('write', 'maintain')).toBe('maintain')
    expect(roleOf('read', 'triage')).toBe('triage')
    expect(roleOf('write', 'custom-security-role')).toBe('write')
    expect(roleOf(undefined, undefined)).toBe('none')
  })
})

describe('teamsToCheck', () => {
  it('skips team lookups for a listed login', () => {
    expect(teamsToCheck(rules, 'Alice')).toEqual([])
    expect(teamsToCheck(rules, 'bob')).toEqual(['acme/agent-owners'])
  })
})
