// Ctrl-C, or the runner cancelling a job (SIGINT, then SIGTERM): clean up, then exit with the
// shell's code for the signal. Cleanups are synchronous because process.exit runs nothing after
// them but the 'exit' hooks, one of which kills every agent process (src/agents/command.ts).

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }
const cleanups = new Set<() => void>()
let installed = false

/** Exits 130 on SIGINT, 143 on SIGTERM, 129 on SIGHUP, after running the registered cleanups. */
export function exitOnStopSignals(): void {
  if (installed) return
  installed = true
  for (const signal of Object.keys(EXIT_CODES)) {
    process.on(signal, () => {
      process.stderr.write(`\nevalgate: stopped by ${signal}\n`)
      for (const cleanup of cleanups) {
        try {
          cleanup()
        } catch (err) {
          process.stderr.write(`evalgate: while stopping: ${(err as Error).message}\n`)
        }
      }
      process.exit(EXIT_CODES[signal])
    })
  }
}

/** Runs `cleanup` if a stop signal ends the process; the returned function unregisters it. */
export function onStop(cleanup: () => void): () => void {
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}
