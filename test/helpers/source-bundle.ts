// The action and the CLI bundled from the current sources into a temp folder, as `npm run bundle`
// writes dist/: for tests of behaviour that the committed dist/ may not have yet.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './project.js'

let dir: string | undefined

/** Bundles once per test file; `removeSourceBundle` in `afterAll` removes it. */
export function sourceBundle(): { action: string; cli: string } {
  if (!dir) {
    const out = mkdtempSync(join(tmpdir(), 'evalgate-source-'))
    execFileSync(process.execPath, ['scripts/bundle.mjs', '--out', out], { cwd: repoRoot })
    dir = out
  }
  return { action: join(dir, 'index.js'), cli: join(dir, 'cli.js') }
}

export function removeSourceBundle(): void {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
}
