// How an http agent runs an attempt: the payload POSTed to its service, the answer read from the response.
import { postJson } from '../http/post-json.js'
import { resolveEnvHeaders } from '../util/env-headers.js'
import { parseAnswer } from './answer.js'
import type { AgentContext } from './context.js'
import type { HttpAgent } from './http-settings.js'
import { answerPreview } from './json-output.js'
import { agentError, formatSeconds, infraError, rawOutput, type AgentOutcome } from './outcome.js'
import { buildPayload } from './payload.js'

const MAX_BODY_BYTES = 10 * 1024 * 1024

/** POSTs the payload (with `tools_url`) to the agent service and reads its answer. */
export async function runHttpAgent(ctx: AgentContext, agent: HttpAgent): Promise<AgentOutcome> {
  const url = parseUrl(agent.url)
  if (!url) return infraError(`agent url is not an http(s) URL: ${agent.url}`, 'config')
  const headers = resolveEnvHeaders(agent.headers ?? {})
  if (!headers.ok) return infraError(headers.error, 'config')

  const body = JSON.stringify(buildPayload(ctx.task, ctx.workflow, ctx.session.url))
  const requestHeaders = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...headers.headers,
    ...(ctx.killSwitch?.header ? { [ctx.killSwitch.header]: ctx.killSwitch.value } : {})
  }
  const response = await postJson(url, requestHeaders, body, ctx.timeoutMs, MAX_BODY_BYTES)

  if (!response.ok && response.reason === 'timeout') {
    return infraError(`agent timed out after ${formatSeconds(ctx.timeoutMs)}`, 'timeout')
  }
  if (!response.ok && response.reason === 'network')
    return infraError(`agent unreachable: ${response.message}`, 'unreachable')

  const failed = { raw_output: rawOutput(response.body) }
  // An error answer through a proxy may be the proxy's own (a refusal, a 502 for a host it cannot reach).
  const through = response.ok && response.proxy ? ` (through the proxy ${response.proxy})` : ''
  const answered = `agent answered HTTP ${response.status}${through}`
  if (response.status >= 500) return infraError(answered, 'unreachable', failed)
  if (response.status < 200 || response.status >= 300) return agentError(answered, 'crash', failed)
  if (!response.ok) return agentError('agent answer is over 10 MB', 'bad_output', failed)

  let value: unknown
  try {
    value = JSON.parse(response.body)
  } catch {
    const shown = response.body.trim()
    const error = shown ? `agent answer was not JSON: ${answerPreview(shown)}` : 'agent answered with an empty body'
    return agentError(error, 'bad_output', failed)
  }
  const parsed = parseAnswer(value)
  return parsed.ok ? { answer: parsed.answer } : agentError(parsed.error, 'bad_answer', failed)
}

function parseUrl(text: string): URL | undefined {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}
