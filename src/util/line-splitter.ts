// A child's stdout, read one line at a time (a JSON-lines protocol), with a bound on a line's
// length that holds while the line is still coming: a program that writes without a newline
// cannot fill memory.

export interface FedLines {
  /** The lines the chunk completed (without their newline), in order. */
  lines: string[]
  /**
   * Whether a line, complete or not, is over the bound: `lines` are then those before it, and
   * the splitter takes nothing more.
   */
  tooLong: boolean
}

export class LineSplitter {
  private partial: Buffer[] = []
  private partialBytes = 0
  private over = false

  /** `maxLineBytes`: the most bytes one line may have, its newline not counted. */
  constructor(private readonly maxLineBytes: number) {}

  feed(chunk: Buffer): FedLines {
    const lines: string[] = []
    for (let from = 0; from < chunk.length && !this.over;) {
      const newline = chunk.indexOf(10, from)
      const piece = chunk.subarray(from, newline === -1 ? chunk.length : newline)
      if (this.partialBytes + piece.length > this.maxLineBytes) this.over = true
      else if (newline === -1) this.add(piece)
      else lines.push(this.complete(piece))
      from = newline === -1 ? chunk.length : newline + 1
    }
    return { lines, tooLong: this.over }
  }

  /** What came after the last newline (of a line over the bound: its part before the chunk that crossed it). */
  end(): string {
    return Buffer.concat(this.partial).toString('utf8')
  }

  private add(piece: Buffer): void {
    this.partial.push(piece)
    this.partialBytes += piece.length
  }

  private complete(piece: Buffer): string {
    this.add(piece)
    const line = this.end()
    this.partial = []
    this.partialBytes = 0
    return line
  }
}
