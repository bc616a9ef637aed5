// The environment of a command agent. The agent under test holds no authority: it does not get
// the action's inputs, the runner's tokens and command files, nor any variable whose value holds
// a secret evalgate registered (GitHub tokens, model keys, credential headers), unless its
// manifest's `env` names the variable explicitly.
import type { CommandAgent } from './command-settings.js'
import { DEFAULT_KEY_ENV } from '../llm/endpoint.js'
import { expandEnvReferences } from '../util/env-references.js'
import { containsSecret, registerSecret, secretsVersion } from '../util/secrets.js'

const NEVER_PASSED = new Set([
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY'
])
const NEVER_PASSED_PREFIXES = ['INPUT_', 'ACTIONS_ID_TOKEN_REQUEST_']

/** A variable no agent gets, not even by name in `env`: the action's inputs, the runner's tokens and command files. */
export function isNeverPassed(name: string): boolean {
  // Upper-cased: Windows names are case-insensitive, and no legitimate variable differs only in case.
  const upper = name.toUpperCase()
  return NEVER_PASSED.has(upper) || NEVER_PASSED_PREFIXES.some((prefix) => upper.startsWith(prefix))
}

/**
 * The host's environment without what the agent may not hold, plus the manifest's `env`
 * (literals, and `${VAR}` references read from `host`; an entry whose reference is unset, never
 * passed, or not allowed by `agent.env_refs` is left out). The default model key is held as a
 * secret even when no model is called, so that a copy of it under another name is dropped too.
 */
export function agentEnvironment(agent: EnvSettings, host: NodeJS.ProcessEnv = process.env): Record<string, string> {
  registerSecret(host[DEFAULT_KEY_ENV])
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(host)) {
    if (value !== undefined && !isNeverPassed(name) && !containsSecret(value)) env[name] = value
  }
  for (const [name, template] of Object.entries(agent.env ?? {})) {
    const allowed = agent.env_refs && (agent.env_refs[name] ?? [])
    const { value, missing } = expandEnvReferences(template, (variable) =>
      isNeverPassed(variable) || (allowed && !allowed.includes(variable)) ? undefined : host[variable]
    )
    if (missing === undefined) env[name] = value
    else delete env[name]
  }
  return env
}

/** Who an environment is built for: a command agent's `env` settings (none for a tools backend). */
type EnvSettings = Pick<CommandAgent, 'env' | 'env_refs'>

const envBySettings = new WeakMap<EnvSettings, { secrets: number; env: Record<string, string> }>()

/**
 * agentEnvironment, built once per settings object: reading process.env is slow (every key goes
 * through a getter) and a run starts thousands of processes with the same environment. Built
 * again whenever a secret was registered since (a model key or header resolved after the first
 * task started).
 */
export function agentEnvironmentCached(settings: EnvSettings): Record<string, string> {
  let cached = envBySettings.get(settings)
  if (!cached || cached.secrets !== secretsVersion()) {
    cached = { secrets: secretsVersion(), env: agentEnvironment(settings) }
    envBySettings.set(settings, cached)
  }
  return cached.env
}

const noEnvSettings = new WeakMap<object, EnvSettings>()

/**
 * The environment of a program a workflow runs beside its agent (a tools backend, a grader): the
 * agent's, without the agent's own `env`. Cached per `owner` (its workflow: one per run, so each
 * run sees the environment as it started).
 */
export function helperEnvironment(owner: object): Record<string, string> {
  let settings = noEnvSettings.get(owner)
  if (!settings) noEnvSettings.set(owner, (settings = {}))
  return agentEnvironmentCached(settings)
}
