// What reading a file gave, kept on disk between runs of the CLI so that an unchanged file is not
// parsed and schema-checked again (`evalgate validate` on the example: most of its time). An entry
// is named by the digest of evalgate's build, what kind of reading it holds, the file's name and the
// digest of its bytes: it can only be found for the very bytes and code that wrote it. An entry
// that is damaged, cut short or not the one asked for is a miss; a cache that cannot be read or
// written only costs time. Only the CLI opens one, never in CI (src/cli/load-cache-option.ts).
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'

/** More entries than this in one build's folder and the folder is emptied (old versions of edited files). */
const MAX_ENTRIES = 2000
const DIGEST_BYTES = 32
/** Only what this cache made is ever removed, whatever else the folder holds. */
const BUILD_FOLDER = /^[0-9a-f]{32}$/

export interface LoadCache {
  /** The value kept for this reading of these bytes, or undefined. */
  get(kind: string, file: string, sha256: string): Promise<unknown>
  /** Keeps a value (plain data: v8-serializable). */
  set(kind: string, file: string, sha256: string, value: unknown): Promise<void>
}

/** A cache in `root`, one folder per build: a new build removes the folders of the others. */
export function diskLoadCache(root: string, build: string): LoadCache {
  const dir = path.join(root, build.slice(0, 32))
  let prepared: Promise<void> | undefined
  const keyOf = (kind: string, file: string, sha256: string) => digest(JSON.stringify([build, kind, file, sha256]))
  return {
    async get(kind, file, sha256) {
      const key = keyOf(kind, file, sha256)
      try {
        // Read at once, as the loader reads its files (src/util/read-text.ts): no wait for the thread pool.
        const bytes = readFileSync(path.join(dir, key))
        const body = bytes.subarray(DIGEST_BYTES)
        if (!bytes.subarray(0, DIGEST_BYTES).equals(createHash('sha256').update(body).digest())) return undefined
        const entry = deserialize(body) as { key?: unknown; value?: unknown }
        return entry.key === key ? entry.value : undefined
      } catch {
        return undefined
      }
    },
    async set(kind, file, sha256, value) {
      const key = keyOf(kind, file, sha256)
      try {
        await (prepared ??= prepare(root, dir))
        const body = serialize({ key, value })
        const temporary = path.join(dir, `${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
        await writeFile(temporary, Buffer.concat([createHash('sha256').update(body).digest(), body]), { mode: 0o600 })
        await rename(temporary, path.join(dir, key))
      } catch {
        // A cache that cannot be written is no cache: the reading was done and stands.
      }
    }
  }
}

/** The build's folder, made private; the folders of other builds, and an overfull folder, emptied. */
async function prepare(root: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  for (const name of await readdir(root)) {
    if (BUILD_FOLDER.test(name) && name !== path.basename(dir))
      await rm(path.join(root, name), { recursive: true, force: true })
  }
  const entries = await readdir(dir)
  if (entries.length > MAX_ENTRIES) await Promise.all(entries.map((name) => rm(path.join(dir, name), { force: true })))
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
