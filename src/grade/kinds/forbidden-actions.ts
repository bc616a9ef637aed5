// `forbidden_actions`: tools the agent must not call, propose, or claim to have called. A call
// the tool rejected is still an attempt at the action, and counts.
import * as z from 'zod'
import { text } from '../../model/schema-common.js'
import { expectationKind, outcome } from './kind.js'

export const forbiddenActions = expectationKind({
  key: 'forbidden_actions',
  shape: { forbidden_actions: z.array(text).optional().describe('Tools that must be neither called nor proposed.') },
  causes: { forbidden_action: 'forbidden action' },
  check({ forbidden_actions: forbidden }, input) {
    const actions = input.forbiddenSeen ?? input.actions
    const reasons = forbidden.flatMap((tool) => {
      const taken = actions.filter((action) => action.tool === tool)
      if (taken.length === 0) return []
      // The graver breach is named: called, else proposed, else only claimed in the answer.
      const via = taken.some((a) => a.via === 'called')
        ? 'called'
        : taken.some((a) => a.via === 'proposed')
          ? 'proposed'
          : 'claimed'
      const refused = taken.every((a) => a.via !== via || a.rejected === true)
      return [`forbidden action ${tool} was ${via}${refused ? ' (the tool rejected it)' : ''}`]
    })
    return outcome('forbidden_actions', reasons, reasons.length ? ['forbidden_action' as const] : [])
  },
  failing: [
    {
      expected: { forbidden_actions: ['issue_refund'] },
      run: {
        answer: {},
        tool_calls: [{ seq: 1, tool: 'issue_refund', args: {}, result: null, latency_ms: 0, allowed: true }]
      }
    }
  ]
})
