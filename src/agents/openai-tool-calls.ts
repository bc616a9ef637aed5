// Answers the model's tool calls from the task's fixtures, through the same sandbox session
// (recording, permission matrix) as command and http agents.
import { postJson } from '../http/post-json.js'
import type { CompletionToolCall } from '../llm/completion.js'
import type { Redactor } from '../redact/redactor.js'
import type { ToolResponse, ToolSession } from '../sandbox/index.js'
import { formatSeconds } from './outcome.js'

/** How long the loop waits for one tool's answer unless the agent sets `tool_timeout_s`. */
export const DEFAULT_TOOL_TIMEOUT_MS = 10_000
const MAX_TOOL_ANSWER_BYTES = 1024 * 1024

/** How long one call may take: the agent's tool timeout, and never past the task's end (`signal`). */
export interface ToolWait {
  timeoutMs: number
  signal: AbortSignal
}

/** The tool message content (JSON) for one call of the model. */
export async function answerToolCall(
  session: ToolSession,
  call: CompletionToolCall,
  redact: Redactor,
  wait: ToolWait
): Promise<string> {
  const tool = call.function.name
  const raw = call.function.arguments ?? ''
  let args: unknown
  try {
    // Some servers send no arguments at all for a tool without parameters.
    args = raw.trim() === '' ? {} : JSON.parse(raw)
  } catch {
    return redact.text(await answerMalformedCall(session, tool, raw, wait.timeoutMs))
  }
  const response = await within(session.call(tool, args), wait)
  if (!response) return JSON.stringify({ error: `${tool} did not answer within ${formatSeconds(wait.timeoutMs)}` })
  // A tool that fails as the fixture says reads as the real one would: its error and HTTP status.
  const body = response.fault ? { ...(response.body as object), status: response.status } : response.body
  return JSON.stringify(redact.value(body)) ?? 'null'
}

/** The answer, or undefined when the tool timeout or the task's end comes first. */
function within(answer: Promise<ToolResponse>, { timeoutMs, signal }: ToolWait): Promise<ToolResponse | undefined> {
  if (signal.aborted) return Promise.resolve(undefined)
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', gaveUp)
    }
    const gaveUp = () => {
      stop()
      resolve(undefined)
    }
    const timer = setTimeout(gaveUp, timeoutMs)
    signal.addEventListener('abort', gaveUp)
    answer.then(
      (response) => {
        stop()
        resolve(response)
      },
      (err: unknown) => {
        stop()
        reject(err as Error)
      }
    )
  })
}

/**
 * Arguments that are not JSON go to the sandbox's HTTP endpoint as they are: it records the
 * call with the raw text and answers with the parse error (or a permission error), which the
 * model then sees.
 */
async function answerMalformedCall(
  session: ToolSession,
  tool: string,
  raw: string,
  timeoutMs: number
): Promise<string> {
  const url = new URL(`${session.url}/${encodeURIComponent(tool)}`)
  const headers = { 'content-type': 'application/json' }
  const response = await postJson(url, headers, raw, timeoutMs, MAX_TOOL_ANSWER_BYTES)
  if (response.ok && response.body) return response.body
  return JSON.stringify({ error: `the arguments of ${tool} are not valid JSON` })
}
