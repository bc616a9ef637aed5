// The final answer of an openai agent: structured output where the endpoint supports it,
// else the first JSON object of the text.
import type { CompletionMessage } from '../llm/completion.js'
import { findJsonObject } from '../llm/json-in-text.js'
import { FALLBACKS, type AgentAnswer } from '../model/types.js'
import { parseAnswer } from './answer.js'
import { answerPreview } from './json-output.js'

/** Asks for `{ label, result, escalated, message }` (and optional `confidence`, `fallback`); not strict, as `result` is a free-form object. */
export const ANSWER_FORMAT = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'agent_answer',
    strict: false,
    schema: {
      type: 'object',
      properties: {
        label: { type: 'string', description: 'The outcome label' },
        result: { type: 'object', description: 'The structured result' },
        escalated: { type: 'boolean', description: 'True when the case must go to a human' },
        message: { type: 'string', description: 'The reply to the customer or operator' },
        confidence: { type: 'number', minimum: 0, maximum: 1, description: 'How sure you are of this answer, 0 to 1' },
        fallback: {
          type: 'string',
          enum: [...FALLBACKS],
          description: 'What you fell back to when you could not finish the task yourself'
        }
      },
      required: ['label', 'result', 'escalated', 'message']
    }
  }
}

export type FinalAnswer =
  { ok: true; answer: AgentAnswer } | { ok: false; error: string; kind: 'bad_output' | 'bad_answer'; text: string }

export function readFinalAnswer(message: CompletionMessage): FinalAnswer {
  const text = message.content ?? ''
  if (text.trim() === '' && message.refusal) {
    return {
      ok: false,
      error: `final answer was not JSON: the model refused: ${answerPreview(message.refusal)}`,
      kind: 'bad_output',
      text: message.refusal
    }
  }
  const found = findJsonObject(text)
  if (!found.ok) {
    const shown = text.trim() ? `: ${answerPreview(text.trim())}` : ' (the model answered nothing)'
    return { ok: false, error: `final answer was not JSON${shown}`, kind: 'bad_output', text }
  }
  const parsed = parseAnswer(found.value)
  if (!parsed.ok) return { ok: false, error: parsed.error, kind: 'bad_answer', text }
  // This agent acts through tool calls only: actions it merely lists must not count as taken.
  const { actions: _listed, ...answer } = parsed.answer
  return { ok: true, answer }
}
