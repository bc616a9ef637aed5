// The SDK retries on its own; this fetch, given to the SDK, sees every attempt of a request.
import { httpFetch, proxyOf } from '../http/fetch.js'

/** Travels with one request through the SDK to the fetch wrapper. */
export interface AttemptLog {
  /** HTTP attempts: retries are `count - 1`. */
  count: number
  /** `Date.now()` by which the caller gives up (the task timeout). */
  deadline?: number
  errorBody?: Promise<string>
  /** Set when the endpoint asked for a wait past the deadline, in ms. */
  refusedWaitMs?: number
  /** The proxy an error answer came through (it may be the proxy's own). */
  proxy?: string
}

const ATTEMPT_LOG = Symbol('evalgate.attempt-log')

/** Per-request fetch options that carry `log` to `countingFetch` (the SDK passes them through). */
export function attemptLogOption(log: AttemptLog): object {
  return { [ATTEMPT_LOG]: log }
}

/** The SDK's `fetch`: counts the attempts of a request and keeps what an error answer said. */
export const countingFetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const log = (init as { [ATTEMPT_LOG]?: AttemptLog } | undefined)?.[ATTEMPT_LOG]
  if (log) log.count++
  const response = await httpFetch(url, init)
  if (response.ok || !log) return response
  log.proxy = proxyOf(response)
  // Some servers answer errors in shapes the SDK does not read ({ message } without { error });
  // keep the body so the user sees what the endpoint said.
  log.errorBody = response
    .clone()
    .text()
    .catch(() => '')
  return refuseLateRetry(response, log)
}

/**
 * The SDK sleeps as long as Retry-After says, deaf to the abort signal, and its timer keeps the
 * process alive. A wait that would end past the deadline is not worth it: tell the SDK not to retry.
 */
function refuseLateRetry(response: Response, log: AttemptLog): Response {
  const waitMs = retryAfterMs(response.headers)
  if (waitMs === undefined || log.deadline === undefined || Date.now() + waitMs <= log.deadline) return response
  log.refusedWaitMs = waitMs
  // httpFetch's headers are mutable (a fetch Response's are not).
  response.headers.set('x-should-retry', 'false')
  return response
}

/** Read as the SDK reads it: retry-after-ms, else retry-after in seconds or as an HTTP date. */
function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '')
  if (!Number.isNaN(ms)) return ms
  const header = headers.get('retry-after')
  if (!header) return undefined
  const seconds = Number.parseFloat(header)
  if (!Number.isNaN(seconds)) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : date - Date.now()
}
