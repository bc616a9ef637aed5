// A command agent runs in its own process group, and evalgate kills the group when the attempt
// ends. A process that leaves the group (`setsid`, a double-forked daemon) outlives that kill,
// so each agent is also started with a marker variable, EVALGATE_AGENT_RUN=<run>.<attempt>,
// which every process it starts inherits. The sweep kills every process whose initial
// environment (/proc/<pid>/environ, readable for the same user) carries the marker. Linux only;
// a process that execs with a cleared environment escapes it (a container or cgroup does not).
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'

export const MARKER_VARIABLE = 'EVALGATE_AGENT_RUN'

const RUN = `${process.pid}-${randomBytes(6).toString('hex')}`
let attempts = 0
const SWEEPS = process.platform === 'linux'
// New processes may be forked while a sweep kills their parent: sweep until one finds none.
const MAX_PASSES = 5

/** A marker value for one agent process (and everything it starts). */
export function newAttemptMarker(): string {
  return `${RUN}.${++attempts}`
}

/** Kills every process carrying `marker`; returns how many. */
export function sweepAttempt(marker: string): number {
  return sweep(Buffer.from(`${MARKER_VARIABLE}=${marker}\0`))
}

/** Kills every process any agent of this run started (evalgate is exiting). */
export function sweepRun(): number {
  return sweep(Buffer.from(`${MARKER_VARIABLE}=${RUN}.`))
}

// Synchronous: it also runs in the exit hook, and a sync read of /proc/<pid>/environ costs a
// tenth of an async one (about 1 ms for 100 processes a sweep).
function sweep(entry: Buffer): number {
  if (!SWEEPS) return 0
  let found = 0
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let killed = 0
    for (const pid of processIds()) {
      let environ: Buffer
      try {
        environ = readFileSync(`/proc/${pid}/environ`)
      } catch {
        continue // gone, or another user's
      }
      if (holds(environ, entry) && kill(pid)) killed++
    }
    found += killed
    if (killed === 0) break
  }
  return found
}

/** True when one `NAME=value` entry of an environ block starts with `entry`. */
function holds(environ: Buffer, entry: Buffer): boolean {
  for (let at = environ.indexOf(entry); at !== -1; at = environ.indexOf(entry, at + 1)) {
    if (at === 0 || environ[at - 1] === 0) return true
  }
  return false
}

function kill(pid: number): boolean {
  try {
    process.kill(pid, 'SIGKILL')
    return true
  } catch {
    return false // gone already, or not ours
  }
}

function processIds(): number[] {
  try {
    return pidsOf(readdirSync('/proc'))
  } catch {
    return []
  }
}

function pidsOf(names: string[]): number[] {
  const pids: number[] = []
  for (const name of names) {
    const pid = Number(name)
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) pids.push(pid)
  }
  return pids
}
