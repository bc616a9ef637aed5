// A scriptable OpenAI-compatible server on 127.0.0.1 for tests: the real `openai` SDK talks to
// it through `baseURL`. Each request takes the next scripted reply (or the fallback), and every
// request is recorded.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Socket } from 'node:net'

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The parsed JSON body (the raw text when it is not JSON). */
  body: any
  /** `performance.now()` when the request arrived. */
  at: number
}

export interface Reply {
  status?: number
  headers?: Record<string, string>
  /** A JSON body. */
  json?: unknown
  /** A raw body (sent as application/json unless `headers` says otherwise). */
  text?: string
  delayMs?: number
  /** Never answer. */
  hang?: boolean
}

export type Responder = (request: ReceivedRequest, index: number) => Reply

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
}

export const DEFAULT_USAGE: Usage = { prompt_tokens: 100, completion_tokens: 20 }

export class FakeOpenAI {
  readonly requests: ReceivedRequest[] = []
  /** TCP connections opened so far (keep-alive reuse keeps this low). */
  connections = 0
  private queue: (Reply | Responder)[] = []
  private fallback: Responder = () => apiError(500, 'no reply scripted for this request')
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: Server,
    readonly origin: string
  ) {}

  /** The base URL to give the SDK (`.../v1`). */
  get baseUrl(): string {
    return `${this.origin}/v1`
  }

  static async start(): Promise<FakeOpenAI> {
    const server = createServer()
    server.keepAliveTimeout = 60_000
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const fake = new FakeOpenAI(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    server.on('request', (req, res) => {
      let raw = ''
      req.setEncoding('utf8')
      req.on('data', (chunk: string) => (raw += chunk))
      req.on('end', () => fake.handle(req.method ?? 'GET', req.url ?? '/', req.headers, raw, res))
    })
    server.on('connection', (socket) => {
      fake.connections++
      fake.sockets.add(socket)
      socket.on('close', () => fake.sockets.delete(socket))
    })
    return fake
  }

  /** Queues replies for the next requests, in order. */
  reply(...replies: (Reply | Responder)[]): this {
    this.queue.push(...replies)
    return this
  }

  /** Answers every request the queue does not cover. */
  otherwise(responder: Responder): this {
    this.fallback = responder
    return this
  }

  /** Forgets the script and the recorded requests (between tests). */
  reset(): void {
    this.queue = []
    this.requests.length = 0
    this.fallback = () => apiError(500, 'no reply scripted for this request')
  }

  /** Requests to the chat completions endpoint. */
  get completions(): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === '/v1/chat/completions')
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }

  private handle(method: string, path: string, headers: IncomingHttpHeaders, raw: string, res: ServerResponse): void {
    let body: unknown = raw
    try {
      body = JSON.parse(raw)
    } catch {
      // kept as text
    }
    const request: ReceivedRequest = { method, path, headers, body, at: performance.now() }
    const index = this.requests.push(request) - 1
    if (method !== 'POST' || path !== '/v1/chat/completions') {
      return send(res, apiError(404, `fake-openai does not serve ${method} ${path}`))
    }
    const next = this.queue.shift() ?? this.fallback
    const reply = typeof next === 'function' ? next(request, index) : next
    if (reply.hang) return
    if (reply.delayMs) setTimeout(() => send(res, reply), reply.delayMs)
    else send(res, reply)
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return
  const text = reply.text ?? JSON.stringify(reply.json ?? {})
  res.writeHead(reply.status ?? 200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...reply.headers
  })
  res.end(text)
}

/** A chat completion answering `message`. */
export function completion(
  message: Record<string, unknown>,
  usage: Usage | null = DEFAULT_USAGE,
  model = 'fake-model'
) {
  const finish_reason = message.tool_calls ? 'tool_calls' : 'stop'
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason }],
    ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {})
  }
}

export interface ScriptedToolCall {
  name: string
  args?: unknown
  /** Sent as the arguments string verbatim (e.g. not JSON). */
  rawArgs?: string
  id?: string
}

let callIds = 0

/** The model calls these tools. */
export function toolCallsReply(calls: ScriptedToolCall[], usage: Usage | null = DEFAULT_USAGE): Reply {
  const tool_calls = calls.map((call) => ({
    id: call.id ?? `call_${++callIds}`,
    type: 'function',
    function: { name: call.name, arguments: call.rawArgs ?? JSON.stringify(call.args ?? {}) }
  }))
  return { json: completion({ content: null, tool_calls }, usage) }
}

/** The model's final answer: an object is sent as JSON text, a string as it is. */
export function answerReply(content: unknown, usage: Usage | null = DEFAULT_USAGE, model?: string): Reply {
  const text = typeof content === 'string' ? content : JSON.stringify(content)
  return { json: completion({ content: text }, usage, model) }
}

/** An error answer in OpenAI's shape. */
export function apiError(
  status: number,
  message: string,
  extra: { code?: string; param?: string; type?: string; headers?: Record<string, string> } = {}
): Reply {
  const { headers, ...fields } = extra
  return {
    status,
    headers,
    json: {
      error: {
        message,
        type: fields.type ?? 'invalid_request_error',
        param: fields.param ?? null,
        code: fields.code ?? null
      }
    }
  }
}
