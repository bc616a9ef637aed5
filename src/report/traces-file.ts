// traces.jsonl: the run streams its traces to the file's temporary name and it is renamed into
// place; a merge joins the traces beside each shard report, in the order of the shards.
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { partialPath } from '../util/atomic-file.js'

/** Makes `path` of the trace files that exist among `sources`; false when there is none. */
export async function writeTracesFile(path: string, sources: readonly string[]): Promise<boolean> {
  const partial = partialPath(path)
  const present = sources.filter((file) => existsSync(file) && resolve(file) !== resolve(path))
  if (present.length === 0) return false
  if (present.length === 1 && resolve(present[0]) === resolve(partial)) {
    await rename(partial, path)
    return true
  }
  const out = createWriteStream(partial)
  try {
    for (const source of present) await pipeline(createReadStream(source), out, { end: false })
    out.end()
    await new Promise<void>((done, fail) => out.on('finish', done).on('error', fail))
    await rename(partial, path)
  } catch (err) {
    out.destroy()
    await rm(partial, { force: true })
    throw err
  }
  return true
}
