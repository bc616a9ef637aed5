// Where the traces go: the otlp-endpoint option (CLI --otlp-endpoint, action input otlp-endpoint),
// else the standard OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT, read as the
// OpenTelemetry exporter specification says (a base endpoint gets `v1/traces` appended).
import * as z from 'zod'
import { httpUrl } from '../model/schema-common.js'
import { registerSecret } from '../util/secrets.js'

export type OtlpTarget =
  /**
   * `url`: where spans are sent; `shown`: the same without credentials or query, for messages;
   * `timeoutMs`: how long one export may take (OTEL_EXPORTER_OTLP_TRACES_TIMEOUT or
   * OTEL_EXPORTER_OTLP_TIMEOUT, in milliseconds; default 10 s as the specification says).
   */
  | { ok: true; url: string; shown: string; timeoutMs: number }
  /** Why nothing can be exported, never quoting the value (it may hold credentials). */
  | { ok: false; problem: string }

const timeoutMs = z.coerce.number().positive().finite()
const DEFAULT_TIMEOUT_MS = 10_000

/** The traces endpoint, or undefined when none is set (or OTEL_SDK_DISABLED=true): then nothing is exported. */
export function otlpTarget(option: string | undefined, env: NodeJS.ProcessEnv = process.env): OtlpTarget | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined
  const sources = [
    { name: 'the otlp-endpoint option', value: option, base: true },
    { name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', value: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, base: false },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: env.OTEL_EXPORTER_OTLP_ENDPOINT, base: true }
  ]
  for (const source of sources) {
    const value = source.value?.trim()
    if (!value) continue
    const parsed = httpUrl.safeParse(value)
    if (!parsed.success) return { ok: false, problem: `${source.name} is not an http:// or https:// URL` }
    const url = source.base ? withTracesPath(parsed.data) : parsed.data
    return { ok: true, url, shown: shownUrl(url), timeoutMs: exportTimeout(env) }
  }
  return undefined
}

/**
 * The values of OTEL_EXPORTER_OTLP_HEADERS and OTEL_EXPORTER_OTLP_TRACES_HEADERS (`key=value,...`,
 * values percent-encoded) are credentials (a backend's API key): no report, trace, message or
 * agent environment may hold them, nor the token of an `authorization=Bearer%20TOKEN` alone.
 * So are the password and the query values of the endpoint's URL.
 */
export function registerOtlpSecrets(url: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  if (url !== undefined) {
    const parsed = new URL(url)
    for (const secret of [decoded(parsed.password), ...parsed.searchParams.values()]) registerSecret(secret)
  }
  for (const variable of [env.OTEL_EXPORTER_OTLP_HEADERS, env.OTEL_EXPORTER_OTLP_TRACES_HEADERS]) {
    for (const pair of variable?.split(',') ?? []) {
      const at = pair.indexOf('=')
      if (at < 0) continue
      const raw = pair.slice(at + 1).trim()
      const value = decoded(raw)
      for (const secret of [raw, value, ...value.split(/\s+/)]) registerSecret(secret)
    }
  }
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** A base endpoint's traces URL: its path and `v1/traces` (its query stays a query). */
function withTracesPath(base: string): string {
  const url = new URL(base)
  url.pathname = `${url.pathname.replace(/\/$/, '')}/v1/traces`
  return url.toString()
}

function exportTimeout(env: NodeJS.ProcessEnv): number {
  for (const value of [env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT, env.OTEL_EXPORTER_OTLP_TIMEOUT]) {
    const parsed = timeoutMs.safeParse(value?.trim() || undefined)
    if (parsed.success) return parsed.data
  }
  return DEFAULT_TIMEOUT_MS
}

function shownUrl(url: string): string {
  const parsed = new URL(url)
  return `${parsed.origin}${parsed.pathname}`
}
