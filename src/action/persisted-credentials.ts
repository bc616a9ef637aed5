// actions/checkout keeps its token in the checkout's git config (`persist-credentials`, on by
// default) as an `http.<url>.extraheader`: a file the agent under test can read like any other.
// The gate does not run agents next to it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Problem } from '../util/problems.js'

const AUTH_HEADER = /^\s*extraheader\s*=\s*"?authorization:/im

/** A problem when the workspace's git config holds a credential, else undefined. */
export function persistedCredential(workspace: string): Problem | undefined {
  const config = path.join(workspace, '.git', 'config')
  let text: string
  try {
    text = readFileSync(config, 'utf8')
  } catch {
    return undefined // no git folder (or a worktree's .git file): nothing persisted here
  }
  if (!AUTH_HEADER.test(text)) return undefined
  return {
    file: 'evalgate',
    message:
      'set `persist-credentials: false` on actions/checkout: it keeps a GitHub token in .git/config, where the agent under test could read it',
    severity: 'error'
  }
}
