// Answers the model's tool calls from the task's fixtures, through the same sandbox session
// (recording, permission matrix) as command and http agents.
import { postJson } from '../http/post-json.js'
import type { CompletionToolCall } from '../llm/completion.js'
import type { Redactor } from '../redact/redactor.js'
import type { ToolSession } from '../sandbox/index.js'

const RAW_CALL_TIMEOUT_MS = 10_000
const MAX_TOOL_ANSWER_BYTES = 1024 * 1024

/** The tool message content (JSON) for one call of the model. */
export async function answerToolCall(
  session: ToolSession,
  call: CompletionToolCall,
  redact: Redactor
): Promise<string> {
  const tool = call.function.name
  const raw = call.function.arguments ?? ''
  let args: unknown
  try {
    // Some servers send no arguments at all for a tool without parameters.
    args = raw.trim() === '' ? {} : JSON.parse(raw)
  } catch {
    return redact.text(await answerMalformedCall(session, tool, raw))
  }
  const response = await session.call(tool, args)
  return JSON.stringify(redact.value(response.body)) ?? 'null'
}

/**
 * Arguments that are not JSON go to the sandbox's HTTP endpoint as they are: it records the
 * call with the raw text and answers with the parse error (or a permission error), which the
 * model then sees.
 */
async function answerMalformedCall(session: ToolSession, tool: string, raw: string): Promise<string> {
  const url = new URL(`${session.url}/${encodeURIComponent(tool)}`)
  const headers = { 'content-type': 'application/json' }
  const response = await postJson(url, headers, raw, RAW_CALL_TIMEOUT_MS, MAX_TOOL_ANSWER_BYTES)
  if (response.ok && response.body) return response.body
  return JSON.stringify({ error: `the arguments of ${tool} are not valid JSON` })
}
