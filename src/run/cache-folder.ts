import { mkdir } from 'node:fs/promises'
import { InputError } from '../util/problems.js'

/**
 * Makes the response cache folder before the first task: a path that cannot be a folder is said
 * once, as the user's mistake, rather than a cache that silently never stores anything.
 */
export async function ensureCacheFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true })
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : message
    throw new InputError(`the response cache ${dir} (--cache, action input cache) cannot be a folder: ${reason}`)
  }
}
