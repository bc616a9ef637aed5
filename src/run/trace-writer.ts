import type { TraceLine } from '../model/types.js'
import { FileSink } from '../util/file-sink.js'
import { scrubSecrets } from '../util/secrets.js'

/** Appends one JSON line per task attempt to traces.jsonl, streamed so traces never pile up in memory. */
export class TraceWriter {
  private readonly sink: FileSink

  constructor(file: string) {
    this.sink = new FileSink(file)
  }

  write(trace: TraceLine): Promise<void> {
    return this.sink.write(scrubSecrets(JSON.stringify(trace)) + '\n')
  }

  close(): Promise<void> {
    return this.sink.close()
  }
}
