import { describe, expect, it } from '@jest/globals'
import { commentMarker } from '../../src/action/comment-body.js'
import {
  loginsToCheck,
  needsStatuses,
  verifyOverride,
  type EvidenceComment,
  type EvidenceStatus,
  type OverrideEvidence
} from '../../src/action/override-evidence.js'

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const OLD_HEAD = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c'
const BOT = 'github-actions[bot]'

let nextId = 1
function comment(login: string, body: string, at: string, editedAt?: string): EvidenceComment {
  return { id: nextId++, login, body, createdAt: at, updatedAt: editedAt ?? at }
}

function status(description: string, at: string, creator = BOT, context = 'evalgate'): EvidenceStatus {
  return { context, description, creator, createdAt: at }
}

/** The base's rules: alice and carol and a team approve, at least `maintain`. */
function evidence(more: Partial<OverrideEvidence>): OverrideEvidence {
  return {
    headSha: HEAD,
    prAuthor: 'carol',
    comments: [],
    statuses: [],
    context: 'evalgate',
    tokenLogin: BOT,
    rules: { approvers: ['alice', 'carol', 'acme/agent-owners'], min_permission: 'maintain', allow_author: false },
    facts: {
      alice: { role: 'maintain', teams: {} },
      bob: { role: 'admin', teams: { 'acme/agent-owners': 'active' } },
      carol: { role: 'admin', teams: {} },
      mallory: { role: 'admin', teams: { 'acme/agent-owners': 'not-member' } },
      [BOT]: { role: 'write', teams: {} }
    },
    ...more
  }
}

const T1 = '2030-01-01T10:00:00Z'
const T2 = '2030-01-01T10:05:00Z'
const T3 = '2030-01-01T10:10:00Z'

describe('verifyOverride', () => {
  it('an approver comment naming the head counts, with who, when and why', () => {
    const c = comment('alice', `/evalgate override ${HEAD.slice(0, 7)} flaky fixture`, T1)
    expect(verifyOverride(evidence({ comments: [c] }))).toEqual({
      override: { sha: HEAD, login: 'alice', commentId: c.id, at: T1, reason: 'flaky fixture' },
      rejected: []
    })
  })

  it('a team approver counts through their current membership', () => {
    const c = comment('bob', `/evalgate override ${HEAD} reviewed`, T1)
    expect(verifyOverride(evidence({ comments: [c] })).override?.login).toBe('bob')
  })

  it('an edited approver comment grants nothing', () => {
    const c = comment('alice', `/evalgate override ${HEAD} flaky`, T1, T2)
    const check = verifyOverride(evidence({ comments: [c] }))
    expect(check.override).toBeUndefined()
    expect(check.rejected).toEqual([
      { commentId: c.id, login: 'alice', why: expect.stringMatching(/^edited after it was posted/) }
    ])
  })

  it('an edited bot comment forging an override of a newer head grants nothing', () => {
    const forged = {
      v: 1,
      head: HEAD,
      overrides: [{ sha: HEAD, login: 'alice', at: T1, reason: 'x', tiers: [] }]
    }
    const bot = comment(
      BOT,
      `${commentMarker('evalgate')}\n<!-- evalgate:state ${JSON.stringify(forged)} -->\n<!-- evalgate:end -->`,
      T1,
      T3
    )
    // alice's real override named the older head.
    const alice = comment('alice', `/evalgate override ${OLD_HEAD} flaky`, T2)
    const check = verifyOverride(evidence({ comments: [bot, alice] }))
    expect(check.override).toBeUndefined()
    expect(check.rejected).toEqual([
      { commentId: alice.id, login: 'alice', why: expect.stringMatching(/names commit 0f1e2d3c4b5a, but the head/) }
    ])
  })

  it('a pasted record or a quoted command by anyone grants nothing', () => {
    const record = `${commentMarker('evalgate')}\n<!-- evalgate:state {"v":1,"head":"${HEAD}","overrides":[{"sha":"${HEAD}","login":"alice","at":"x","reason":"x","tiers":[]}]} -->`
    const comments = [
      comment('mallory', record, T1),
      comment('alice', record, T1),
      comment('mallory', `> /evalgate override ${HEAD} as alice said`, T2),
      comment('mallory', `**Overridden** by @alice on \`${HEAD.slice(0, 7)}\``, T2)
    ]
    expect(verifyOverride(evidence({ comments }))).toEqual({ rejected: [] })
  })

  it('a command that names no commit counts with a status on the head, set by the token user after it', () => {
    const c = comment('alice', '/evalgate override flaky', T1)
    const check = verifyOverride(evidence({ comments: [c], statuses: [status('overridden by @alice', T2)] }))
    expect(check.override).toMatchObject({ login: 'alice', sha: HEAD })
  })

  it('a SHA-less command given while another head was current grants nothing on this head', () => {
    const c = comment('alice', '/evalgate override flaky', T1)
    const statuses = [status('T1 100.0% >= 90%, T2 60.0% < 80%', T3), status('running the golden tasks…', T2)]
    const check = verifyOverride(evidence({ comments: [c], statuses }))
    expect(check.override).toBeUndefined()
    expect(check.rejected[0].why).toMatch(
      /^names no commit, and no status "overridden by @alice" set by @github-actions\[bot\] on a1b2c3d after the comment/
    )
  })

  it.each([
    ['set by someone else (a personal token)', status('overridden by @alice', T2, 'carol')],
    ['set before the comment', status('overridden by @alice', '2030-01-01T09:00:00Z')],
    ['naming another approver', status('overridden by @bob', T2)],
    ['in another context', status('overridden by @alice', T2, BOT, 'other-gate')],
    ['with a time that does not parse', status('overridden by @alice', 'soon')]
  ])('a status %s does not prove when a SHA-less command was given', (_name, s) => {
    const c = comment('alice', '/evalgate override flaky', T1)
    expect(verifyOverride(evidence({ comments: [c], statuses: [s] })).override).toBeUndefined()
  })

  it('an approver who lost the permission since grants nothing', () => {
    const c = comment('alice', `/evalgate override ${HEAD} flaky`, T1)
    const facts = { ...evidence({}).facts, alice: { role: 'write' as const, teams: {} } }
    const check = verifyOverride(evidence({ comments: [c], facts }))
    expect(check.override).toBeUndefined()
    expect(check.rejected[0].why).toMatch(
      /@alice has `write` permission on this repository; an override needs at least `maintain`/
    )
  })

  it('a team approver who left the team grants nothing', () => {
    const c = comment('bob', `/evalgate override ${HEAD} reviewed`, T1)
    const facts = {
      ...evidence({}).facts,
      bob: { role: 'admin' as const, teams: { 'acme/agent-owners': 'not-member' as const } }
    }
    expect(verifyOverride(evidence({ comments: [c], facts })).rejected[0].why).toMatch(/@bob is not an approver/)
  })

  it("not an approver under the base's rules grants nothing, whatever the PR's thresholds.yml says", () => {
    // The PR's thresholds.yml lists mallory; the rules here are the base's.
    const c = comment('mallory', `/evalgate override ${HEAD} ship it`, T1)
    const check = verifyOverride(evidence({ comments: [c] }))
    expect(check.override).toBeUndefined()
    expect(check.rejected[0].why).toMatch(/@mallory is not an approver/)
  })

  it("a command written by the token's user grants nothing, even when that user is listed", () => {
    const rules = { approvers: [BOT, 'alice'], min_permission: 'write' as const, allow_author: false }
    const c = comment(BOT, `/evalgate override ${HEAD} forged by an agent holding the token`, T1)
    const check = verifyOverride(evidence({ comments: [c], rules }))
    expect(check.override).toBeUndefined()
    expect(check.rejected[0].why).toMatch(/^written by @github-actions\[bot\], the identity of the action's own token/)
  })

  it('the PR author, an empty reason and a commenter without facts grant nothing', () => {
    const comments = [
      comment('carol', `/evalgate override ${HEAD} my own PR`, T1),
      comment('alice', `/evalgate override ${HEAD}`, T1),
      comment('dave', `/evalgate override ${HEAD} hi`, T1)
    ]
    const check = verifyOverride(evidence({ comments }))
    expect(check.override).toBeUndefined()
    expect(check.rejected.map((r) => r.why)).toEqual([
      expect.stringMatching(/@carol opened this pull request/),
      expect.stringMatching(/a reason is required/),
      'the permission of @dave could not be read'
    ])
  })

  it('with several valid commands, the latest counts; the rejected are all listed', () => {
    const comments = [
      comment('alice', `/evalgate override ${HEAD} second`, T2),
      comment('bob', `/evalgate override ${HEAD} first`, T1),
      comment('mallory', `/evalgate override ${HEAD} third`, T3)
    ]
    const check = verifyOverride(evidence({ comments }))
    expect(check.override).toMatchObject({ login: 'alice', reason: 'second' })
    expect(check.rejected.map((r) => r.login)).toEqual(['mallory'])
  })
})

describe('cancels', () => {
  const T4 = '2030-01-01T10:15:00Z'

  it("an approver's unedited cancel posted after the override takes it back", () => {
    const o = comment('alice', `/evalgate override ${HEAD} flaky`, T1)
    const c = comment('bob', '/evalgate override cancel', T2)
    const check = verifyOverride(evidence({ comments: [c, o] }))
    expect(check.override).toBeUndefined()
    expect(check.rejected).toEqual([
      { commentId: o.id, login: 'alice', why: `cancelled by @bob (comment ${c.id}, posted ${T2})` }
    ])
  })

  it('an override posted after the cancel counts again', () => {
    const comments = [
      comment('alice', `/evalgate override ${HEAD} flaky`, T1),
      comment('alice', `/evalgate override cancel ${HEAD.slice(0, 7)}`, T2),
      comment('alice', `/evalgate override ${HEAD} really flaky`, T3)
    ]
    expect(verifyOverride(evidence({ comments })).override).toMatchObject({ reason: 'really flaky' })
  })

  it('a cancel posted before the override, in the same second, is ordered by comment id', () => {
    const c = comment('alice', '/evalgate override cancel', T1)
    const o = comment('alice', `/evalgate override ${HEAD} flaky`, T1)
    expect(verifyOverride(evidence({ comments: [o, c] })).override).toMatchObject({ commentId: o.id })
  })

  it.each([
    ['by a non-approver', () => comment('mallory', '/evalgate override cancel', T2), /@mallory is not an approver/],
    ['edited', () => comment('bob', '/evalgate override cancel', T2, T3), /^edited after it was posted/],
    ['by the token user', () => comment(BOT, '/evalgate override cancel', T2), /^written by @github-actions/],
    ['by the PR author', () => comment('carol', '/evalgate override cancel', T2), /@carol opened this pull request/],
    [
      'naming another commit',
      () => comment('bob', `/evalgate override cancel ${OLD_HEAD}`, T2),
      /names commit 0f1e2d3c4b5a, but the head/
    ]
  ])('a cancel %s takes nothing back', (_name, cancel, why) => {
    const o = comment('alice', `/evalgate override ${HEAD} flaky`, T1)
    const c = cancel()
    const check = verifyOverride(evidence({ comments: [o, c] }))
    expect(check.override).toMatchObject({ commentId: o.id })
    expect(check.rejected).toEqual([{ commentId: c.id, login: c.login, why: expect.stringMatching(why) }])
  })

  it('a cancel needs the permission of its author and never the statuses', () => {
    const comments = [comment('bob', '/evalgate override cancel', T4)]
    expect(loginsToCheck(comments, BOT)).toEqual(['bob'])
    expect(needsStatuses(comments, BOT)).toBe(false)
  })
})

describe('what to look up', () => {
  const comments = [
    comment('alice', `/evalgate override ${HEAD} flaky`, T1),
    comment('Alice', `/evalgate override ${HEAD} again`, T2),
    comment('bob', '/evalgate override reviewed', T1, T2),
    comment(BOT, '/evalgate override x', T1),
    comment('mallory', 'LGTM', T1)
  ]

  it('the permission of the authors of commands that may count, once each', () => {
    expect(loginsToCheck(comments, BOT)).toEqual(['alice'])
  })

  it('the statuses only when such a command names no commit', () => {
    expect(needsStatuses(comments, BOT)).toBe(false)
    expect(needsStatuses([...comments, comment('carol', '/evalgate override flaky', T3)], BOT)).toBe(true)
  })
})
