// The proxy settings of the environment, read as undici's EnvHttpProxyAgent reads them:
// http_proxy / HTTP_PROXY for http: targets, https_proxy / HTTPS_PROXY for https: targets (else
// the http one), no_proxy / NO_PROXY for the hosts that go direct; a lower-case name wins.
import * as z from 'zod'
import { parseNoProxy, type NoProxy } from './no-proxy.js'

const NAMES = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'] as const
const envSchema = z.object(Object.fromEntries(NAMES.map((name) => [name, z.string().optional()])))

/** A proxy as given: `href` (credentials included) is for the dispatcher, `shown` for messages. */
export type ProxySetting =
  { variable: string; href: string; shown: string } | { variable: string; shown: string; invalid: true }

export interface ProxyEnv {
  http?: ProxySetting
  https?: ProxySetting
  noProxy: NoProxy
}

/** Changes whenever a proxy variable does: what was built from an older key is stale. */
export function proxyEnvKey(env: NodeJS.ProcessEnv): string {
  return `${env.http_proxy}\0${env.HTTP_PROXY}\0${env.https_proxy}\0${env.HTTPS_PROXY}\0${env.no_proxy}\0${env.NO_PROXY}`
}

export function readProxyEnv(env: NodeJS.ProcessEnv): ProxyEnv {
  const vars = envSchema.parse(env)
  const http = proxySetting(vars, 'http_proxy', 'HTTP_PROXY')
  return {
    http,
    https: proxySetting(vars, 'https_proxy', 'HTTPS_PROXY') ?? http,
    noProxy: parseNoProxy(vars.no_proxy ?? vars.NO_PROXY ?? '')
  }
}

function proxySetting(
  vars: Record<string, string | undefined>,
  lower: string,
  upper: string
): ProxySetting | undefined {
  const variable = vars[lower] !== undefined ? lower : upper
  const value = vars[variable]?.trim()
  if (!value) return undefined
  // curl's reading: a proxy without a scheme is an http:// one.
  const url = parseUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`)
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
    return { variable, shown: withoutCredentials(value), invalid: true }
  return { variable, href: url.href, shown: `${url.protocol}//${url.host}` }
}

/** `http://user:pass@proxy:8080` -> `http://proxy:8080`, also for what is no URL. */
export function withoutCredentials(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/]*@/i, '$1')
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}
