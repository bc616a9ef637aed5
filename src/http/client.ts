// evalgate's one HTTP client (undici): model calls, judge calls, http agents and the sandbox's
// raw tool calls all go through `send`, over kept-alive connections, through the proxy the
// environment names (loopback always direct). The answer is read whole into one buffer: no
// streams, which cost more CPU than the rest of a request.
import type { Dispatcher } from 'undici'
import type { IncomingHttpHeaders } from 'node:http'
import { BYTES_READ_BEFORE, networkError } from './network-failure.js'
import type * as RoutesModule from './routes.js'
import type { Route } from './routes.js'

export interface HttpRequest {
  method: string
  url: URL
  headers: Record<string, string>
  body?: string | Uint8Array
  /** Aborts the request: `send` then rejects with an AbortError. */
  signal?: AbortSignal
  /** Past this many bytes the answer is cut there (`truncated`) and its connection dropped. */
  maxBodyBytes: number
}

export interface HttpAnswer {
  status: number
  statusText: string
  headers: IncomingHttpHeaders
  body: Buffer
  truncated: boolean
  /** The proxy the answer came through, without credentials. */
  proxy?: string
}

// undici, a third of the bundle, is loaded with the first request: `evalgate validate` sends none.
let routes: Promise<typeof RoutesModule> | undefined
const loadRoutes = () => (routes ??= import('./routes.js'))

/** Rejects with an AbortError when `signal` aborts, else with a NetworkError when no answer came. */
export async function send(request: HttpRequest): Promise<HttpAnswer> {
  const route = (await loadRoutes()).routeFor(request.url)
  const first = await sendOnce(route, request)
  // The server may close an idle kept-alive connection just as a request goes out on it; that
  // request never reached the server, so it is sent again on a fresh connection.
  const settled = 'failure' in first && first.stale ? await sendOnce(route, request) : first
  if ('answer' in settled) return settled.answer
  throw settled.failure
}

type Attempt = { answer: HttpAnswer } | { failure: Error; stale: boolean }

function sendOnce(route: Route, request: HttpRequest): Promise<Attempt> {
  const { url, signal, maxBodyBytes } = request
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ failure: abortError(), stale: false })
    let controller: Dispatcher.DispatchController | undefined
    let settled = false
    let status = 0
    let statusText = ''
    let headers: IncomingHttpHeaders = {}
    let chunks: Buffer[] = []
    let size = 0
    const settle = (attempt: Attempt) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      resolve(attempt)
    }
    const answer = (truncated: boolean) => {
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
      settle({
        answer: { status, statusText, headers, body, truncated, ...(route.proxy ? { proxy: route.proxy } : {}) }
      })
    }
    const onAbort = () => {
      settle({ failure: abortError(), stale: false })
      controller?.abort(abortError())
    }
    signal?.addEventListener('abort', onAbort, { once: true })

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started
        if (settled) started.abort(abortError())
      },
      onResponseStart(_controller, statusCode, responseHeaders, statusMessage) {
        // 1xx answers (100 Continue) come before the real one.
        if (statusCode < 200) return
        status = statusCode
        statusText = statusMessage ?? ''
        headers = responseHeaders
        chunks = []
        size = 0
      },
      onResponseData(current, chunk) {
        size += chunk.length
        if (size <= maxBodyBytes) return void chunks.push(chunk)
        chunks.push(chunk.subarray(0, chunk.length - (size - maxBodyBytes)))
        answer(true)
        current.abort(new Error('the answer is over the size limit'))
      },
      onResponseEnd() {
        answer(false)
      },
      onResponseError(_controller, err) {
        if (settled) return
        settle({ failure: networkError(err, url, route.proxy, status !== 0), stale: staleSocket(err, status) })
      }
    }
    route.dispatcher.dispatch(
      {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        body: request.body ?? null,
        // Only the caller's signal ends a request: a model may think for longer than undici's 300 s.
        headersTimeout: 0,
        bodyTimeout: 0,
        idempotent: false,
        blocking: true
      },
      handler
    )
  })
}

/** A request that failed before any answer, on a connection that had served one before. */
function staleSocket(err: Error, status: number): boolean {
  if (status !== 0) return false
  const error = err as NodeJS.ErrnoException & { socket?: { bytesRead?: number }; [BYTES_READ_BEFORE]?: number }
  const bytesRead = error.socket?.bytesRead ?? error[BYTES_READ_BEFORE] ?? 0
  const dropped = error.code === 'UND_ERR_SOCKET' || error.code === 'ECONNRESET' || error.code === 'EPIPE'
  return dropped && bytesRead > 0
}

function abortError(): Error {
  return new DOMException('This operation was aborted', 'AbortError')
}
