// What a user's file may not hold though its syntax allows it: nesting past MAX_FILE_DEPTH,
// and `__proto__` keys (a JavaScript object would drop them, so a `result` holding one would
// match anything). `constructor` and `prototype` are plain data and stay.
import type { Located } from './located.js'
import type { Problem } from '../util/problems.js'
import { MAX_FILE_DEPTH, shapeProblems } from '../util/value-shape.js'

export function tooDeepMessage(depth: number): string {
  return `nested more than ${depth} levels deep (evalgate reads files to a depth of ${depth})`
}

export function shapeProblemsOf(at: Located, file: string): Problem[] {
  return shapeProblems(at.value, MAX_FILE_DEPTH, true).map((problem) => {
    if (problem.kind === 'too_deep')
      return { file, line: at.lineOf(problem.path), message: tooDeepMessage(MAX_FILE_DEPTH), severity: 'error' }
    const parent = problem.path.slice(0, -1)
    const where = parent.length > 0 ? ` in ${parent.map(String).join('.')}` : ''
    return {
      file,
      line: at.keyLineOf(parent, '__proto__'),
      message: `the key "__proto__"${where} is not allowed: JavaScript objects cannot hold it as data (rename it)`,
      severity: 'error'
    }
  })
}
