// Reading traces.jsonl back (the OpenTelemetry export, the evidence pack's trace sample), line by
// line: it is evalgate's own file, so a line that is not a trace line (cut off by a crash) is skipped.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { traceLineSchema, type TraceLine } from './trace.js'

/** The trace lines of `file`; `skipped` is told of each line that is not one. */
export async function* readTraceLines(file: string, skipped: () => void = () => undefined): AsyncGenerator<TraceLine> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
  for await (const text of lines) {
    if (text.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      skipped()
      continue
    }
    const parsed = traceLineSchema.safeParse(value)
    if (parsed.success) yield parsed.data
    else skipped()
  }
}
