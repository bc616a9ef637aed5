// A program run in a process group of its own with its input on stdin: its stdout (bounded), the
// tail of its stderr, and how it ended. The group, and whatever it started that carries its
// marker (./process-sweep.ts), is killed when it exits, runs past its time, or writes too much,
// and when evalgate exits first. Command agents and custom graders run through it.
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { killGroup, releaseGroup, spawnGroup, type GroupProcess as Group } from './process-group.js'
import { StderrTail } from './stderr-tail.js'

// After the program exits its pipes close at once unless something escaped the process group
// and still holds them; do not wait on such a process forever.
export const PIPE_CLOSE_GRACE_MS = 1000

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
  private readonly stderr: StderrTail
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
    this.stderr = new StderrTail(opts.stderrTailChars)
  }

  start(): void {
    const { child } = this
    child.on('error', (err) => this.onError(err))
    if (child.pid === undefined) return // spawn failed: 'error' follows

    this.timer = setTimeout(() => this.stop('timeout'), this.opts.timeoutMs)
    child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk))
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.add(chunk))
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
    this.settle({ started: false, error: startErrorMessage(err, this.opts.cwd) })
  }

  private onStdout(chunk: Buffer): void {
    this.stdoutBytes += chunk.length
    if (this.stdoutBytes > this.opts.maxStdoutBytes) return this.stop('too_large')
    this.stdout.push(chunk)
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
    const stderr = this.stderr.text()
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

/** Why a program could not be started. */
export function startErrorMessage(err: NodeJS.ErrnoException, cwd: string): string {
  if (err.code === 'ENOENT' && !existsSync(cwd)) return `working directory ${cwd} does not exist`
  return err.message
}
