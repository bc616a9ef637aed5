import { statSync } from 'node:fs'

// Synchronous: asked one after another while loading (manifest names, incidents files, a command
// agent's arguments), where each asynchronous stat would wait for the thread pool.

export async function isFile(absPath: string): Promise<boolean> {
  try {
    return statSync(absPath, { throwIfNoEntry: false })?.isFile() ?? false
  } catch {
    return false
  }
}

export async function isDirectory(absPath: string): Promise<boolean> {
  try {
    return statSync(absPath, { throwIfNoEntry: false })?.isDirectory() ?? false
  } catch {
    return false
  }
}
