import * as z from 'zod'
import { preview } from '../util/preview.js'

// The parts of a chat completion evalgate reads; anything else in the answer is ignored.
// Servers differ in what they leave out, so only what the loop needs is required.
const toolCallSchema = z.object({
  id: z.string(),
  type: z.string().optional(),
  function: z.object({ name: z.string(), arguments: z.string().nullish() })
})

const completionSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z.array(toolCallSchema).nullish()
        }),
        finish_reason: z.string().nullish()
      })
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish()
})

export type Completion = z.infer<typeof completionSchema>
export type CompletionMessage = Completion['choices'][number]['message']
export type CompletionToolCall = z.infer<typeof toolCallSchema>

export type ParsedCompletion = { ok: true; completion: Completion } | { ok: false; error: string }

export function parseCompletion(body: unknown): ParsedCompletion {
  const parsed = completionSchema.safeParse(body)
  if (parsed.success) return { ok: true, completion: parsed.data }
  if (typeof body === 'string')
    return { ok: false, error: `the body is not JSON: ${preview(body, 200, { mark: '...' })}` }
  const issue = parsed.error.issues[0]
  return { ok: false, error: `the body is not a chat completion (${issue.path.join('.') || 'body'}: ${issue.message})` }
}
