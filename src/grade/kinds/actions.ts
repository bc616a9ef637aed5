// `actions` (with `actions_match`): the actions the agent must take, matched as
// src/grade/match-actions.ts describes.
import * as z from 'zod'
import { MATCH_MODES } from '../../model/vocabulary.js'
import { argsMatchSchema } from '../expected-action.js'
import { expectedActionsSchema, matchActions } from '../match-actions.js'
import { expectationKind, outcome } from './kind.js'

const call = (seq: number, tool: string) => ({ seq, tool, args: {}, result: null, latency_ms: 0, allowed: true })

export const actions = expectationKind({
  key: 'actions',
  shape: {
    actions: expectedActionsSchema
      .optional()
      .describe(
        'Tool calls `{ tool, args, optional?, unordered?, args_match?, after? }` the agent must make; `args` match as a deep subset unless `args_match: exact`.'
      ),
    actions_match: z
      .enum(MATCH_MODES)
      .default('superset')
      .describe("How the agent's calls compare with `actions` (agentevals' modes)."),
    args_match: argsMatchSchema.optional().describe("How every action's `args` compare (default `subset`).")
  },
  causes: {
    missing_action: 'missing action',
    unexpected_action: 'unexpected action',
    wrong_order: 'actions in the wrong order'
  },
  check(expected, input) {
    const verdict = matchActions(
      expected.actions,
      { mode: expected.actions_match, argsMatch: expected.args_match },
      input.actions,
      input.permissions,
      input.ignoredClaims
    )
    return outcome('actions', verdict.reasons, verdict.causes)
  },
  failing: [
    { expected: { actions: [{ tool: 'issue_refund' }] }, run: { answer: {} } },
    {
      expected: { actions: [{ tool: 'lookup_order' }, { tool: 'issue_refund' }], actions_match: 'strict' },
      run: { answer: {}, tool_calls: [call(1, 'issue_refund'), call(2, 'lookup_order')] }
    },
    {
      expected: { actions: [{ tool: 'issue_refund', args: {} }], args_match: 'exact' },
      run: { answer: {}, tool_calls: [{ ...call(1, 'issue_refund'), args: { amount: 25 } }] }
    }
  ]
})
