// `message_contains`: texts the answer's message must contain, compared as tau-bench compares a
// reply with a task's outputs: lowercased, commas removed (here on both sides).
import * as z from 'zod'
import { text } from '../../model/schema-common.js'
import { formatValue } from '../format-call.js'
import { expectationKind, failed, passed } from './kind.js'

const normalised = (value: string) => value.toLowerCase().replaceAll(',', '')

export const messageContains = expectationKind({
  key: 'message_contains',
  shape: {
    message_contains: z
      .array(text)
      .optional()
      .describe("Texts the answer's `message` must contain (compared lowercased, without commas).")
  },
  causes: { message_lacks_text: 'message lacks an expected text' },
  check({ message_contains: texts }, { answer }) {
    if (texts.length === 0) return passed('message_contains')
    if (answer.message === undefined)
      return failed('message_contains', 'expected a message but agent gave none', 'message_lacks_text')
    const message = normalised(answer.message)
    const absent = texts.filter((wanted) => !message.includes(normalised(wanted)))
    if (absent.length === 0) return passed('message_contains')
    return failed(
      'message_contains',
      `message does not contain ${absent.map(formatValue).join(', ')} (compared lowercased, without commas): ${formatValue(answer.message)}`,
      'message_lacks_text'
    )
  },
  failing: [
    { expected: { message_contains: ['refund of 1,250 USD'] }, run: { answer: { message: 'I refunded 125 USD.' } } },
    { expected: { message_contains: ['cancelled'] }, run: { answer: {} } }
  ]
})
