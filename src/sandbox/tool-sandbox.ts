import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { GoldenTask, Workflow } from '../model/types.js'
import type { ToolsBackendCalls } from '../model/tools-backend.js'
import {
  DEFAULT_MAX_TOOL_CALLS,
  SandboxSession,
  type CallArgs,
  type ToolResponse,
  type ToolSession
} from './tool-session.js'
import { preview } from '../util/preview.js'

const MAX_BODY_BYTES = 1024 * 1024
const RAW_ARGS_CHARS = 1024
// Agents may pause for a model call between tool calls; a longer idle window than Node's
// 5 s default avoids clients reusing a socket the server is just closing.
const KEEP_ALIVE_MS = 65_000

/** One HTTP server on 127.0.0.1 for the whole run; every task attempt opens a session on it. */
export class ToolSandbox {
  private readonly sessions = new Map<string, SandboxSession>()
  // A session's token is its number and a MAC of it: a closed session is told from an unknown
  // one without a list of every token a run of 100,000 attempts has closed.
  private readonly tokenKey = randomBytes(32)
  private sessionsOpened = 0

  private constructor(
    private readonly server: Server,
    readonly url: string
  ) {}

  static async start(): Promise<ToolSandbox> {
    const server = createServer({ keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 5_000 })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
    const { port } = server.address() as AddressInfo
    const sandbox = new ToolSandbox(server, `http://127.0.0.1:${port}`)
    server.on('request', (req, res) => sandbox.handleRequest(req, res))
    return sandbox
  }

  /** `maxCalls`: the attempt's tool-call budget; `backend`: the attempt's tools backend, if the workflow has one. */
  open(
    task: GoldenTask,
    workflow: Workflow,
    maxCalls = DEFAULT_MAX_TOOL_CALLS,
    backend?: ToolsBackendCalls
  ): ToolSession {
    const token = this.tokenOf(this.sessionsOpened++)
    const onClose = () => {
      this.sessions.delete(token)
    }
    const session = new SandboxSession(`${this.url}/s/${token}`, task, workflow, onClose, maxCalls, backend)
    this.sessions.set(token, session)
    return session
  }

  async stop(): Promise<void> {
    for (const session of [...this.sessions.values()]) session.close()
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  /** 36 characters, like the UUIDs it replaced: the session's number in 8 hex digits, a dash, 27 of its MAC. */
  private tokenOf(session: number): string {
    const number = session.toString(16).padStart(8, '0')
    return `${number}-${this.macOf(number)}`
  }

  private macOf(number: string): string {
    return createHmac('sha256', this.tokenKey).update(number).digest('hex').slice(0, 27)
  }

  /** Whether this sandbox gave out `token` (to a session open or closed). */
  private issued(token: string): boolean {
    const match = /^([0-9a-f]{8})-([0-9a-f]{27})$/.exec(token)
    return match !== null && timingSafeEqual(Buffer.from(match[2]), Buffer.from(this.macOf(match[1])))
  }

  private handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const startedAt = performance.now()
    const target = parseTarget(req.url ?? '/')
    if (!target) return send(res, 404, { error: 'not found: tools are served at POST /s/<session>/<tool>' })
    const session = this.sessions.get(target.token)
    if (!session) {
      const gone = this.issued(target.token)
      return send(res, gone ? 410 : 404, { error: gone ? 'this tool session is closed' : 'unknown tool session' })
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'tools only answer POST' }, { allow: 'POST' })
    if (!target.tool) return send(res, 404, { error: 'name the tool in the path: POST <tools_url>/<tool>' })

    readArgs(req, (args) => {
      let answered: Promise<ToolResponse>
      try {
        answered = session.handle(target.tool, args, startedAt)
      } catch (err) {
        answered = Promise.reject(err as Error)
      }
      answered.then(
        (response) => send(res, response.status, response.body),
        // A bug of ours must not leave the agent waiting for an answer until its timeout.
        (err: Error) => send(res, 500, { error: `evalgate sandbox error: ${err.message}` })
      )
    })
  }
}

function parseTarget(url: string): { token: string; tool: string } | undefined {
  if (!url.startsWith('/s/')) return undefined
  const queryAt = url.indexOf('?')
  const path = url.slice(3, queryAt === -1 ? undefined : queryAt)
  const slash = path.indexOf('/')
  if (slash === -1) return { token: path, tool: '' }
  const tool = path.slice(slash + 1).replace(/\/+$/, '')
  return { token: path.slice(0, slash), tool: decodePathPart(tool) }
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** Reads the whole body (draining, not storing, past the limit so the connection stays usable). */
function readArgs(req: IncomingMessage, done: (args: CallArgs) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= MAX_BODY_BYTES) chunks.push(chunk)
  })
  req.on('error', () => {}) // an aborted request leaves nothing to answer
  req.on('end', () => {
    if (size > MAX_BODY_BYTES) {
      return done({ ok: false, status: 413, error: `request body is over 1 MB (${size} bytes)`, raw: null })
    }
    const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')
    // An empty body is a call without arguments.
    if (text.trim() === '') return done({ ok: true, value: {} })
    try {
      done({ ok: true, value: JSON.parse(text) })
    } catch (err) {
      const raw = preview(text, RAW_ARGS_CHARS, { mark: '...' })
      done({ ok: false, status: 400, error: `request body is not JSON: ${(err as Error).message}`, raw })
    }
  })
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // A client that gave up on a delayed answer is gone.
  if (res.destroyed) return
  const text = JSON.stringify(body) ?? 'null'
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}
