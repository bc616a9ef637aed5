// `state_equals_replay: true`: the final state equals the state a fresh backend ends in when the
// expected actions are replayed on it (tau-bench's rule; the replay is run by src/run).
import * as z from 'zod'
import { expectationKind, failed, passed } from './kind.js'
import { firstDifferences, NO_STATE } from './state-differences.js'

export const stateEqualsReplay = expectationKind({
  key: 'state_equals_replay',
  shape: {
    state_equals_replay: z
      .literal(true)
      .optional()
      .describe(
        'The final state must equal the state after replaying the expected actions (not optional ones) on a fresh backend (needs tools_backend).'
      )
  },
  causes: { state_differs_from_replay: 'end state differs from the replay' },
  check(_expected, { state }) {
    if (state?.replay === undefined) return failed('state_equals_replay', NO_STATE, 'state_differs_from_replay')
    const differences = firstDifferences(state.replay, state.final, true)
    if (!differences) return passed('state_equals_replay')
    return failed(
      'state_equals_replay',
      `end state differs from the replay: ${differences}`,
      'state_differs_from_replay'
    )
  },
  failing: [
    {
      expected: { state_equals_replay: true },
      run: { state: { final: { orders: { W1: 'pending' } }, replay: { orders: { W1: 'cancelled' } } } }
    }
  ]
})
