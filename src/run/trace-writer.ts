import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { scrubSecrets } from '../util/secrets.js'

/** Appends one JSON line per task attempt to traces.jsonl, honouring back-pressure so traces never pile up in memory. */
export class TraceWriter {
  private readonly stream: WriteStream
  private failure?: Error

  constructor(file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' })
    this.stream.on('error', (err) => {
      this.failure = err
    })
  }

  async write(trace: object): Promise<void> {
    if (this.failure) throw this.failure
    if (!this.stream.write(scrubSecrets(JSON.stringify(trace)) + '\n')) await once(this.stream, 'drain')
  }

  async close(): Promise<void> {
    this.stream.end()
    await once(this.stream, 'finish')
    if (this.failure) throw this.failure
  }
}
