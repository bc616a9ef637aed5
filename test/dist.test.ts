import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './helpers/project.js'

describe('dist/', () => {
  it('is the bundle of the current sources (run `npm run bundle` and commit dist/ when this fails)', () => {
    const out = mkdtempSync(join(tmpdir(), 'evalgate-dist-'))
    execFileSync(process.execPath, ['scripts/bundle.mjs', '--out', out], { cwd: repoRoot })
    for (const file of ['index.js', 'cli.js']) {
      const fresh = readFileSync(join(out, file), 'utf8')
      const committed = readFileSync(join(repoRoot, 'dist', file), 'utf8')
      expect({ file, stale: fresh !== committed }).toEqual({ file, stale: false })
    }
  })
})
