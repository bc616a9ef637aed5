import path from 'node:path'

/** How a file is named in problems: relative to the current folder, as the user typed it. */
export function displayPath(absPath: string): string {
  return path.relative(process.cwd(), absPath) || '.'
}
