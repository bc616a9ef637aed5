// The http agent: a service that gets each task attempt's payload as a POST and answers with JSON.
import { canonicalJson } from '../llm/canonical-json.js'
import { show, stripHeaders, type EndpointNotes } from '../llm/endpoint-as-on-base.js'
import { secretHeaders } from '../util/env-headers.js'
import { referencesIn } from '../util/env-references.js'
import type { AgentType } from './agent-type.js'
import { httpSchema as schema, type HttpAgent } from './http-settings.js'
import { loadedOnFirstRun } from './loaded-on-first-run.js'

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
  run: loadedOnFirstRun(async () => (await import('./http-run.js')).runHttpAgent)
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
