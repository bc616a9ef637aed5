// Progress on stderr: a redrawn bar on a terminal, a plain line every 10% (or 15 s) in CI logs.

export interface Progress {
  tick(status: string): void
  /** A round of further attempts starts (round 1 is the `total` given at creation). */
  round(round: number, attempts: number): void
  done(): void
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const counts: Record<string, number> = {}
  let done = 0
  let rounds = 1
  const started = Date.now()
  const describe = () => {
    const extra = Object.entries(counts)
      .filter(([status]) => status !== 'pass')
      .map(([status, n]) => `${n} ${status}`)
      .join(', ')
    return `${done}/${total} ${rounds > 1 ? 'attempts' : 'tasks'}${extra ? ` (${extra})` : ''}`
  }
  const addRound = (round: number, attempts: number): boolean => {
    if (round <= 1) return false
    rounds = round
    total += attempts
    return true
  }

  if (stream.isTTY) {
    let lastDraw = 0
    const draw = (force: boolean) => {
      const now = Date.now()
      if (!force && now - lastDraw < 100) return
      lastDraw = now
      const width = 30
      const filled = total ? Math.round((done / total) * width) : width
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${describe()}\x1b[K`)
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
      const now = Date.now()
      if (decile > lastDecile || now - lastLine > 15000) {
        lastDecile = decile
        lastLine = now
        stream.write(`evalgate: ${describe()}, ${((now - started) / 1000).toFixed(1)}s\n`)
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
