import * as core from '@actions/core'
import type { Problem } from '../load/problems.js'
import { namesFile } from './problem-text.js'

/** Problems in the user's files as annotations on the file and line. */
export function annotate(problems: Problem[]): void {
  for (const p of problems) {
    const where = namesFile(p) ? { file: p.file, ...(p.line ? { startLine: p.line } : {}) } : {}
    if (p.severity === 'warning') core.warning(p.message, where)
    else core.error(p.message, where)
  }
}
