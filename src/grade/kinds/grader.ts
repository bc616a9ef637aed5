// `grader`: a program of the team's that grades the attempt (`{ command }` or `{ module }`); it
// runs in src/run, which passes its verdict in, as the judge's.
import * as z from 'zod'
import { POSITIVE, strictMap, text } from '../../model/schema-common.js'
import { expectationKind, failed, passed, type Check } from './kind.js'

export const DEFAULT_GRADER_TIMEOUT_S = 30

const commandGrader = strictMap({
  command: z
    .union([text, z.array(text).min(1)])
    .describe('The program: an argv list or a string (run by /bin/sh), started in the folder of workflow.yml.'),
  timeout_s: z
    .number()
    .positive(POSITIVE)
    .default(DEFAULT_GRADER_TIMEOUT_S)
    .describe('Seconds the grader may run before it is killed (the attempt is then `error`).')
})

const moduleGrader = strictMap({
  module: text.describe(
    'An ES module (relative to the folder of workflow.yml) whose default export `(input) => { pass, reasons }` grades.'
  ),
  timeout_s: z.number().positive(POSITIVE).default(DEFAULT_GRADER_TIMEOUT_S)
})

export const graderSchema = z.union([commandGrader, moduleGrader])
export type GraderConfig = z.output<typeof graderSchema>

type GraderCause = 'grader_failed' | 'grader_error'

export const grader = expectationKind({
  key: 'grader',
  shape: {
    grader: graderSchema
      .optional()
      .describe('A custom grader: gets `{ task, answer, trace }` as JSON on stdin, prints `{ pass, reasons }`.')
  },
  causes: { grader_failed: 'rejected by the custom grader', grader_error: 'custom grader error' },
  check(_expected, { grader: verdict }) {
    if (verdict === undefined) return undecided('no verdict of the custom grader')
    if ('error' in verdict) return undecided(`grader error: ${verdict.error}`)
    if (verdict.pass) return passed('grader')
    const said = verdict.reasons.length > 0 ? verdict.reasons.join('; ') : 'failed (it gave no reason)'
    return failed('grader', `grader: ${said}`, 'grader_failed')
  },
  failing: [
    {
      expected: { grader: { command: ['./grade.sh'] } },
      run: { answer: {} },
      grader: { pass: false, reasons: ['the refund is too large'] }
    }
  ]
})

function undecided(reason: string): Check<GraderCause> {
  return { expectation: 'grader', ok: false, reason, causes: ['grader_error'], undecided: true }
}
