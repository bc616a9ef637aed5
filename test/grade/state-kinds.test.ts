// expected.state and expected.state_equals_replay: which paths of the end state differ, readably.
import { describe, expect, it } from '@jest/globals'
import { gradeAttempt } from '../../src/grade/grade-attempt.js'
import type { AttemptState } from '../../src/model/types.js'
import { makeRun, makeTask, makeWorkflow } from './builders.js'

const grade = (expected: Parameters<typeof makeTask>[0], state?: AttemptState) =>
  gradeAttempt(makeTask(expected), makeWorkflow(), makeRun([], {}, state ? { state } : {}))

describe('end-state expectations', () => {
  it('state passes on a deep subset and names the first differing paths', () => {
    const final = { orders: { '#W1': { status: 'pending', items: [1, 2] } }, users: {} }
    expect(grade({ state: { orders: { '#W1': { status: 'pending' } } } }, { final }).status).toBe('pass')
    expect(grade({ state: { orders: { '#W1': { status: 'cancelled', items: [1] } } } }, { final })).toMatchObject({
      status: 'fail',
      causes: ['wrong_state'],
      reasons: [
        'state.orders["#W1"].status: expected "cancelled" but got "pending"; state.orders["#W1"].items: expected 1 item but got 2'
      ]
    })
    expect(grade({ state: { orders: {} } }).reasons).toEqual([
      'no end state to compare (the workflow has no tools_backend, or it gave no state)'
    ])
  })

  it('state_equals_replay needs deep equality: extra keys differ too, at most 5 paths shown', () => {
    const replay = { a: 1, b: { c: [1, 2] } }
    expect(grade({ state_equals_replay: true }, { final: { a: 1, b: { c: [1, 2] } }, replay }).status).toBe('pass')
    expect(grade({ state_equals_replay: true }, { final: { a: 1, b: { c: [1, 2], d: 'x' } }, replay })).toMatchObject({
      status: 'fail',
      causes: ['state_differs_from_replay'],
      reasons: ['end state differs from the replay: state.b.d: not expected, got "x"']
    })
    const many = { final: { k: [1, 2, 3, 4, 5, 6, 7] }, replay: { k: [0, 0, 0, 0, 0, 0, 0] } }
    expect(grade({ state_equals_replay: true }, many).reasons[0]).toMatch(
      /state\.k\[4\]: expected 0 but got 5 and 2 more$/
    )
    expect(grade({ state_equals_replay: true }, { final: {} }).status).toBe('fail')
  })
})
