// `state`: the tools backend's final state must contain this map (a deep subset).
import { anyMap } from '../../model/schema-common.js'
import { expectationKind, failed, passed } from './kind.js'
import { firstDifferences, NO_STATE } from './state-differences.js'

export const state = expectationKind({
  key: 'state',
  shape: {
    state: anyMap
      .optional()
      .describe("An object the tools backend's final state must contain (deep subset match; needs tools_backend).")
  },
  causes: { wrong_state: 'wrong end state' },
  check({ state: expected }, { state }) {
    if (state === undefined) return failed('state', NO_STATE, 'wrong_state')
    const differences = firstDifferences(expected, state.final, false)
    return differences ? failed('state', differences, 'wrong_state') : passed('state')
  },
  failing: [
    {
      expected: { state: { orders: { '#W1': { status: 'cancelled' } } } },
      run: { state: { final: { orders: { '#W1': { status: 'pending' } } } } }
    },
    { expected: { state: { orders: {} } }, run: {} }
  ]
})
