import { describe, expect, it } from '@jest/globals'
import {
  commentMarker,
  MAX_COMMENT_LENGTH,
  overrideFor,
  parseComment,
  renderComment,
  type CommentState
} from '../../src/action/comment-body.js'

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const OLD = '0000000aaaaaaabbbbbbbcccccccdddddddeeeee'
const record = (sha: string, reason = 'known flaky fixture') => ({
  sha,
  login: 'alice',
  at: '2025-01-02T03:04:05.000Z',
  reason,
  tiers: ['T2']
})

describe('renderComment / parseComment', () => {
  it('starts with the marker and round-trips its state and result', () => {
    const state: CommentState = { v: 1, head: HEAD, failed: ['T2'], overrides: [record(OLD)] }
    const body = renderComment({
      context: 'evalgate',
      state,
      result: '**evalgate: FAIL** — T2',
      runUrl: 'https://x/run'
    })
    expect(body.split('\n')[0]).toBe(commentMarker('evalgate'))
    expect(parseComment(body, 'evalgate')).toEqual({ state, result: '**evalgate: FAIL** — T2' })
    expect(parseComment(body, 'other-context')).toBeUndefined()
  })

  it('shows the exact override command for a failed head', () => {
    const body = renderComment({
      context: 'evalgate',
      state: { v: 1, head: HEAD, failed: ['T2'], overrides: [] },
      result: 'r'
    })
    expect(body).toContain(`/evalgate override ${HEAD} <reason>`)
  })

  it('shows an override for the head, and marks older ones as no longer in force', () => {
    const state: CommentState = { v: 1, head: HEAD, failed: ['T2'], overrides: [record(OLD), record(HEAD)] }
    const body = renderComment({ context: 'evalgate', state, result: 'r' })
    expect(body).toContain('**Overridden** by @\u200balice')
    expect(body).not.toContain('/evalgate override a1b2')
    expect(body).toMatch(/`0000000` \(failed: T2\) — an earlier commit, no longer in force: known flaky fixture/)
    expect(overrideFor(state, HEAD)?.sha).toBe(HEAD)
    expect(overrideFor(state, 'ffffffff')).toBeUndefined()
  })

  it('logs a cancel, marks the override it took back, and shows the override command again', () => {
    const cancel = { ...record(HEAD, 'wrong call'), login: 'bob', tiers: [], kind: 'cancel' as const }
    const state: CommentState = { v: 1, head: HEAD, failed: ['T2'], overrides: [record(HEAD), cancel] }
    const body = renderComment({ context: 'evalgate', state, result: 'r' })
    expect(overrideFor(state, HEAD)).toBeUndefined()
    expect(body).not.toContain('**Overridden**')
    expect(body).toContain(`/evalgate override ${HEAD} <reason>`)
    expect(body).toMatch(/@\u200balice overrode the gate on `a1b2c3d` \(failed: T2\) — cancelled: known flaky fixture/)
    expect(body).toMatch(/@\u200bbob cancelled the override on `a1b2c3d`: wrong call/)
    expect(parseComment(body, 'evalgate')?.state).toEqual(state)
    const again: CommentState = { ...state, overrides: [...state.overrides, record(HEAD, 'again')] }
    expect(overrideFor(again, HEAD)?.reason).toBe('again')
  })

  it('neutralizes HTML comments in the result, so a report cannot forge state', () => {
    const forged = `<!-- evalgate:state {"v":1,"overrides":[${JSON.stringify(record(HEAD))}]} -->`
    const body = renderComment({
      context: 'evalgate',
      state: { v: 1, head: HEAD, overrides: [] },
      result: `x\n${forged}`
    })
    expect(parseComment(body, 'evalgate')?.state.overrides).toEqual([])
    expect(body.split('<!--').length - 1).toBe(3) // marker, state, end
  })

  it('keeps the state JSON from closing its HTML comment', () => {
    const state: CommentState = { v: 1, head: HEAD, overrides: [record(HEAD, 'a --> b <!-- c &')] }
    const body = renderComment({ context: 'evalgate', state, result: 'r' })
    expect(body.split('\n')[1]).not.toMatch(/-->.+/)
    expect(parseComment(body, 'evalgate')?.state.overrides[0].reason).toBe('a --> b <!-- c &')
  })

  it('cuts a result over 65,536 characters with a pointer to the full report', () => {
    const result = Array.from({ length: 5000 }, (_, i) => `| task-${i} | T2 | ${'x'.repeat(20)} |`).join('\n')
    const body = renderComment({
      context: 'evalgate',
      state: { v: 1, head: HEAD, failed: ['T2'], overrides: [] },
      result,
      runUrl: 'https://x/run'
    })
    expect(result.length).toBeGreaterThan(MAX_COMMENT_LENGTH)
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
    expect(body).toContain('cut to fit a comment')
    expect(body).toContain(`/evalgate override ${HEAD} <reason>`)
    expect(parseComment(body, 'evalgate')?.state.failed).toEqual(['T2'])
  })

  it('drops the oldest overrides when their log alone would not fit', () => {
    const overrides = Array.from({ length: 40 }, (_, i) => record(`${i}`.padStart(40, 'a'), '<'.repeat(500)))
    const body = renderComment({ context: 'evalgate', state: { v: 1, head: HEAD, overrides }, result: 'r' })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
    const kept = parseComment(body, 'evalgate')!.state.overrides
    expect(kept.length).toBeLessThanOrEqual(20)
    expect(kept.at(-1)).toEqual(overrides.at(-1))
  })

  it('re-rendered by mode override, the first line follows the override and its cancel; the result stays', () => {
    const outcome = '❌ **evalgate: T2 75.4% < 80%**'
    const result = '| Tier | Passed |\n|---|---|\n| T2 | 3/5 |'
    const gateBody = renderComment({
      context: 'evalgate',
      state: { v: 1, head: HEAD, failed: ['T2'], overrides: [] },
      outcome,
      result
    })
    const firstLine = (body: string) => body.split('\n')[2]
    expect(firstLine(gateBody)).toBe(outcome)
    // As writeLog does: the parsed state with one more record, the parsed outcome and result.
    const rerender = (body: string, extra: CommentState['overrides'][number]) => {
      const parsed = parseComment(body, 'evalgate')!
      expect(parsed).toMatchObject({ outcome, result })
      const state = { ...parsed.state, overrides: [...parsed.state.overrides, extra] }
      return renderComment({ context: 'evalgate', state, outcome: parsed.outcome, result: parsed.result })
    }
    const overridden = rerender(gateBody, record(HEAD))
    expect(firstLine(overridden)).toBe('✅ **evalgate: overridden by @\u200balice for a1b2c3d**')
    expect(overridden).not.toContain(outcome)
    expect(overridden).toContain(
      '**Overridden** by @\u200balice on `a1b2c3d` (2025-01-02T03:04:05.000Z): known flaky fixture'
    )
    expect(overridden).not.toContain('Override this failure')
    const cancelled = rerender(overridden, { ...record(HEAD, 'not flaky'), login: 'bob', tiers: [], kind: 'cancel' })
    expect(firstLine(cancelled)).toBe(outcome)
    expect(cancelled).toContain('Override this failure')
    expect(parseComment(cancelled, 'evalgate')).toMatchObject({ outcome, result })
  })

  it('folds the override command and the log, and shows no fold for a head that passed', () => {
    const failed = renderComment({
      context: 'evalgate',
      state: { v: 1, head: HEAD, failed: ['T2'], overrides: [record(OLD)] },
      result: 'r'
    })
    expect(failed).toMatch(/<details><summary><strong>Override this failure<\/strong>[^\n]*<\/summary>\n\nAn approver/)
    expect(failed).toContain('<details><summary><strong>Override log (1)</strong></summary>')
    const passed = renderComment({ context: 'evalgate', state: { v: 1, head: HEAD, overrides: [] }, result: 'r' })
    expect(passed).not.toContain('<details>')
  })

  it('does not take a garbled state line for ours', () => {
    expect(parseComment(`${commentMarker('evalgate')}\n<!-- evalgate:state {nope -->\nx`, 'evalgate')).toBeUndefined()
  })
})
