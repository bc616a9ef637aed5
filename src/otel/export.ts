// Sends the spans of task attempts through the OpenTelemetry SDK and its OTLP/HTTP (JSON) exporter.
// Spans are collected and sent in batches one at a time, so that none is dropped however fast the
// attempts come; the first failed batch ends the export (a backend that is down fails them all),
// and the whole export ends by a deadline, so a slow backend delays the run by a bounded time.
import { ROOT_CONTEXT, SpanStatusCode, trace, type HrTime, type Span, type Tracer } from '@opentelemetry/api'
import { ExportResultCode, type ExportResult } from '@opentelemetry/core'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { BasicTracerProvider, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base'
import type { TraceLine } from '../model/types.js'
import { preview } from '../util/preview.js'
import { evalgateResource, SERVICE_NAME, SERVICE_VERSION } from './resource.js'
import { attemptSpans, type SpanPlan } from './spans.js'

/** Spans per request (the SDK's batch processor default). */
const BATCH_SPANS = 512
/** The whole export may take this many export timeouts. */
const DEADLINE_TIMEOUTS = 3

export interface ExportTarget {
  url: string
  timeoutMs: number
}

export interface ExportOutcome {
  attempts: number
  exported: number
  /** Why the rest was not exported (a short line, scrubbed). */
  failure?: string
}

/** Exports every attempt of `lines` as one trace; never throws for a backend's failure. */
export async function exportAttempts(lines: AsyncIterable<TraceLine>, target: ExportTarget): Promise<ExportOutcome> {
  const exporter = new OTLPTraceExporter({ url: target.url, timeoutMillis: target.timeoutMs })
  const collected = new CollectedSpans()
  const provider = new BasicTracerProvider({ resource: evalgateResource(), spanProcessors: [collected] })
  const tracer = provider.getTracer(SERVICE_NAME, SERVICE_VERSION)
  const deadline = Date.now() + DEADLINE_TIMEOUTS * target.timeoutMs
  const outcome: ExportOutcome = { attempts: 0, exported: 0 }
  let unsent = 0

  const send = async () => {
    const spans = collected.take()
    if (spans.length === 0) return
    const result = await within(new Promise<ExportResult>((resolve) => exporter.export(spans, resolve)), deadline)
    if (result?.code === ExportResultCode.SUCCESS) outcome.exported += unsent
    else
      outcome.failure = result ? describe(result.error) : `no answer within ${DEADLINE_TIMEOUTS * target.timeoutMs} ms`
    unsent = 0
  }

  try {
    for await (const line of lines) {
      outcome.attempts++
      if (outcome.failure) continue
      emit(tracer, attemptSpans(line, Date.now()))
      unsent++
      if (collected.size >= BATCH_SPANS) await send()
    }
    if (!outcome.failure) await send()
  } catch (err) {
    outcome.failure ??= describe(err as Error)
  } finally {
    await within(Promise.all([provider.shutdown(), exporter.shutdown()]), deadline + target.timeoutMs)
  }
  return outcome
}

function emit(tracer: Tracer, spans: ReturnType<typeof attemptSpans>): void {
  const root = start(tracer, spans.root)
  const parent = trace.setSpan(ROOT_CONTEXT, root)
  for (const child of spans.children) finish(start(tracer, child, parent), child)
  finish(root, spans.root)
}

function start(tracer: Tracer, plan: SpanPlan, parent = ROOT_CONTEXT): Span {
  return tracer.startSpan(
    plan.name,
    { kind: plan.kind, startTime: hrTime(plan.start), attributes: plan.attributes },
    parent
  )
}

function finish(span: Span, plan: SpanPlan): void {
  if (plan.error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: plan.error })
  span.end(hrTime(plan.end))
}

/** Epoch milliseconds (fractions too: a tool call takes well under one) as seconds and nanoseconds. */
function hrTime(ms: number): HrTime {
  const seconds = Math.floor(ms / 1000)
  const nanos = Math.round((ms - seconds * 1000) * 1e6)
  return nanos >= 1e9 ? [seconds + 1, nanos - 1e9] : [seconds, nanos]
}

/** The ended spans, until taken to be sent. */
class CollectedSpans implements SpanProcessor {
  private spans: ReadableSpan[] = []

  get size(): number {
    return this.spans.length
  }

  take(): ReadableSpan[] {
    const taken = this.spans
    this.spans = []
    return taken
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    this.spans.push(span)
  }

  forceFlush(): Promise<void> {
    return Promise.resolve()
  }

  shutdown(): Promise<void> {
    return Promise.resolve()
  }
}

/** `promise`'s value, or undefined once `deadline` (epoch ms) has passed. */
async function within<T>(promise: Promise<T>, deadline: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()))
  })
  try {
    return await Promise.race([promise.catch(() => undefined), late])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A failed export in a few words: an HTTP status, or the connection error. Never a response body,
 * which a backend may fill with the request's headers.
 */
function describe(error: Error | undefined): string {
  const { code, message, errors } = (error ?? {}) as { code?: unknown; message?: string; errors?: unknown }
  const text =
    typeof code === 'number'
      ? `HTTP ${code}${message ? ` ${message}` : ''}`
      : message ||
        (Array.isArray(errors) && errors[0] instanceof Error ? errors[0].message : String(code ?? 'export failed'))
  return preview(text, 200)
}
