// A local OTLP/HTTP receiver on 127.0.0.1 for tests: accepts POST /v1/traces (or any path) with a
// JSON ExportTraceServiceRequest, as a collector does, and decodes it into flat spans. Each request
// is recorded with its headers and raw body; `answer` scripts a failing or hanging backend.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import * as z from 'zod'

type AnyValue = { [key: string]: unknown }
const anyValue: z.ZodType<AnyValue> = z.lazy(() =>
  z.union([
    z.object({ stringValue: z.string() }).strict(),
    z.object({ boolValue: z.boolean() }).strict(),
    z.object({ intValue: z.union([z.number(), z.string()]) }).strict(),
    z.object({ doubleValue: z.number() }).strict(),
    z.object({ arrayValue: z.object({ values: z.array(anyValue).default([]) }) }).strict()
  ])
)
const keyValues = z.array(z.object({ key: z.string(), value: anyValue })).default([])
const spanSchema = z.object({
  traceId: z.string().regex(/^[0-9a-f]{32}$/),
  spanId: z.string().regex(/^[0-9a-f]{16}$/),
  parentSpanId: z.string().optional(),
  name: z.string(),
  kind: z.number(),
  startTimeUnixNano: z.union([z.string(), z.number()]),
  endTimeUnixNano: z.union([z.string(), z.number()]),
  attributes: keyValues,
  status: z.object({ code: z.number().optional(), message: z.string().optional() }).default({})
})
const requestSchema = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes: keyValues }),
      scopeSpans: z.array(
        z.object({ scope: z.object({ name: z.string(), version: z.string().optional() }), spans: z.array(spanSchema) })
      )
    })
  )
})

export interface ReceivedSpan {
  traceId: string
  spanId: string
  /** Undefined for a root span. */
  parentSpanId?: string
  name: string
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client. */
  kind: number
  startNs: bigint
  endNs: bigint
  attributes: Record<string, unknown>
  /** OTLP's status code: 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string }
  resource: Record<string, unknown>
  scope: { name: string; version?: string }
}

export interface ReceivedExport {
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface ReceiverAnswer {
  status?: number
  body?: string
  /** Never answer. */
  hang?: boolean
}

export class OtlpReceiver {
  readonly requests: ReceivedExport[] = []
  answer: (request: ReceivedExport) => ReceiverAnswer = () => ({ status: 200, body: '{}' })
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: Server,
    readonly origin: string
  ) {}

  static async start(): Promise<OtlpReceiver> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const receiver = new OtlpReceiver(server, `http://127.0.0.1:${port}`)
    server.on('connection', (socket) => {
      receiver.sockets.add(socket)
      socket.on('close', () => receiver.sockets.delete(socket))
    })
    server.on('request', (req, res) => {
      let body = ''
      req.setEncoding('utf8')
      req.on('data', (chunk: string) => (body += chunk))
      req.on('end', () => {
        const received = { path: req.url ?? '', headers: req.headers, body }
        receiver.requests.push(received)
        const answer = receiver.answer(received)
        if (answer.hang) return
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
        res.end(answer.body ?? '{}')
      })
    })
    return receiver
  }

  /** Every span received so far, decoded (a request that is no ExportTraceServiceRequest fails the test). */
  get spans(): ReceivedSpan[] {
    return this.requests.flatMap((request) => decodeExport(request.body))
  }

  /** All bodies as one text, to look for what must never be sent. */
  get allBodies(): string {
    return this.requests.map((r) => r.body).join('\n')
  }

  reset(): void {
    this.requests.length = 0
    this.answer = () => ({ status: 200, body: '{}' })
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }
}

export function decodeExport(body: string): ReceivedSpan[] {
  const request = requestSchema.parse(JSON.parse(body))
  return request.resourceSpans.flatMap((rs) => {
    const resource = attributesOf(rs.resource.attributes)
    return rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
        name: span.name,
        kind: span.kind,
        startNs: BigInt(span.startTimeUnixNano),
        endNs: BigInt(span.endTimeUnixNano),
        attributes: attributesOf(span.attributes),
        status: { code: span.status.code ?? 0, ...(span.status.message ? { message: span.status.message } : {}) },
        resource,
        scope: ss.scope
      }))
    )
  })
}

function attributesOf(list: z.output<typeof keyValues>): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, plain(value)]))
}

function plain(value: AnyValue): unknown {
  if ('stringValue' in value) return value.stringValue
  if ('boolValue' in value) return value.boolValue
  if ('intValue' in value) return Number(value.intValue)
  if ('doubleValue' in value) return value.doubleValue
  return (value.arrayValue as { values: AnyValue[] }).values.map(plain)
}
