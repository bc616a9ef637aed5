// The golden outputs: what a reviewer of a PR sees users will get, compared byte for byte.
// EVALGATE_GOLDEN=write (`npm run golden`) rewrites them instead, and removes stale ones.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { repoRoot } from '../helpers/project.js'
import { lineDiff } from './line-diff.js'
import { goldenFiles } from './golden-files.js'

const DIR = join(repoRoot, 'test', 'golden')
const WRITE = process.env.EVALGATE_GOLDEN === 'write'
const RUN = 'run `npm run golden` and commit the files it writes'

/** The golden files on disk: everything in the folders under test/golden/. */
function committed(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]
    )
  return readdirSync(DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => walk(join(DIR, entry.name)))
    .map((file) => relative(DIR, file).split('\\').join('/'))
}

describe('golden outputs', () => {
  const files = goldenFiles()

  if (WRITE) {
    it('writes them', () => {
      for (const stale of committed().filter((name) => !(name in files))) rmSync(join(DIR, stale))
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(DIR, name)), { recursive: true })
        writeFileSync(join(DIR, name), text)
      }
    })
    return
  }

  it.each(Object.keys(files))('%s is what the builders render', (name) => {
    const path = join(DIR, name)
    if (!existsSync(path)) throw new Error(`test/golden/${name} is missing: ${RUN}.`)
    const expected = readFileSync(path, 'utf8')
    if (files[name] !== expected)
      throw new Error(
        `test/golden/${name} is not what the builders render now. If the change is intended, ${RUN}.\n\n` +
          lineDiff(expected, files[name])
      )
  })

  it('has no stale golden file', () => {
    const stale = committed().filter((name) => !(name in files))
    if (stale.length > 0) throw new Error(`no builder renders ${stale.join(', ')} any more: ${RUN}.`)
    expect(stale).toEqual([])
  })
})
