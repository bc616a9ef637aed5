// The http agent: a service that gets each task attempt's payload as a POST and answers with JSON.
import * as z from 'zod'
import { postJson } from '../http/post-json.js'
import { canonicalJson } from '../llm/canonical-json.js'
import { show, stripHeaders, type EndpointNotes } from '../llm/endpoint-as-on-base.js'
import { stringMap, text } from '../model/schema-common.js'
import { resolveEnvHeaders, secretHeaders } from '../util/env-headers.js'
import { referencesIn } from '../util/env-references.js'
import { agentSchema, type AgentType } from './agent-type.js'
import { parseAnswer } from './answer.js'
import type { AgentContext } from './context.js'
import { answerPreview } from './json-output.js'
import { agentError, formatSeconds, infraError, rawOutput, type AgentOutcome } from './outcome.js'
import { buildPayload } from './payload.js'

const schema = agentSchema('http', {
  url: text.describe('The agent service; each task is POSTed to it.'),
  headers: stringMap.optional().describe('Request headers; a value `${NAME}` is read from the environment.')
})
type HttpAgent = z.output<typeof schema>

export const httpAgent: AgentType<typeof schema> = {
  name: 'http',
  runsTeamCode: true,
  schema,
  killSwitch: { field: 'header' },
  credentials: (agent) => [{ headers: agent.headers }],
  asOnBase: httpAsOnBase,
  code: async () => ({
    paths: [],
    unseen: (manifest) => `\`${manifest}\` has an http agent, whose code evalgate cannot see`
  }),
  run: runHttpAgent
}

const MAX_BODY_BYTES = 10 * 1024 * 1024

/** POSTs the payload (with `tools_url`) to the agent service and reads its answer. */
async function runHttpAgent(ctx: AgentContext, agent: HttpAgent): Promise<AgentOutcome> {
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

/** The url and headers that receive a secret come from the base. */
function httpAsOnBase(mine: HttpAgent, theirs: HttpAgent | undefined, notes: EndpointNotes): HttpAgent {
  const secret = [...secretHeaders(mine.headers), ...secretHeaders(theirs?.headers)]
  if (secret.length === 0) return mine
  if (theirs) {
    if (mine.url !== theirs.url)
      notes.add(
        'agent.url',
        `changed in this PR (${mine.url}; base: ${theirs.url}): the base's is used, it receives secret headers`
      )
    if (canonicalJson(mine.headers) !== canonicalJson(theirs.headers))
      notes.add(
        'agent.headers',
        `changed in this PR (${show('headers', mine.headers)}; base: ${show('headers', theirs.headers)}): the base's are used`
      )
    return { ...mine, url: theirs.url, headers: theirs.headers }
  }
  const referencing = Object.entries(mine.headers ?? {}).filter(([, v]) => referencesIn(v).length > 0)
  if (referencing.length === 0) return mine
  const names = referencing.map(([name]) => `"${name}"`).join(', ')
  notes.add('agent.headers', `header ${names} reads environment variables only this PR names: sent without them`)
  return { ...mine, headers: stripHeaders(mine.headers) }
}
