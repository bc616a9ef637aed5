import { stat } from 'node:fs/promises'
import path from 'node:path'

/** How a file is named in problems: relative to the current folder, as the user typed it. */
export function displayPath(absPath: string): string {
  return path.relative(process.cwd(), absPath) || '.'
}

export async function isFile(absPath: string): Promise<boolean> {
  try {
    return (await stat(absPath)).isFile()
  } catch {
    return false
  }
}

export async function isDirectory(absPath: string): Promise<boolean> {
  try {
    return (await stat(absPath)).isDirectory()
  } catch {
    return false
  }
}
