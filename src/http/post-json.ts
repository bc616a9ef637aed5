import { send } from './client.js'

/** What came back from one POST, or why nothing did. */
export type PostResult =
  | { ok: true; status: number; body: string; proxy?: string }
  | { ok: false; reason: 'timeout' }
  | { ok: false; reason: 'too_large'; status: number; body: string }
  | { ok: false; reason: 'network'; message: string }

/** POSTs `body` and reads the whole answer, within `timeoutMs` for both. */
export async function postJson(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  maxBodyBytes: number
): Promise<PostResult> {
  // Not AbortSignal.timeout: its timer outlives the request until it fires, and a run of
  // 100,000 quick tasks would hold one per task for the whole timeout.
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs)
  const { signal } = controller
  try {
    const answer = await send({ method: 'POST', url, headers, body, signal, maxBodyBytes })
    const text = answer.body.toString('utf8')
    if (answer.truncated) return { ok: false, reason: 'too_large', status: answer.status, body: text }
    return { ok: true, status: answer.status, body: text, ...(answer.proxy ? { proxy: answer.proxy } : {}) }
  } catch (err) {
    if (signal.aborted || (err as Error).name === 'AbortError') return { ok: false, reason: 'timeout' }
    return { ok: false, reason: 'network', message: (err as Error).message }
  } finally {
    clearTimeout(timer)
  }
}
