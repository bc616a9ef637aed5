// Where a model is reached and with which credentials: base URL, API key, extra headers.
import { registerSecret } from '../util/secrets.js'
import { CREDENTIAL_HEADERS, resolveEnvHeaders } from '../util/env-headers.js'
import type { LlmOptions } from './options.js'
import type { EndpointConfig } from '../model/workflow.js'

export interface Endpoint {
  baseUrl: string
  apiKey: string
  /** Extra headers; `null` removes a header the SDK would send. */
  headers: Record<string, string | null>
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1'
export const DEFAULT_KEY_ENV = 'OPENAI_API_KEY'

/** The default model key is a secret from the start, whether or not a model is ever called. */
export function registerHostSecrets(env: NodeJS.ProcessEnv = process.env): void {
  registerSecret(env[DEFAULT_KEY_ENV])
}

/**
 * Registers the credentials the endpoints name (`api_key_env` values, `${VAR}` header values,
 * credential headers) as secrets.
 */
export function registerEndpointSecrets(configs: readonly EndpointConfig[]): void {
  for (const config of configs) {
    // A PR-only endpoint gets no key (src/base/endpoints.ts): its api_key_env is not read.
    if (config.api_key_env && !config.key_withheld) registerSecret(process.env[config.api_key_env])
    resolveEnvHeaders(config.headers ?? {})
  }
}

// Local servers (Ollama, vLLM) need no key, but the SDK refuses to start without one.
const NO_KEY = 'evalgate-no-key'
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1'])

export function baseUrlOf(config: EndpointConfig, opts: LlmOptions): string {
  return opts.baseUrl || config.base_url || process.env.OPENAI_BASE_URL || DEFAULT_BASE_URL
}

/**
 * Why no request can be authenticated, as a sentence for the user, or undefined when a key
 * is there or none is needed (a loopback server, or a credential in the headers).
 */
export function keyProblem(config: EndpointConfig, opts: LlmOptions, user: string, field: string): string | undefined {
  if (apiKeyOf(config, opts) !== undefined) return undefined
  if (isLoopback(baseUrlOf(config, opts)) || hasCredentialHeader(config.headers)) return undefined
  if (config.key_withheld) return `${user} gets no API key: ${config.key_withheld}`
  const variable = config.api_key_env ?? DEFAULT_KEY_ENV
  const hint = config.api_key_env === undefined ? ` (or set ${field}.api_key_env)` : ''
  return `${variable} is not set: ${user} needs it${hint}`
}

/** The endpoint, with its credentials registered as secrets; or why it cannot be used. */
export function resolveEndpoint(
  config: EndpointConfig,
  opts: LlmOptions,
  user: string,
  field: string
): { ok: true; endpoint: Endpoint } | { ok: false; error: string } {
  const problem = keyProblem(config, opts, user, field)
  if (problem) return { ok: false, error: problem }
  const resolved = resolveEnvHeaders(config.headers ?? {})
  if (!resolved.ok) return resolved

  const headers: Record<string, string | null> = resolved.headers
  let apiKey = apiKeyOf(config, opts)
  if (apiKey === undefined) {
    apiKey = NO_KEY
    // The credential is in the headers (e.g. Azure's api-key): send no made-up bearer token.
    if (hasCredentialHeader(config.headers) && !hasHeader(config.headers, 'authorization')) headers.Authorization = null
  } else {
    registerSecret(apiKey)
  }
  return { ok: true, endpoint: { baseUrl: baseUrlOf(config, opts), apiKey, headers } }
}

function apiKeyOf(config: EndpointConfig, opts: LlmOptions): string | undefined {
  if (config.key_withheld) return undefined
  return opts.apiKey || process.env[config.api_key_env ?? DEFAULT_KEY_ENV] || undefined
}

export function isLoopback(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return false
  }
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host)
}

function hasCredentialHeader(headers: Record<string, string> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => CREDENTIAL_HEADERS.has(name.toLowerCase()))
}

function hasHeader(headers: Record<string, string> | undefined, wanted: string): boolean {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === wanted)
}
