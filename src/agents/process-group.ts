// A child process evalgate starts for an attempt (a command agent, a tools backend): in its own
// process group, with a marker variable (src/agents/process-sweep.ts), so that ending it ends
// everything it started; groups still running when evalgate exits are killed then.
import { spawn, type ChildProcess } from 'node:child_process'
import { MARKER_VARIABLE, newAttemptMarker, sweepAttempt, sweepRun } from './process-sweep.js'

export interface GroupProcess {
  child: ChildProcess
  /** A string command runs through `/bin/sh -c`. */
  viaShell: boolean
  marker: string
}

// `/bin/sh -c` exits 127 when the command is not found, 126 when it is not executable.
const SHELL_COULD_NOT_START = new Set([126, 127])

/** Whether an exit with `code` means the program never started: only a shell says so by its code. */
export function shellCouldNotStart(viaShell: boolean, code: number | null): boolean {
  return viaShell && code !== null && SHELL_COULD_NOT_START.has(code)
}

const liveGroups = new Set<number>()
let exitHookInstalled = false

/** Starts `command` (argv or a shell string) in `cwd`; undefined when the command is empty. */
export function spawnGroup(
  command: string | readonly string[],
  cwd: string,
  env: Record<string, string>
): GroupProcess | undefined {
  const viaShell = typeof command === 'string'
  const [file, ...args] = viaShell ? ['/bin/sh', '-c', command as string] : (command as readonly string[])
  if (!file) return undefined
  const marker = newAttemptMarker()
  const child = spawn(file, args, { cwd, env: { ...env, [MARKER_VARIABLE]: marker }, detached: true, stdio: 'pipe' })
  if (child.pid !== undefined) {
    liveGroups.add(child.pid)
    installExitHook()
  }
  return { child, viaShell, marker }
}

export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // ESRCH: the group is already gone
  }
}

/** The process exited: kills what is left of its group and what escaped it. */
export function releaseGroup(group: GroupProcess): void {
  killGroup(group.child.pid)
  if (group.child.pid !== undefined) liveGroups.delete(group.child.pid)
  sweepAttempt(group.marker)
}

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const pgid of liveGroups) killGroup(pgid)
    sweepRun()
  })
}
