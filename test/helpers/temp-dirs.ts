// Folders a test file makes in the OS temp folder, all removed after its tests.
import { afterAll } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A maker of temp folders (named `<prefix>XXXXXX`) that the test file's afterAll removes. */
export function tempDirs(): (prefix: string) => string {
  const made: string[] = []
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}
