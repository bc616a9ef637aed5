// Turns what the SDK threw into a failure category and a message fit for a report.
import type { APIError } from 'openai'
import { errnoCause } from '../http/network-failure.js'
import { preview } from '../util/preview.js'
import { openaiSdk } from './openai-sdk.js'

export type CallFailureKind =
  'timeout' | 'unreachable' | 'rate_limited' | 'config' | 'context_length' | 'bad_response' | 'internal'

export interface CallFailure {
  kind: CallFailureKind
  /** Already scrubbed of secrets. */
  message: string
  /** HTTP status, when the endpoint answered. */
  status?: number
  /** The request parameter the endpoint complained about, when it says. */
  param?: string
}

/** What the endpoint said about a failed request, read from its body whatever its shape. */
export interface ApiComplaint {
  status: number
  message: string
  code?: string
  param?: string
}

const MESSAGE_CHARS = 500
const CONTEXT_LENGTH = /context[ _-]?length|maximum context|context window|too many tokens/i

export async function describeFailure(
  err: unknown,
  signal: AbortSignal | undefined,
  retries: number,
  baseUrl: string,
  errorBody: Promise<string> | undefined
): Promise<CallFailure> {
  const afterRetries = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : ''
  // Loaded already: the SDK threw `err`.
  const { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = await openaiSdk()
  if (signal?.aborted || err instanceof APIUserAbortError) return failure('timeout', 'the request was aborted')
  if (err instanceof APIConnectionTimeoutError) {
    return failure('unreachable', `the model endpoint ${baseUrl} did not answer in time${afterRetries}`)
  }
  if (err instanceof APIConnectionError) {
    return failure(
      'unreachable',
      `could not reach the model endpoint ${baseUrl}${afterRetries}: ${errnoCause(err)?.message ?? err.message}`
    )
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const complaint = await readComplaint(err, errorBody)
    const said = `HTTP ${complaint.status}${afterRetries}: ${complaint.message}`
    const extra = { status: complaint.status, ...(complaint.param ? { param: complaint.param } : {}) }
    if (complaint.status === 429)
      return failure('rate_limited', `the model endpoint rate-limited the request, ${said}`, extra)
    if (complaint.status >= 500) return failure('unreachable', `the model endpoint answered ${said}`, extra)
    if (complaint.code === 'context_length_exceeded' || CONTEXT_LENGTH.test(complaint.message)) {
      return failure(
        'context_length',
        `the model endpoint rejected the request as too long: ${complaint.message}`,
        extra
      )
    }
    return failure('config', `the model endpoint answered ${said}`, extra)
  }
  // Errors of fetch come from Node's own realm: compare names, not classes.
  if (isError(err) && err.name === 'SyntaxError') {
    return failure('bad_response', `the model endpoint answered malformed JSON: ${err.message}`)
  }
  return failure('internal', isError(err) ? err.message : String(err))
}

function failure(kind: CallFailureKind, message: string, extra: Partial<CallFailure> = {}): CallFailure {
  return { kind, message: preview(message, MESSAGE_CHARS, { mark: '...' }), ...extra }
}

/** The status, message, code and param of an error answer: OpenAI's `{ error: {...} }` or another server's shape. */
async function readComplaint(err: APIError, errorBody: Promise<string> | undefined): Promise<ApiComplaint> {
  const status = err.status as number
  const inner = err.error as Record<string, unknown> | undefined
  if (typeof inner?.message === 'string') {
    return {
      status,
      message: inner.message,
      code: stringOrUndefined(inner.code),
      param: stringOrUndefined(inner.param)
    }
  }
  const text = (await errorBody) ?? ''
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { status, message: text.trim() || err.message }
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const nested =
    typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : {}
  const message = [record.message, nested.message, record.error, record.detail].find((m) => typeof m === 'string')
  return {
    status,
    message: (message as string | undefined) ?? text,
    code: stringOrUndefined(record.code ?? nested.code),
    param: stringOrUndefined(record.param ?? nested.param)
  }
}

function isError(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).message === 'string'
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
