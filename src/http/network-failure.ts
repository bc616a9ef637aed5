// What to say when a request got no answer: the reason in words a user can act on, the proxy
// named (never its credentials) when the request went through one.

/** The bytes a socket had read when it failed: more than none means it had served an answer before. */
export const BYTES_READ_BEFORE = Symbol('evalgate.bytes-read-before')

/** A request that got no answer; `code` is the system's or undici's (ECONNREFUSED, UND_ERR_SOCKET). */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined
  ) {
    super(message)
    this.name = 'NetworkError'
  }
}

// Failures to open a connection: through a proxy, every connection is one to the proxy.
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT'
])

/** The error of a request to `url` that got no answer, through `proxy` when it is given. */
export function networkError(err: unknown, url: URL, proxy: string | undefined, answered: boolean): NetworkError {
  const cause = errnoCause(err)
  const code = cause?.code
  const said = cause?.message ?? String(err)
  if (proxy) {
    // undici's words for a CONNECT the proxy refused, and for a 407 to a forwarded request.
    const refused = /Proxy response \((\d+)\)|Proxy Authentication Required \((407)\)/.exec(said)
    if (refused) return new NetworkError(proxyRefusal(proxy, url, Number(refused[1] ?? refused[2])), code)
    if (code && CONNECT_CODES.has(code)) return new NetworkError(`could not reach the proxy ${proxy} (${said})`, code)
    return new NetworkError(`${closed(code, url, answered) ?? said} (through the proxy ${proxy})`, code)
  }
  return new NetworkError(closed(code, url, answered) ?? said, code)
}

function proxyRefusal(proxy: string, url: URL, status: number): string {
  if (status === 407)
    return `the proxy ${proxy} asks for credentials (HTTP 407): give them in its URL, http://user:password@host:port`
  return `the proxy ${proxy} refused to connect to ${url.host} (HTTP ${status})`
}

function closed(code: string | undefined, url: URL, answered: boolean): string | undefined {
  if (code !== 'UND_ERR_SOCKET') return undefined
  return answered
    ? `${url.host} closed the connection before the answer was complete`
    : `${url.host} closed the connection without answering`
}

/**
 * The innermost error with a message along `err`'s causes (fetch wraps its reasons in
 * `TypeError: fetch failed`), and the first `code` on the way; several addresses that all
 * failed (::1 and 127.0.0.1) are an AggregateError without a message.
 */
export function errnoCause(err: unknown): { message: string; code?: string } | undefined {
  let found: { message: string; code?: string } | undefined
  let cause: unknown = err
  for (let depth = 0; isError(cause) && depth < 6; depth++) {
    const error = cause as NodeJS.ErrnoException & { errors?: unknown[] }
    const inner = isError(error.errors?.[0]) ? error.errors[0].message : ''
    const message = error.message || inner || error.code
    const code = typeof error.code === 'string' ? error.code : found?.code
    if (message) found = { message, ...(code ? { code } : {}) }
    cause = error.cause
  }
  return found
}

function isError(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string'
}
