// `fallback`: what the agent must fall back to when it cannot finish the task itself.
import * as z from 'zod'
import { FALLBACKS } from '../../model/types.js'
import { expectationKind, failed, passed } from './kind.js'

export const fallback = expectationKind({
  key: 'fallback',
  shape: { fallback: z.enum(FALLBACKS).optional() },
  causes: { wrong_fallback: 'wrong fallback' },
  check({ fallback }, { answer }) {
    if (answer.fallback === fallback) return passed('fallback')
    const given = answer.fallback === undefined ? 'agent gave no fallback' : `agent fell back to ${answer.fallback}`
    return failed('fallback', `expected fallback ${fallback} but ${given}`, 'wrong_fallback')
  },
  failing: [
    { expected: { fallback: 'human' }, run: { answer: {} } },
    { expected: { fallback: 'read_only' }, run: { answer: { fallback: 'human' } } }
  ]
})
