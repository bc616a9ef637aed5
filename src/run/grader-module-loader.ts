// How a `{ module }` grader runs: this program, given to `node -e` with the module's absolute path
// as its one argument, reads the grader input from stdin, calls the module's default export and
// prints what it returns as one JSON line. Inline, so that the bundled dist/index.js needs no
// file beside it; a process of its own, so that team code never runs inside evalgate.
export const MODULE_LOADER = `
const { pathToFileURL } = await import('node:url')
let raw = ''
process.stdin.setEncoding('utf8')
for await (const chunk of process.stdin) raw += chunk
const input = JSON.parse(raw)
const grade = (await import(pathToFileURL(process.argv[1]).href)).default
if (typeof grade !== 'function') {
  process.stderr.write('the module has no default export that is a function\\n')
  process.exit(2)
}
const verdict = await grade(input)
process.stdout.write(JSON.stringify(verdict === undefined ? null : verdict) + '\\n', () => process.exit(0))
`
