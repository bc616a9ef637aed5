// OpenTelemetry traces of a run (README, OpenTelemetry): with an OTLP endpoint set, every task
// attempt of traces.jsonl is exported as a trace once the run has written it. The export never
// changes the run's outcome: a backend that is down or slow costs one warning and a bounded wait.
import { readTraceLines } from '../model/trace-lines.js'
import { preview } from '../util/preview.js'
import type { ExportOutcome } from './export.js'
import { otlpTarget, registerOtlpSecrets } from './endpoint.js'

export interface TraceExport {
  /** Exports the attempts of the finished run's traces.jsonl (absent: the run wrote none). */
  send(tracesFile: string | undefined): Promise<void>
}

/**
 * The export of this run's traces, or undefined when no endpoint is set. Made before the run
 * starts: the OTLP header values become secrets before any agent's environment is built. An
 * endpoint that is not an http(s) URL is one warning, and nothing is exported.
 */
export function traceExport(
  option: string | undefined,
  warn: (message: string) => void = warnOnStderr,
  env: NodeJS.ProcessEnv = process.env
): TraceExport | undefined {
  const target = otlpTarget(option, env)
  if (!target) return undefined
  registerOtlpSecrets(target.ok ? target.url : undefined, env)
  if (!target.ok) {
    warn(`no traces exported to OpenTelemetry: ${target.problem}`)
    return undefined
  }
  return {
    async send(tracesFile) {
      if (tracesFile === undefined) return
      let outcome: ExportOutcome
      try {
        // The OpenTelemetry SDK is loaded only by a run that exports.
        const { exportAttempts } = await import('./export.js')
        outcome = await exportAttempts(readTraceLines(tracesFile), target)
      } catch (err) {
        outcome = { attempts: 0, exported: 0, failure: preview(String((err as Error)?.message ?? err), 200) }
      }
      if (outcome.failure === undefined) return
      const counted = outcome.attempts > 0 ? `${outcome.exported} of ${outcome.attempts} attempts exported; ` : ''
      warn(
        `OpenTelemetry export to ${target.shown} failed (${outcome.failure}): ${counted}${tracesFile} has every attempt`
      )
    }
  }
}

function warnOnStderr(message: string): void {
  process.stderr.write(`evalgate: warning: ${message}\n`)
}
