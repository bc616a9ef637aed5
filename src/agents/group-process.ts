// A program run in a process group of its own with its input on stdin: its stdout (bounded), the
// tail of its stderr, and how it ended. The group, and whatever it started that carries its
// marker (./process-sweep.ts), is killed when it exits, runs past its time, or writes too much,
// and when evalgate exits first. Command agents and custom graders run through it.
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { preview, previewTail } from '../util/preview.js'
import { longestSecretLength } from '../util/secrets.js'
import { killGroup, releaseGroup, spawnGroup, type GroupProcess as Group } from './process-group.js'

// After the program exits its pipes close at once unless something escaped the process group
// and still holds them; do not wait on such a process forever.
const PIPE_CLOSE_GRACE_MS = 1000

export interface GroupProcessOptions {
  file: string
  args: string[]
  cwd: string
  /** Its whole environment (the sweep marker is added to a copy). */
  env: Record<string, string>
  stdin: string
  timeoutMs: number
  maxStdoutBytes: number
  /** How much of the end of stderr is kept. */
  stderrTailChars: number
}

export type GroupProcessEnd =
  | { started: false; error: string }
  | {
      started: true
      code: number | null
      signal: NodeJS.Signals | null
      /** Set when evalgate killed it: past `timeoutMs`, or stdout over `maxStdoutBytes`. */
      stopped?: 'timeout' | 'too_large'
      stdout: Buffer
      /** The tail of stderr (previewTail). */
      stderr: string
    }

export function runInGroup(opts: GroupProcessOptions): Promise<GroupProcessEnd> {
  const group = spawnGroup([opts.file, ...opts.args], opts.cwd, opts.env)
  if (!group) return Promise.resolve({ started: false, error: 'the command is empty' })
  return new Promise((resolve) => new GroupProcess(group, opts, resolve).start())
}

/** Follows one spawned program to its end. */
class GroupProcess {
  private readonly stdout: Buffer[] = []
  private stdoutBytes = 0
  private stderr: Buffer[] = []
  private stderrBytes = 0
  /** Whether the start of stderr was dropped (only its tail is kept). */
  private stderrCut = false
  private exit?: { code: number | null; signal: NodeJS.Signals | null }
  private stopReason?: 'timeout' | 'too_large'
  private timer?: NodeJS.Timeout
  private graceTimer?: NodeJS.Timeout
  private settled = false

  private readonly child: ChildProcess

  constructor(
    private readonly group: Group,
    private readonly opts: GroupProcessOptions,
    private readonly resolve: (end: GroupProcessEnd) => void
  ) {
    this.child = group.child
  }

  start(): void {
    const { child } = this
    child.on('error', (err) => this.onError(err))
    if (child.pid === undefined) return // spawn failed: 'error' follows

    this.timer = setTimeout(() => this.stop('timeout'), this.opts.timeoutMs)
    child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk))
    child.stderr!.on('data', (chunk: Buffer) => this.onStderr(chunk))
    child.on('exit', (code, signal) => this.onExit(code, signal))
    child.on('close', () => this.finish())
    // A program may exit without reading its input: that EPIPE is not an error of ours.
    child.stdin!.on('error', () => {})
    child.stdin!.end(this.opts.stdin)
  }

  private onError(err: NodeJS.ErrnoException): void {
    if (this.exit || this.settled) return // e.g. a failed kill after exit
    if (this.child.pid !== undefined) {
      this.killGroup()
      return
    }
    this.settle({ started: false, error: this.describeStartError(err) })
  }

  private describeStartError(err: NodeJS.ErrnoException): string {
    if (err.code === 'ENOENT' && !existsSync(this.opts.cwd)) {
      return `working directory ${this.opts.cwd} does not exist`
    }
    return err.message
  }

  private onStdout(chunk: Buffer): void {
    this.stdoutBytes += chunk.length
    if (this.stdoutBytes > this.opts.maxStdoutBytes) return this.stop('too_large')
    this.stdout.push(chunk)
  }

  private onStderr(chunk: Buffer): void {
    this.stderr.push(chunk)
    this.stderrBytes += chunk.length
    // Kept: the tail shown, and room before it for a whole secret (up to 4 bytes a character), so
    // that the scrub sees every secret that reaches into the part shown.
    const keep = this.opts.stderrTailChars * 4 + longestSecretLength() * 4
    if (this.stderrBytes > 2 * keep) {
      const tail = Buffer.concat(this.stderr).subarray(-keep)
      this.stderr = [tail]
      this.stderrBytes = tail.length
      this.stderrCut = true
    }
  }

  private stop(reason: 'timeout' | 'too_large'): void {
    if (this.exit || this.stopReason) return
    this.stopReason = reason
    this.killGroup()
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exit = { code, signal }
    clearTimeout(this.timer)
    // Whatever the program left running, in its group or not, goes with it (and releases its pipes).
    releaseGroup(this.group)
    this.graceTimer = setTimeout(() => {
      this.child.stdout!.destroy()
      this.child.stderr!.destroy()
      this.finish()
    }, PIPE_CLOSE_GRACE_MS).unref()
  }

  private killGroup(): void {
    killGroup(this.child.pid)
  }

  private finish(): void {
    if (this.settled || !this.exit) return
    const stderr = previewTail(Buffer.concat(this.stderr).toString('utf8'), this.opts.stderrTailChars, this.stderrCut)
    this.settle({
      started: true,
      ...this.exit,
      ...(this.stopReason ? { stopped: this.stopReason } : {}),
      stdout: Buffer.concat(this.stdout),
      stderr
    })
  }

  private settle(end: GroupProcessEnd): void {
    this.settled = true
    clearTimeout(this.timer)
    clearTimeout(this.graceTimer)
    this.resolve(end)
  }
}

/** The last line of `text` with something on it, shortened (a failure's reason). */
export function lastNonEmptyLine(text: string): string {
  const lines = text.split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim()
    if (line) return preview(line, 300, { mark: '...' })
  }
  return ''
}
