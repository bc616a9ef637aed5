// `judge`: a rubric an LLM judge grades the answer by (the verdict comes from src/llm).
import { text } from '../../model/schema-common.js'
import { expectationKind, failed, passed, type Check } from './kind.js'

type JudgeCause = 'judge_failed' | 'judge_error'

export const judge = expectationKind({
  key: 'judge',
  shape: { judge: text.optional().describe('A rubric for the LLM judge, for free-text answers.') },
  causes: { judge_failed: 'rejected by the judge', judge_error: 'judge error' },
  check(_expected, { judge: verdict }) {
    if (verdict === undefined) {
      return undecided('no judge verdict (the judge needs an openai agent or judge_model)')
    }
    if ('error' in verdict) return undecided(`judge error: ${verdict.error}`)
    return verdict.ok ? passed('judge') : failed('judge', `judge: ${verdict.reason}`, 'judge_failed')
  },
  failing: [
    { expected: { judge: 'The reply is polite' }, run: { answer: {} }, judge: { ok: false, reason: 'it is rude' } }
  ]
})

function undecided(reason: string): Check<JudgeCause> {
  return { expectation: 'judge', ok: false, reason, causes: ['judge_error'], undecided: true }
}
