// An HTTP tools backend: `POST <url>/<op>` with `{ attempt, ...fields }`, the answer a JSON body.
// One service may hold many attempts at once: `attempt` is a fresh id per attempt, and
// `POST <url>/end` lets it drop one (its answer is ignored).
import { randomUUID } from 'node:crypto'
import { formatSeconds } from '../agents/outcome.js'
import { postJson } from '../http/post-json.js'
import { resolveEnvHeaders } from '../util/env-headers.js'
import { preview } from '../util/preview.js'
import type { Exchange, Request } from './protocol.js'
import type { Transport } from './transport.js'

const MAX_ANSWER_BYTES = 64 * 1024 * 1024
const END_TIMEOUT_MS = 2000
const BODY_PREVIEW_CHARS = 200

export class HttpTransport implements Transport {
  private readonly attempt = randomUUID()
  private readonly headers: { ok: true; headers: Record<string, string> } | { ok: false; error: string }

  constructor(
    private readonly url: string,
    headers: Record<string, string> | undefined,
    private readonly timeoutMs: number
  ) {
    const resolved = resolveEnvHeaders(headers ?? {})
    this.headers = resolved.ok
      ? { ok: true, headers: { 'content-type': 'application/json', ...resolved.headers } }
      : resolved
  }

  async exchange({ op, ...fields }: Request): Promise<Exchange> {
    if (!this.headers.ok) return { ok: false, failure: this.headers.error }
    const body = JSON.stringify({ attempt: this.attempt, ...fields })
    const answer = await postJson(this.endpoint(op), this.headers.headers, body, this.timeoutMs, MAX_ANSWER_BYTES)
    if (!answer.ok) {
      if (answer.reason === 'timeout')
        return { ok: false, failure: `did not answer ${op} within ${formatSeconds(this.timeoutMs)} (timeout_s)` }
      if (answer.reason === 'too_large')
        return { ok: false, failure: `answered ${op} with over ${MAX_ANSWER_BYTES / 1024 / 1024} MB` }
      return { ok: false, failure: `could not reach ${this.endpoint(op).href}: ${answer.message}` }
    }
    let value: unknown
    try {
      value = JSON.parse(answer.body)
    } catch {
      return {
        ok: false,
        failure: `answered ${op} with HTTP ${answer.status} and a body that is not JSON: ${shown(answer.body)}`
      }
    }
    // A refusal may come as a 4xx with `{"error"}`; any other status without the answer is a failure.
    const refusal = op === 'call' && answer.status >= 400 && answer.status < 500 && hasError(value)
    if (answer.status >= 300 && !refusal)
      return { ok: false, failure: `answered ${op} with HTTP ${answer.status}: ${shown(answer.body)}` }
    return { ok: true, value }
  }

  end(): void {
    if (!this.headers.ok) return
    const body = JSON.stringify({ attempt: this.attempt })
    void postJson(this.endpoint('end'), this.headers.headers, body, END_TIMEOUT_MS, 64 * 1024)
  }

  private endpoint(op: string): URL {
    return new URL(op, this.url.endsWith('/') ? this.url : `${this.url}/`)
  }
}

function shown(body: string): string {
  return preview(body, BODY_PREVIEW_CHARS, { mark: '...' })
}

function hasError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string'
}
