import type OpenAI from 'openai'
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions'
import type { Budgets, ModelCallRecord } from '../model/types.js'
import { scrubSecrets } from '../util/secrets.js'
import { wallClock } from '../util/wall-clock.js'
import { abortable } from './abortable.js'
import { attemptLogOption, countingFetch, type AttemptLog } from './counting-fetch.js'
import { describeFailure, type CallFailure } from './call-failure.js'
import { parseCompletion, type Completion } from './completion.js'
import type { Endpoint } from './endpoint.js'
import { openaiSdk } from './openai-sdk.js'
import { costOf, type PriceTable } from './pricing.js'
import type { ResponseCache } from './response-cache.js'

export type ChatRequest = ChatCompletionCreateParamsNonStreaming

export interface ModelRequest {
  body: ChatRequest
  /**
   * Parameters evalgate adds of its own accord (structured output, the judge's temperature):
   * once the endpoint rejects one with a 400 naming it, it is left out for the rest of the run.
   */
  optional?: Partial<ChatRequest>
  purpose: ModelCallRecord['purpose']
  /** Aborts the request (and the SDK's retries). */
  signal?: AbortSignal
  /** `Date.now()` when `signal` will abort: a Retry-After past it is not waited for. */
  deadline?: number
}

type FetchOptions = NonNullable<NonNullable<Parameters<OpenAI['chat']['completions']['create']>[1]>['fetchOptions']>

export type ModelCallResult =
  | { ok: true; completion: Completion; record: ModelCallRecord }
  | { ok: false; failure: CallFailure; record: ModelCallRecord }

type SendResult =
  | { ok: true; completion: Completion; cached: boolean; retries: number }
  | { ok: false; failure: CallFailure; retries: number }

/** One OpenAI client per endpoint and run: its connections are kept alive across tasks. */
export class ModelClient {
  private openai?: Promise<OpenAI>
  /** Per model, the optional parameters the endpoint rejected. */
  private readonly rejected = new Map<string, Set<string>>()

  constructor(
    readonly endpoint: Endpoint,
    private readonly budgets: Budgets,
    private readonly prices: PriceTable,
    private readonly cache?: ResponseCache
  ) {}

  /** The SDK's client, made with the first call. */
  private sdkClient(): Promise<OpenAI> {
    const { endpoint, budgets } = this
    return (this.openai ??= openaiSdk().then(
      ({ OpenAI }) =>
        new OpenAI({
          apiKey: endpoint.apiKey,
          baseURL: endpoint.baseUrl,
          defaultHeaders: endpoint.headers,
          // The SDK retries 408/409/429/5xx and connection errors with exponential back-off and
          // jitter, honouring Retry-After and retry-after-ms.
          maxRetries: budgets.max_retries,
          timeout: Math.max(1, budgets.task_timeout_s) * 1000,
          fetch: countingFetch,
          logLevel: 'off'
        })
    ))
  }

  async complete(request: ModelRequest): Promise<ModelCallResult> {
    const startedAt = performance.now()
    for (;;) {
      const body = this.withOptional(request)
      const sent = await this.send(body, request)
      const latency_ms = Math.round(performance.now() - startedAt)
      if (sent.ok) {
        return { ok: true, completion: sent.completion, record: this.record(request, startedAt, latency_ms, sent) }
      }
      const rejected = rejectedParam(sent.failure, body, request.optional)
      if (rejected) {
        this.rejectedFor(request.body.model).add(rejected)
        continue
      }
      const record = this.record(request, startedAt, latency_ms, sent)
      record.error = sent.failure.message
      return { ok: false, failure: sent.failure, record }
    }
  }

  private async send(body: ChatRequest, { signal, deadline }: ModelRequest): Promise<SendResult> {
    const key = this.cache?.key(this.endpoint.baseUrl, body)
    if (key !== undefined) {
      const stored = parseCompletion(await this.cache!.get(key))
      if (stored.ok) return { ok: true, completion: stored.completion, cached: true, retries: 0 }
    }

    const log: AttemptLog = { count: 0, deadline }
    const fetchOptions = attemptLogOption(log) as FetchOptions
    let answer: unknown
    try {
      const openai = await this.sdkClient()
      answer = await abortable(openai.chat.completions.create(body, { signal, fetchOptions }), signal)
    } catch (err) {
      const retries = Math.max(0, log.count - 1)
      const failure = await describeFailure(err, signal, retries, this.endpoint.baseUrl, log.errorBody)
      if (log.refusedWaitMs !== undefined) {
        failure.message += ` (it asked to retry in ${Math.round(log.refusedWaitMs / 100) / 10}s, past the task timeout)`
      }
      if (log.proxy && failure.status !== undefined) failure.message += ` (through the proxy ${log.proxy})`
      return { ok: false, failure, retries }
    }
    const retries = Math.max(0, log.count - 1)
    const parsed = parseCompletion(answer)
    if (!parsed.ok) {
      const message = scrubSecrets(`the model endpoint answered 200 but ${parsed.error}`)
      return { ok: false, failure: { kind: 'bad_response', message }, retries }
    }
    if (key !== undefined) await this.cache!.put(key, parsed.completion).catch(() => {})
    return { ok: true, completion: parsed.completion, cached: false, retries }
  }

  private record(request: ModelRequest, startedAt: number, latency_ms: number, sent: SendResult): ModelCallRecord {
    const model = request.body.model
    const usage = sent.ok ? sent.completion.usage : undefined
    const input_tokens = usage?.prompt_tokens ?? 0
    const output_tokens = usage?.completion_tokens ?? 0
    const record: ModelCallRecord = {
      model,
      purpose: request.purpose,
      input_tokens,
      output_tokens,
      ...(sent.ok && sent.completion.model ? { response_model: sent.completion.model } : {}),
      started_at: wallClock(startedAt),
      latency_ms,
      cost_usd: 0
    }
    const price =
      this.prices.priceFor(model) ??
      (sent.ok && sent.completion.model ? this.prices.priceFor(sent.completion.model) : undefined)
    if (sent.ok && sent.cached) {
      record.cached = true
      // Not spent, but what the answer costs: cost per success must not look free from the cache.
      record.cached_cost_usd = usage ? costOf(price, input_tokens, output_tokens) : null
      return record
    }
    // A success without usage cannot be priced; a failure costs nothing (at a known price).
    record.cost_usd = sent.ok && !usage ? null : costOf(price, input_tokens, output_tokens)
    if (sent.retries > 0) record.retries = sent.retries
    return record
  }

  private withOptional(request: ModelRequest): ChatRequest {
    if (!request.optional) return request.body
    const rejected = this.rejected.get(request.body.model)
    const body: Record<string, unknown> = { ...request.body }
    for (const [name, value] of Object.entries(request.optional)) {
      if (!rejected?.has(name)) body[name] = value
    }
    return body as unknown as ChatRequest
  }

  private rejectedFor(model: string): Set<string> {
    let rejected = this.rejected.get(model)
    if (!rejected) this.rejected.set(model, (rejected = new Set()))
    return rejected
  }
}

/** The optional parameter a 400 complains about, if it is one this request sent. */
function rejectedParam(
  failure: CallFailure,
  body: ChatRequest,
  optional: Partial<ChatRequest> | undefined
): string | undefined {
  if (!optional || (failure.status !== 400 && failure.status !== 422)) return undefined
  return Object.keys(optional).find(
    (name) =>
      name in body &&
      (failure.param === name ||
        failure.message.includes(name) ||
        (name === 'response_format' && /json[_ ]?schema/i.test(failure.message)))
  )
}
