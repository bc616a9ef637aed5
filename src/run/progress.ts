// Progress on stderr, with the time elapsed and an estimate of the time left: a redrawn bar on a
// terminal; in CI logs (CI set, TERM=dumb, or stderr not a terminal) a plain line every 10% (or
// 15 s), with no carriage return or escape code.
import { isFlagSet } from '../util/env-flag.js'

export interface Progress {
  tick(status: string): void
  /** A round of further attempts starts (round 1 is the `total` given at creation). */
  round(round: number, attempts: number): void
  done(): void
}

export interface ProgressOptions {
  env?: NodeJS.ProcessEnv
  /** The clock, in ms. */
  now?: () => number
}

/** Whether progress must be plain lines: a log, a CI runner or a terminal that cannot redraw. */
export function plainProgress(stream: Pick<NodeJS.WriteStream, 'isTTY'>, env: NodeJS.ProcessEnv): boolean {
  return !stream.isTTY || isFlagSet(env.CI) || env.TERM === 'dumb'
}

export function createProgress(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  options: ProgressOptions = {}
): Progress {
  const now = options.now ?? Date.now
  const counts: Record<string, number> = {}
  let done = 0
  let rounds = 1
  const started = now()
  const describe = () => {
    const extra = Object.entries(counts)
      .filter(([status]) => status !== 'pass')
      .map(([status, n]) => `${n} ${status}`)
      .join(', ')
    return `${done}/${total} ${rounds > 1 ? 'attempts' : 'tasks'}${extra ? ` (${extra})` : ''}`
  }
  /** `, about 1m05s left` while attempts remain, from the pace so far. */
  const left = (at: number) => {
    if (done === 0 || done >= total) return ''
    return `, about ${duration((((at - started) / done) * (total - done)) / 1000)} left`
  }
  const addRound = (round: number, attempts: number): boolean => {
    if (round <= 1) return false
    rounds = round
    total += attempts
    return true
  }

  if (!plainProgress(stream, options.env ?? process.env)) {
    let lastDraw = 0
    const draw = (force: boolean) => {
      const at = now()
      if (!force && at - lastDraw < 100) return
      lastDraw = at
      const width = 30
      const filled = total ? Math.round((done / total) * width) : width
      const time = `${duration((at - started) / 1000)} elapsed${left(at)}`
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${describe()}, ${time}\x1b[K`)
    }
    return {
      tick(status) {
        counts[status] = (counts[status] ?? 0) + 1
        done++
        draw(done === total)
      },
      round(round, attempts) {
        if (addRound(round, attempts)) draw(true)
      },
      done() {
        draw(true)
        stream.write('\n')
      }
    }
  }

  let lastLine = started
  let lastDecile = 0
  return {
    tick(status) {
      counts[status] = (counts[status] ?? 0) + 1
      done++
      const decile = total ? Math.floor((done / total) * 10) : 10
      const at = now()
      if (decile > lastDecile || at - lastLine > 15000) {
        lastDecile = decile
        lastLine = at
        stream.write(`evalgate: ${describe()}, ${((at - started) / 1000).toFixed(1)}s${left(at)}\n`)
      }
    },
    round(round, attempts) {
      if (!addRound(round, attempts)) return
      lastDecile = Math.floor((done / total) * 10)
      stream.write(`evalgate: round ${round}: ${attempts} more attempts\n`)
    },
    done() {}
  }
}

/** `42s`, `3m05s`, `1h02m`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}
