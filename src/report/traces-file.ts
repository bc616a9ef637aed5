// traces.jsonl: the run streams its traces to the file's temporary name and it is renamed into
// place; a merge joins the traces beside each shard report, in the order of the shards.
import { createReadStream, existsSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import { resolve } from 'node:path'
import { partialPath, streamAtomically } from '../util/atomic-file.js'

/** Makes `path` of the trace files that exist among `sources`; false when there is none. */
export async function writeTracesFile(path: string, sources: readonly string[]): Promise<boolean> {
  const present = sources.filter((file) => existsSync(file) && resolve(file) !== resolve(path))
  if (present.length === 0) return false
  if (present.length === 1 && resolve(present[0]) === resolve(partialPath(path))) await rename(present[0], path)
  else
    await streamAtomically(path, async (sink) => {
      for (const source of present) for await (const chunk of createReadStream(source, 'utf8')) await sink.write(chunk)
    })
  return true
}
