// Where a pull request's run may send a secret. Endpoints that receive a key (an openai agent's
// or judge's base_url, headers, api_key_env; an http agent's url with secret headers) come from
// the base's manifest of that workflow. An endpoint only the PR names runs without the secret;
// a command agent's env passes only the variables the base's same entry passes.
import type { AgentConfig, JudgeConfig, Workflow } from '../model/types.js'
import type { EndpointConfig } from '../llm/endpoint.js'
import { canonicalJson } from '../llm/canonical-json.js'
import { referencesIn, secretHeaders, withoutReferences } from './env-references.js'

export interface EndpointNote {
  field: string
  note: string
}

export interface EndpointsAsOnBase {
  agent: AgentConfig
  judge?: JudgeConfig
  notes: EndpointNote[]
}

type AgentOf<T extends AgentConfig['type']> = Extract<AgentConfig, { type: T }>
type AgentRule<T extends AgentConfig['type']> = (
  mine: AgentOf<T>,
  base: AgentConfig | undefined,
  notes: Notes
) => AgentOf<T>

const AGENT_RULES: { [T in AgentConfig['type']]: AgentRule<T> } = {
  openai: (mine, base, notes) => ({
    ...mine,
    ...endpointAsOnBase(mine, base?.type === 'openai' ? base : undefined, 'agent', notes)
  }),
  http: (mine, base, notes) => httpAsOnBase(mine, base?.type === 'http' ? base : undefined, notes),
  command: (mine, base, notes) => commandAsOnBase(mine, base?.type === 'command' ? base : undefined, notes)
}

/** `base` is the base's form of the workflow (undefined for a workflow new in the PR). */
export function endpointsAsOnBase(pr: Workflow, base: Workflow | undefined): EndpointsAsOnBase {
  const notes = new Notes()
  const rule = AGENT_RULES[pr.agent.type] as AgentRule<AgentConfig['type']>
  const agent = rule(pr.agent, base?.agent, notes)
  const judge = pr.judge && { ...pr.judge, ...endpointAsOnBase(pr.judge, base?.judge, 'judge', notes) }
  return { agent, ...(judge ? { judge } : {}), notes: notes.items }
}

const ENDPOINT_FIELDS = ['base_url', 'api_key_env', 'headers'] as const

function endpointAsOnBase(
  mine: EndpointConfig,
  theirs: EndpointConfig | undefined,
  field: string,
  notes: Notes
): EndpointConfig {
  if (theirs) {
    for (const name of ENDPOINT_FIELDS) {
      if (canonicalJson(mine[name]) === canonicalJson(theirs[name])) continue
      notes.add(
        `${field}.${name}`,
        `changed in this PR (${show(name, mine[name])}; base: ${show(name, theirs[name])}): the base's is used`
      )
    }
    return { base_url: theirs.base_url, api_key_env: theirs.api_key_env, headers: theirs.headers }
  }
  const own = [
    ...(mine.base_url !== undefined ? ['base_url'] : []),
    ...(mine.api_key_env !== undefined ? ['api_key_env'] : []),
    ...secretHeaders(mine.headers).map((h) => `header "${h}"`)
  ]
  if (own.length === 0) return mine
  const reason = `${own.join(', ')} ${own.length === 1 ? 'is' : 'are'} set only in this PR (endpoints that receive a key come from the base)`
  notes.add(field, `runs without the API key and without secret headers: ${reason}`)
  return { ...mine, headers: stripHeaders(mine.headers), key_withheld: reason }
}

function httpAsOnBase(mine: AgentOf<'http'>, theirs: AgentOf<'http'> | undefined, notes: Notes): AgentOf<'http'> {
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

function commandAsOnBase(
  mine: AgentOf<'command'>,
  theirs: AgentOf<'command'> | undefined,
  notes: Notes
): AgentOf<'command'> {
  if (!mine.env) return mine
  // agentEnvironment resolves, per entry, only the references listed here.
  const envRefs: Record<string, string[]> = {}
  for (const [name, template] of Object.entries(mine.env)) {
    const passedByBase = referencesIn(theirs?.env?.[name])
    const own = referencesIn(template)
    envRefs[name] = own.filter((v) => passedByBase.includes(v))
    const withheld = own.filter((v) => !passedByBase.includes(v))
    if (withheld.length > 0)
      notes.add(
        `agent.env.${name}`,
        `passes ${withheld.map((v) => `$${v}`).join(', ')} only in this PR (the base's same entry does not): left out`
      )
  }
  return { ...mine, env_refs: envRefs }
}

function stripHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return headers
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, withoutReferences(value)]))
}

/** A field's value in a note: never a header's value, which may be a credential. */
function show(name: (typeof ENDPOINT_FIELDS)[number], value: unknown): string {
  if (value === undefined) return `no ${name}`
  if (name === 'headers') {
    const names = Object.keys(value as Record<string, string>)
    return names.length > 0 ? `headers ${names.join(', ')}` : 'no headers'
  }
  return String(value)
}

class Notes {
  readonly items: EndpointNote[] = []

  add(field: string, note: string): void {
    // A judge derived from the openai agent repeats the agent's notes (judge.base_url and
    // agent.base_url alike): say them once.
    const unprefixed = (f: string) => f.replace(/^(agent|judge)\b/, '')
    if (this.items.some((n) => n.note === note && unprefixed(n.field) === unprefixed(field))) return
    this.items.push({ field, note })
  }
}
