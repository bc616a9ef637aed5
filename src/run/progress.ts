// Progress on stderr: a redrawn bar on a terminal, a plain line every 10% (or 15 s) in CI logs.

export interface Progress {
  tick(status: string): void
  done(): void
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const counts: Record<string, number> = {}
  let done = 0
  const started = Date.now()
  const describe = () => {
    const extra = Object.entries(counts)
      .filter(([status]) => status !== 'pass')
      .map(([status, n]) => `${n} ${status}`)
      .join(', ')
    return `${done}/${total} tasks${extra ? ` (${extra})` : ''}`
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
    done() {}
  }
}
