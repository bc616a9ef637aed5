// `message_matches`: regular expressions (JavaScript, `u` flag) the answer's message must match.
import * as z from 'zod'
import { text } from '../../model/schema-common.js'
import { compiledRegex, regexProblem } from '../../util/regex.js'
import { formatValue } from '../format-call.js'
import { expectationKind, failed, passed } from './kind.js'

const sourcesOf = (value: string | string[]) => (Array.isArray(value) ? value : [value])

/** Each regex is compiled at load, so that a broken one is a problem at its line. */
const regexes = z.union([text, z.array(text)]).superRefine((value, ctx) => {
  sourcesOf(value).forEach((source, i) => {
    const problem = regexProblem(source)
    const at = Array.isArray(value) ? [i] : []
    const name = `message_matches${Array.isArray(value) ? `[${i}]` : ''}`
    if (problem) ctx.addIssue({ code: 'custom', path: at, message: `"${name}" ${problem}`, input: source })
  })
})

export const messageMatches = expectationKind({
  key: 'message_matches',
  shape: {
    message_matches: regexes
      .optional()
      .describe("A regular expression (JavaScript source), or a list of them, the answer's `message` must match.")
  },
  causes: { message_mismatch: 'message does not match' },
  check({ message_matches: matches }, { answer }) {
    const sources = sourcesOf(matches)
    if (sources.length === 0) return passed('message_matches')
    if (answer.message === undefined)
      return failed('message_matches', 'expected a message but agent gave none', 'message_mismatch')
    const message = answer.message
    const unmatched = sources.filter((source) => !compiledRegex(source).test(message))
    if (unmatched.length === 0) return passed('message_matches')
    return failed(
      'message_matches',
      `message does not match ${unmatched.map((source) => `/${source}/`).join(', ')}: ${formatValue(message)}`,
      'message_mismatch'
    )
  },
  failing: [
    { expected: { message_matches: 'refund(ed)? of \\$\\d+' }, run: { answer: { message: 'No refund today.' } } },
    { expected: { message_matches: ['^Dear', 'regards'] }, run: { answer: {} } }
  ]
})
