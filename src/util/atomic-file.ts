// Each output file appears whole or not at all: it is written under a temporary name beside it
// and renamed into place, so that a finished-looking file is never a half-written one.
import { rename, rm, writeFile } from 'node:fs/promises'

/** The temporary name a file is written under before it is renamed into place. */
export function partialPath(path: string): string {
  return `${path}.partial`
}

/** Writes `text` to `path` whole or not at all. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const partial = partialPath(path)
  try {
    await writeFile(partial, text)
    await rename(partial, path)
  } catch (err) {
    await rm(partial, { force: true })
    throw err
  }
}
