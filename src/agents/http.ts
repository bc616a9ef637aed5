import type { AgentConfig } from '../model/types.js'
import { parseAnswer } from './answer.js'
import type { AgentContext } from './context.js'
import { postJson } from './http-post.js'
import { preview } from './json-output.js'
import { agentError, formatSeconds, infraError, rawOutput, type AgentOutcome } from './outcome.js'
import { buildPayload } from './payload.js'

type HttpAgent = Extract<AgentConfig, { type: 'http' }>

const MAX_BODY_BYTES = 10 * 1024 * 1024
const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g

/** POSTs the payload (with `tools_url`) to the agent service and reads its answer. */
export async function runHttpAgent(ctx: AgentContext, agent: HttpAgent): Promise<AgentOutcome> {
  const url = parseUrl(agent.url)
  if (!url) return infraError(`agent url is not an http(s) URL: ${agent.url}`, 'config')
  const headers = resolveHeaders(agent.headers ?? {})
  if (!headers.ok) return infraError(headers.error, 'config')

  const body = JSON.stringify(buildPayload(ctx.task, ctx.workflow, ctx.session.url))
  const requestHeaders = { 'content-type': 'application/json', accept: 'application/json', ...headers.values }
  const response = await postJson(url, requestHeaders, body, ctx.timeoutMs, MAX_BODY_BYTES)

  if (!response.ok && response.reason === 'timeout') {
    return infraError(`agent timed out after ${formatSeconds(ctx.timeoutMs)}`, 'timeout')
  }
  if (!response.ok && response.reason === 'network')
    return infraError(`agent unreachable: ${response.message}`, 'unreachable')

  const failed = { raw_output: rawOutput(response.body) }
  if (response.status >= 500) return infraError(`agent answered HTTP ${response.status}`, 'unreachable', failed)
  if (response.status < 200 || response.status >= 300) {
    return agentError(`agent answered HTTP ${response.status}`, 'crash', failed)
  }
  if (!response.ok) return agentError('agent answer is over 10 MB', 'bad_output', failed)

  let value: unknown
  try {
    value = JSON.parse(response.body)
  } catch {
    const shown = response.body.trim()
    const error = shown ? `agent answer was not JSON: ${preview(shown)}` : 'agent answered with an empty body'
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

/** Replaces `${NAME}` / `$NAME` in header values from the environment; never reveals values. */
function resolveHeaders(
  headers: Record<string, string>
): { ok: true; values: Record<string, string> } | { ok: false; error: string } {
  const values: Record<string, string> = {}
  for (const [name, template] of Object.entries(headers)) {
    let missing: string | undefined
    values[name] = template.replace(ENV_REFERENCE, (_match, braced?: string, bare?: string) => {
      const variable = (braced ?? bare)!
      const value = process.env[variable]
      if (value === undefined) missing ??= variable
      return value ?? ''
    })
    if (missing)
      return { ok: false, error: `header "${name}" names the environment variable ${missing}, which is not set` }
  }
  return { ok: true, values }
}
