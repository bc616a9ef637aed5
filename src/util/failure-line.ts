// The line of a process's stderr that says why it failed, for a message such as "exited with
// code 1: <line>". The last line is often not it: Node ends an uncaught error's report with its
// version and puts the stack (and the error's own fields) after the error's line.
import { preview } from './preview.js'

const FAILURE_LINE_CHARS = 300
/** "Error: boom", "TypeError [ERR_X]: ...", Python's "ValueError: ...", "java.io.IOException: ...". */
const ERROR_LINE = /^[\w.]*(Error|Exception)\b[^:]*: /
/** What Node adds after the error: its version, and the hint printed for a thrown non-Error. */
const NODE_NOISE = [/^Node\.js v\d/, /^\(Use `node --trace-uncaught/]
/** A stack frame, indented (a line of the program's own that starts with "at" is not one). */
const STACK_FRAME = /^\s+at /

/** The last line of `stderr` naming an error, else its last line that is not noise; shortened ('' for none). */
export function failureLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .filter((line) => !STACK_FRAME.test(line))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !NODE_NOISE.some((noise) => noise.test(line)))
  const line = lines.findLast((l) => ERROR_LINE.test(l)) ?? lines.at(-1) ?? ''
  return preview(line, FAILURE_LINE_CHARS, { mark: '...' })
}
