import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './helpers/project.js'

/** The files of a bundle folder (the entries and dist/chunks/), as relative paths. */
function bundleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

describe('dist/', () => {
  it('is the bundle of the current sources (run `npm run bundle` and commit dist/ when this fails)', () => {
    const out = mkdtempSync(join(tmpdir(), 'evalgate-dist-'))
    execFileSync(process.execPath, ['scripts/bundle.mjs', '--out', out], { cwd: repoRoot })
    const dist = join(repoRoot, 'dist')
    const files = bundleFiles(out)
    expect(files).toEqual(expect.arrayContaining(['cli.js', 'index.js']))
    expect(bundleFiles(dist)).toEqual(files)
    for (const file of files) {
      const fresh = readFileSync(join(out, file), 'utf8')
      const committed = readFileSync(join(dist, file), 'utf8')
      expect({ file, stale: fresh !== committed }).toEqual({ file, stale: false })
    }
  })

  it('rebuilding unchanged sources writes the same files', () => {
    const [first, second] = [1, 2].map(() => {
      const out = mkdtempSync(join(tmpdir(), 'evalgate-dist-'))
      execFileSync(process.execPath, ['scripts/bundle.mjs', '--out', out], { cwd: repoRoot })
      return Object.fromEntries(bundleFiles(out).map((file) => [file, readFileSync(join(out, file), 'utf8')]))
    })
    expect(Object.keys(second)).toEqual(Object.keys(first))
    expect(second).toEqual(first)
  })
})
