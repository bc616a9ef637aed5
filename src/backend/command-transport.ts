// A command tools backend: one process per attempt (its own process group, the agent
// environment, cwd the workflow folder), one JSON request line on stdin and one answer line on
// stdout per operation, in order. stderr is its log: the tail names what went wrong.
import { helperEnvironment } from '../agents/agent-env.js'
import { killGroup, releaseGroup, shellCouldNotStart, spawnGroup, type GroupProcess } from '../agents/process-group.js'
import { formatSeconds } from '../agents/outcome.js'
import { append } from '../util/append.js'
import { failureLine } from '../util/failure-line.js'
import { LineSplitter } from '../util/line-splitter.js'
import { preview, previewTail } from '../util/preview.js'
import type { Exchange, Operation, Request } from './protocol.js'
import type { Transport } from './transport.js'

const MAX_LINE_BYTES = 64 * 1024 * 1024
const STDERR_TAIL_CHARS = 2000
const LINE_PREVIEW_CHARS = 200
// After the process exits its pipes close at once unless something escaped its group.
const CLOSE_GRACE_MS = 500
/** A backend has no `env` settings of its own: it gets the environment every agent gets. */

interface Waiting {
  op: Operation
  settle: (exchange: Exchange) => void
  timer: NodeJS.Timeout
}

export class CommandTransport implements Transport {
  private readonly group?: GroupProcess
  private readonly lines: string[] = []
  private readonly stdout = new LineSplitter(MAX_LINE_BYTES)
  private stderr = ''
  private waiting?: Waiting
  /** Once set, every request gets it. */
  private failure?: string
  private exited = false

  /** `config`: the workflow's `tools_backend` (one per run, which keys the cached environment). */
  constructor(
    config: { command: string | readonly string[] },
    dir: string,
    private readonly timeoutMs: number
  ) {
    try {
      this.group = spawnGroup(config.command, dir, helperEnvironment(config))
    } catch (err) {
      this.failure = `could not start: ${(err as Error).message}`
      return
    }
    if (!this.group) {
      this.failure = 'could not start: the command is empty'
      return
    }
    const { child } = this.group
    child.on('error', (err) => {
      if (child.pid === undefined) this.fail(`could not start: ${err.message}`)
    })
    if (child.pid === undefined) return // spawn failed: 'error' follows
    child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk))
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS * 2)
    })
    child.stdin!.on('error', () => {}) // EPIPE: the exit says why
    child.on('exit', (code, signal) => this.onExit(code, signal))
  }

  exchange(request: Request): Promise<Exchange> {
    if (this.failure) return Promise.resolve({ ok: false, failure: this.failure })
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.fail(`did not answer ${request.op} within ${formatSeconds(this.timeoutMs)} (timeout_s)`)
        this.end()
      }, this.timeoutMs)
      this.waiting = { op: request.op, settle: resolve, timer }
      this.group!.child.stdin!.write(`${JSON.stringify(request)}\n`)
      this.answerWaiting()
    })
  }

  end(): void {
    if (this.group && !this.exited) killGroup(this.group.child.pid)
  }

  private onStdout(chunk: Buffer): void {
    const { lines, tooLong } = this.stdout.feed(chunk)
    append(this.lines, lines)
    if (tooLong) {
      this.fail(`wrote a line of over ${MAX_LINE_BYTES / 1024 / 1024} MB`)
      this.end()
      return
    }
    this.answerWaiting()
  }

  private answerWaiting(): void {
    const waiting = this.waiting
    if (!waiting) return
    const line = this.lines.shift()
    if (line === undefined) return
    this.waiting = undefined
    clearTimeout(waiting.timer)
    try {
      waiting.settle({ ok: true, value: JSON.parse(line) })
    } catch {
      const shown = preview(line, LINE_PREVIEW_CHARS, { mark: '...' })
      this.fail(`answered ${waiting.op} with a line that is not JSON: ${JSON.stringify(shown)}`)
      waiting.settle({ ok: false, failure: this.failure! })
      this.end()
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true
    releaseGroup(this.group!)
    const { child } = this.group!
    const report = () => {
      clearTimeout(grace)
      if (this.failure) return
      const log = failureLine(previewTail(this.stderr, STDERR_TAIL_CHARS))
      const could = shellCouldNotStart(this.group!.viaShell, code)
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
      this.fail(could ? `could not start: ${log || how}` : `${how}${log ? `: ${log}` : ''}`)
    }
    const grace = setTimeout(report, CLOSE_GRACE_MS).unref()
    child.once('close', report)
  }

  private fail(reason: string): void {
    this.failure ??= reason
    const waiting = this.waiting
    if (!waiting) return
    this.waiting = undefined
    clearTimeout(waiting.timer)
    waiting.settle({ ok: false, failure: this.failure })
  }
}
