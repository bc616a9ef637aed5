// Problems of the user's files as text for summaries, comments and status descriptions. Pure.
import { formatProblem, type Problem } from '../util/problems.js'

/** InputError names no file for a problem of the command itself (`evalgate`, `evalgate merge`). */
export function namesFile(p: Problem): boolean {
  return !/^evalgate( |$)/.test(p.file)
}

/** A problem GitHub can pin to a file of the PR's checkout: not one of the base commit's files. */
export function inCheckout(p: Problem): boolean {
  return namesFile(p) && !/^base commit /.test(p.file) && !/ \(base [0-9a-f]{7}\)$/.test(p.file)
}

/** `file:line: message`, or just the message when the problem is not in a file. */
export function describeProblem(p: Problem): string {
  return namesFile(p) ? formatProblem(p) : p.message
}

/** The problems as a markdown list, at most `limit` of them. */
export function problemList(problems: Problem[], limit = 30): string {
  const shown = problems.slice(0, limit).map((p) => `- \`${describeProblem(p).replace(/`/g, "'")}\``)
  const more = problems.length > limit ? [`- …and ${problems.length - limit} more (see the annotations)`] : []
  return [...shown, ...more].join('\n')
}
