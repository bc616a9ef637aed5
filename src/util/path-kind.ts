import { stat } from 'node:fs/promises'

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
