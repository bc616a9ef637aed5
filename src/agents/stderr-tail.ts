// The end of what a program wrote on stderr, kept bounded however much it writes.
import { previewTail } from '../util/preview.js'
import { longestSecretLength } from '../util/secrets.js'

export class StderrTail {
  private chunks: Buffer[] = []
  private bytes = 0
  /** Whether the start was dropped (only the tail is kept). */
  private cut = false

  constructor(private readonly tailChars: number) {}

  add(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.bytes += chunk.length
    // Kept: the tail shown, and room before it for a whole secret (up to 4 bytes a character), so
    // that the scrub sees every secret that reaches into the part shown.
    const keep = this.tailChars * 4 + longestSecretLength() * 4
    if (this.bytes > 2 * keep) {
      const tail = Buffer.concat(this.chunks).subarray(-keep)
      this.chunks = [tail]
      this.bytes = tail.length
      this.cut = true
    }
  }

  /** The tail (previewTail: secrets scrubbed, cut at the start). */
  text(): string {
    return previewTail(Buffer.concat(this.chunks).toString('utf8'), this.tailChars, this.cut)
  }
}
