// The endpoint of a model a pull request's run may send its API key to (PRODUCT.md section 6):
// the base's manifest's endpoint. An endpoint only the PR names runs without the key.
import type { EndpointConfig } from '../model/workflow.js'
import { canonicalJson } from './canonical-json.js'
import { secretHeaders } from '../util/env-headers.js'
import { withoutReferences } from '../util/env-references.js'

export interface EndpointNote {
  field: string
  note: string
}

/** What the run of a pull request changed about its endpoints, for the PR comment. */
export class EndpointNotes {
  readonly items: EndpointNote[] = []

  add(field: string, note: string): void {
    // A judge derived from the openai agent repeats the agent's notes (judge.base_url and
    // agent.base_url alike): say them once.
    const unprefixed = (f: string) => f.replace(/^(agent|judge)\b/, '')
    if (this.items.some((n) => n.note === note && unprefixed(n.field) === unprefixed(field))) return
    this.items.push({ field, note })
  }
}

const ENDPOINT_FIELDS = ['base_url', 'api_key_env', 'headers'] as const

/** `mine` as the PR's run uses it; `theirs` is the base's (absent: the endpoint is new in the PR). */
export function endpointAsOnBase(
  mine: EndpointConfig,
  theirs: EndpointConfig | undefined,
  field: string,
  notes: EndpointNotes
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

/** The headers with every `${VAR}` reference resolving to nothing. */
export function stripHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return headers
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, withoutReferences(value)]))
}

/** A field's value in a note: never a header's value, which may be a credential. */
export function show(name: (typeof ENDPOINT_FIELDS)[number], value: unknown): string {
  if (value === undefined) return `no ${name}`
  if (name === 'headers') {
    const names = Object.keys(value as Record<string, string>)
    return names.length > 0 ? `headers ${names.join(', ')}` : 'no headers'
  }
  return String(value)
}
