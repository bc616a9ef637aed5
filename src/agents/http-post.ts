import http from 'node:http'
import https from 'node:https'

/** What came back from one POST, or why nothing did. */
export type PostResult =
  | { ok: true; status: number; body: string }
  | { ok: false; reason: 'timeout' }
  | { ok: false; reason: 'too_large'; status: number; body: string }
  | { ok: false; reason: 'network'; message: string }

// Connections to the agent service are reused across task attempts: a run makes thousands of
// requests to the same origin, and node:http with a keep-alive agent measured slightly faster
// than global fetch, without fetch's one-off start-up cost.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity })
}

/** POSTs `body` and reads the whole answer, within `timeoutMs` for both. */
export async function postJson(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  maxBodyBytes: number
): Promise<PostResult> {
  const signal = AbortSignal.timeout(timeoutMs)
  const first = await postOnce(url, headers, body, signal, maxBodyBytes)
  // The server may close an idle kept-alive socket just as a request goes out on it; that
  // request never reached the agent, so it is safe to send again on a fresh connection.
  if (!first.ok && 'staleSocket' in first && first.staleSocket) {
    return postOnce(url, headers, body, signal, maxBodyBytes)
  }
  return first
}

type AttemptResult = PostResult | { ok: false; reason: 'network'; message: string; staleSocket: boolean }

function postOnce(
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  maxBodyBytes: number
): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const transport = url.protocol === 'https:' ? https : http
    const agent = agents[url.protocol as keyof typeof agents]
    const request = transport.request(
      url,
      { method: 'POST', agent, signal, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const status = response.statusCode ?? 0
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size <= maxBodyBytes) return void chunks.push(chunk)
          response.destroy()
          resolve({ ok: false, reason: 'too_large', status, body: Buffer.concat(chunks).toString('utf8') })
        })
        response.on('end', () => resolve({ ok: true, status, body: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', (err) => resolve(failure(err, signal, false)))
      }
    )
    request.on('error', (err: NodeJS.ErrnoException) => {
      resolve(failure(err, signal, request.reusedSocket && err.code === 'ECONNRESET'))
    })
    request.end(body)
  })
}

function failure(err: NodeJS.ErrnoException, signal: AbortSignal, staleSocket: boolean): AttemptResult {
  if (signal.aborted || err.name === 'AbortError') return { ok: false, reason: 'timeout' }
  return { ok: false, reason: 'network', message: describeNetworkError(err), staleSocket }
}

function describeNetworkError(err: NodeJS.ErrnoException & { errors?: Error[] }): string {
  if (err.message) return err.message
  // Several addresses (e.g. ::1 and 127.0.0.1) all failed: an AggregateError without a message.
  if (err.errors?.[0]?.message) return err.errors[0].message
  return err.code ?? String(err)
}
