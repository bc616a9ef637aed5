// A `fetch` for the OpenAI SDK over node:http with keep-alive agents. Node's global fetch
// (undici, WHATWG streams) costs about twice the CPU per request, and a run makes thousands
// of model calls to the same origin.
import http from 'node:http'
import https from 'node:https'

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo' })
}
const MAX_BODY_BYTES = 64 * 1024 * 1024

export async function httpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url)
  const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined
  if (!transport) throw new TypeError(`unsupported protocol ${url.protocol}`)
  const body = requestBody(init.body)
  const headers = plainHeaders(init.headers)
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))

  const first = await sendOnce(transport, url, init, headers, body)
  // The server may close an idle kept-alive socket just as a request goes out on it; that
  // request never reached the server, so it is sent again on a fresh connection.
  if ('staleSocket' in first) return throwOrResponse(await sendOnce(transport, url, init, headers, body))
  return throwOrResponse(first)
}

type Sent = { response: Response } | { error: Error } | { error: Error; staleSocket: true }

function throwOrResponse(sent: Sent): Response {
  if ('error' in sent) throw sent.error
  return sent.response
}

function sendOnce(
  transport: typeof http | typeof https,
  url: URL,
  init: RequestInit,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined
): Promise<Sent> {
  return new Promise((resolve) => {
    const options: http.RequestOptions = {
      method: init.method ?? 'GET',
      headers,
      agent: agents[url.protocol as keyof typeof agents],
      signal: init.signal ?? undefined
    }
    const request = transport.request(url, options, (response) => {
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY_BYTES) return void response.destroy(new Error('response body is over 64 MB'))
        chunks.push(chunk)
      })
      response.on('end', () => resolve({ response: toResponse(response, chunks, url) }))
      response.on('error', (error) => resolve({ error }))
      // The first settlement wins: after 'end' this is a no-op.
      response.on('close', () => {
        if (!response.complete) resolve({ error: new Error('the connection closed before the answer was complete') })
      })
    })
    request.on('error', (error: NodeJS.ErrnoException) => {
      const stale = request.reusedSocket && error.code === 'ECONNRESET' && !init.signal?.aborted
      resolve(stale ? { error, staleSocket: true } : { error })
    })
    request.end(body)
  })
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
    private readonly bytes: Buffer
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
    return new BufferedResponse(this.status, this.statusText, new Headers(this.headers), this.url, this.bytes)
  }
}

function toResponse(message: http.IncomingMessage, chunks: Buffer[], url: URL): Response {
  const headers = new Headers()
  const raw = message.rawHeaders
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1])
  const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
  const response = new BufferedResponse(
    message.statusCode ?? 502,
    message.statusMessage ?? '',
    headers,
    url.href,
    bytes
  )
  return response as unknown as Response
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
