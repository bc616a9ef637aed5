import { InputError, formatProblem } from '../util/problems.js'
import { runCommand } from './run-command.js'
import { validateCommand } from './validate-command.js'
import { mergeCommand } from './merge-command.js'
import { scorecardCommand } from './scorecard-command.js'
import { USAGE } from './usage.js'
import { EXIT } from './exit-codes.js'
import { VERSION } from './version.js'
import { scrubSecrets } from '../util/secrets.js'

/** Runs one CLI invocation and returns its exit code; a user's mistake never becomes a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest)
      case 'validate':
        return await validateCommand(rest)
      case 'merge':
        return await mergeCommand(rest)
      case 'scorecard':
        return await scorecardCommand(rest)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE)
        return command === undefined ? EXIT.error : EXIT.pass
      case '--version':
      case '-v':
        process.stdout.write(`${VERSION}\n`)
        return EXIT.pass
      default:
        throw new InputError(
          `unknown command "${command}" (expected run, validate, merge or scorecard; see evalgate --help)`
        )
    }
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) process.stderr.write(scrubSecrets(formatProblem(p)) + '\n')
      return EXIT.error
    }
    if (isParseArgsError(err)) {
      process.stderr.write(`evalgate: ${(err as Error).message}\n${USAGE}`)
      return EXIT.error
    }
    process.stderr.write(scrubSecrets(`evalgate: internal error: ${(err as Error)?.message ?? String(err)}\n`))
    if (process.env.EVALGATE_DEBUG) process.stderr.write(scrubSecrets(`${(err as Error)?.stack}\n`))
    return EXIT.error
  }
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: string })?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
