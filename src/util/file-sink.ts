import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'

/** Writes a file piece by piece, honouring back-pressure, so a large output never sits in memory. */
export class FileSink {
  private readonly stream: WriteStream
  private failure?: Error

  constructor(file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' })
    this.stream.on('error', (err) => {
      this.failure = err
    })
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure
    if (!this.stream.write(text)) await once(this.stream, 'drain')
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure
    this.stream.end()
    await once(this.stream, 'finish')
  }

  /** Gives up on a page that failed half-way (the caller reports the error). */
  destroy(): void {
    this.stream.destroy()
  }
}
