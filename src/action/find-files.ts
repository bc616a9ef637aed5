// Files matching a glob (Node 20 has no fs.glob): walk from the glob's fixed prefix.
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { isFile } from '../util/path-kind.js'

/** Paths relative to `root` (as the glob is), sorted. */
export async function findFiles(pattern: string, root: string): Promise<string[]> {
  const glob = pattern.split(path.sep).join('/')
  const matches = picomatch(glob, { dot: true })
  const { base, isGlob } = picomatch.scan(glob)
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(path.resolve(root, dir), { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') await walk(rel)
      } else if (matches(rel)) found.push(rel)
    }
  }
  if (isGlob) await walk(base)
  else if (await isFile(path.resolve(root, glob))) found.push(glob)
  return found.sort()
}
