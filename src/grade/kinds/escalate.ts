// `escalate`: whether the agent must hand the task to a human.
import * as z from 'zod'
import { expectationKind, failed, passed } from './kind.js'

export const escalate = expectationKind({
  key: 'escalate',
  shape: { escalate: z.boolean().optional().describe('Whether the agent must answer `escalated: true`.') },
  causes: { wrong_escalation: 'wrong escalation' },
  check({ escalate }, { answer }) {
    const escalated = answer.escalated === true
    if (escalated === escalate) return passed('escalate')
    const reason = escalate
      ? 'expected escalation but agent did not escalate'
      : 'agent escalated but the task is in scope'
    return failed('escalate', reason, 'wrong_escalation')
  },
  failing: [{ expected: { escalate: true }, run: { answer: {} } }]
})
