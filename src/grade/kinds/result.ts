// `result`: the answer's result must contain this map (a deep subset).
import { anyMap } from '../../model/schema-common.js'
import { subsetMismatches } from '../subset-mismatches.js'
import { expectationKind, failed, passed } from './kind.js'

const MAX_RESULT_PATHS = 3

export const result = expectationKind({
  key: 'result',
  shape: { result: anyMap.optional().describe("An object the agent's result must contain (deep subset match).") },
  causes: { wrong_result: 'wrong result' },
  check({ result }, { answer }) {
    if (answer.result === undefined) return failed('result', 'expected a result but agent gave none', 'wrong_result')
    const mismatches = subsetMismatches(result, answer.result, 'result')
    if (mismatches.length === 0) return passed('result')
    const shown = mismatches.slice(0, MAX_RESULT_PATHS)
    const more = mismatches.length - shown.length
    return failed('result', shown.join('; ') + (more > 0 ? ` (and ${more} more)` : ''), 'wrong_result')
  },
  failing: [{ expected: { result: { amount: 25 } }, run: { answer: { result: { amount: 10 } } } }]
})
