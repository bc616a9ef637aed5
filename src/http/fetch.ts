// A `fetch` for the OpenAI SDK over `send`: Node's global fetch (undici's, with WHATWG streams)
// costs about twice the CPU per request, and a run makes thousands of model calls.
import type { IncomingHttpHeaders } from 'node:http'
import { send } from './client.js'

const MAX_BODY_BYTES = 64 * 1024 * 1024

export async function httpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`unsupported protocol ${url.protocol}`)
  const answer = await send({
    method: init.method ?? 'GET',
    url,
    headers: plainHeaders(init.headers),
    body: requestBody(init.body),
    signal: init.signal ?? undefined,
    maxBodyBytes: MAX_BODY_BYTES
  })
  if (answer.truncated) throw new Error('response body is over 64 MB')
  const response = new BufferedResponse(
    answer.status,
    answer.statusText,
    toHeaders(answer.headers),
    url.href,
    answer.body,
    answer.proxy
  )
  return response as unknown as Response
}

/** The proxy an answer of `httpFetch` came through, if any. */
export function proxyOf(response: Response): string | undefined {
  return response instanceof BufferedResponse ? response.proxy : undefined
}

/**
 * What the SDK reads of a non-streaming answer (status, headers, json(), text()), without the
 * WHATWG body streams a real Response sets up: those cost more CPU than the rest of a request.
 */
class BufferedResponse {
  readonly ok: boolean
  readonly redirected = false
  readonly type = 'basic'
  /** Already read: nothing to cancel or stream. */
  readonly body = null
  readonly bodyUsed = false

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    readonly url: string,
    private readonly bytes: Buffer,
    readonly proxy?: string
  ) {
    this.ok = status >= 200 && status < 300
  }

  async text(): Promise<string> {
    return this.bytes.toString('utf8')
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.bytes.toString('utf8'))
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return new Uint8Array(this.bytes).buffer
  }

  clone(): BufferedResponse {
    return new BufferedResponse(
      this.status,
      this.statusText,
      new Headers(this.headers),
      this.url,
      this.bytes,
      this.proxy
    )
  }
}

function toHeaders(received: IncomingHttpHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(received)) {
    if (typeof value === 'string') headers.append(name, value)
    else if (value) for (const each of value) headers.append(name, each)
  }
  return headers
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  const plain: Record<string, string> = {}
  if (headers === undefined) return plain
  // A Headers object (the SDK's) or a list of pairs; not `instanceof`, which differs across realms.
  if (Array.isArray(headers) || typeof (headers as Headers).entries === 'function') {
    for (const [name, value] of headers as Iterable<[string, string]>) plain[name] = value
  } else {
    Object.assign(plain, headers)
  }
  return plain
}

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string' || body instanceof Uint8Array) return body
  throw new TypeError('evalgate sends only string or byte request bodies')
}
