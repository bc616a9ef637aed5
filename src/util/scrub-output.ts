// The last line of defence for log lines: everything evalgate writes to stdout and stderr (the
// CLI's tables and problems, the action's log, annotations and workflow commands, which
// @actions/core writes there too) passes the secret scrub on its way out.
import { scrubSecrets } from './secrets.js'

type Write = typeof process.stdout.write

/** Scrubs every later write to the process's stdout and stderr. */
export function scrubStandardStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write(scrubChunk(chunk), ...rest)) as Write
  }
}

function scrubChunk(chunk: unknown): unknown {
  const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : undefined
  // `::add-mask::<secret>` tells the runner what to mask in its own log; the runner consumes the line.
  if (text === undefined || text.startsWith('::add-mask::')) return chunk
  const clean = scrubSecrets(text)
  return clean === text ? chunk : clean
}
