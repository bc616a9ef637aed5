// A problem in a user's file, reported as `file:line: message` and never as a stack trace.

export interface Problem {
  file: string
  line?: number
  message: string
  severity: 'error' | 'warning'
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file
  const prefix = p.severity === 'warning' ? 'warning: ' : ''
  return `${where}: ${prefix}${p.message}`
}

/** Thrown for a user's mistake (bad file, bad flag); the CLI prints the problems and exits 2. */
export class InputError extends Error {
  readonly problems: Problem[]
  constructor(problems: Problem[] | string) {
    const list: Problem[] =
      typeof problems === 'string' ? [{ file: 'evalgate', message: problems, severity: 'error' }] : problems
    super(list.map(formatProblem).join('\n'))
    this.name = 'InputError'
    this.problems = list
  }
}

/** By file, then line; a problem about a whole file comes before those on its lines. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)))
}
