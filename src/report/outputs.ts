// The files `evalgate run` writes in --out. A run first removes the previous run's, so that a
// stopped or failed run never leaves an old report beside new traces; each file is written
// under a temporary name and renamed into place, report.json last, so that a finished-looking
// report.json is always a whole one from a finished run.
import { rmSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const OUTPUT_FILES = ['report.json', 'summary.md', 'junit.xml', 'report.html', 'traces.jsonl'] as const
/** Where a run streams its traces until it has finished. */
export const PARTIAL_TRACES = 'traces.jsonl.partial'

/** The temporary name a file is written under before it is renamed into place. */
export function partialPath(path: string): string {
  return `${path}.partial`
}

/** Removes every output of an earlier run, finished or not. */
export async function clearOutputs(outDir: string): Promise<void> {
  await Promise.all(
    OUTPUT_FILES.flatMap((name) => [join(outDir, name), partialPath(join(outDir, name))]).map((path) =>
      rm(path, { force: true })
    )
  )
}

/** After a stop: removes what this run wrote but the streamed traces, which say they are partial. */
export function removeUnfinishedSync(outDir: string): void {
  for (const name of OUTPUT_FILES) {
    const path = join(outDir, name)
    for (const file of name === 'traces.jsonl' ? [path] : [path, partialPath(path)]) rmSync(file, { force: true })
  }
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
