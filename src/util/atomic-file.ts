// Each output file appears whole or not at all: it is written under a temporary name beside it
// and renamed into place, so that a finished-looking file is never a half-written one.
import { rename, rm } from 'node:fs/promises'
import { FileSink } from './file-sink.js'

/** The temporary name a file is written under before it is renamed into place. */
export function partialPath(path: string): string {
  return `${path}.partial`
}

/** Streams `path` piece by piece through `write`; it is renamed into place only once all is written. */
export async function streamAtomically(path: string, write: (sink: FileSink) => Promise<void>): Promise<void> {
  const partial = partialPath(path)
  const sink = new FileSink(partial)
  try {
    await write(sink)
    await sink.close()
    await rename(partial, path)
  } catch (err) {
    sink.destroy()
    await rm(partial, { force: true })
    throw err
  }
}

/** Writes `text` to `path` whole or not at all. */
export function writeAtomically(path: string, text: string): Promise<void> {
  return streamAtomically(path, (sink) => sink.write(text))
}
