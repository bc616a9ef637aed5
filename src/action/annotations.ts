import * as core from '@actions/core'
import type { Problem } from '../util/problems.js'
import { describeProblem, inCheckout } from './problem-text.js'

/** Problems in the user's files as annotations on the file and line. */
export function annotate(problems: Problem[]): void {
  for (const p of problems) {
    // A base commit's file is not in the checkout: the message then names it.
    const pinned = inCheckout(p)
    const where = pinned ? { file: p.file, ...(p.line ? { startLine: p.line } : {}) } : {}
    const message = pinned ? p.message : describeProblem(p)
    if (p.severity === 'warning') core.warning(message, where)
    else core.error(message, where)
  }
}
