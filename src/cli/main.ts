import { InputError, formatProblem } from '../util/problems.js'
import { USAGE, COMMAND_NAMES, commandHelp, isCommandName, type CommandName } from './usage.js'
import { didYouMean } from './nearest.js'
import { EXIT } from './exit-codes.js'
import { VERSION } from './version.js'
import { scrubSecrets } from '../util/secrets.js'

type Command = (args: string[]) => Promise<number>

// Each command is loaded when it runs: `validate` and `--help` never load the model SDK, the HTML
// writer, the GitHub client or OpenTelemetry (the bundle splits them into chunks of their own).
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  run: async () => (await import('./run-command.js')).runCommand,
  validate: async () => (await import('./validate-command.js')).validateCommand,
  merge: async () => (await import('./merge-command.js')).mergeCommand,
  scorecard: async () => (await import('./scorecard-command.js')).scorecardCommand,
  readiness: async () => (await import('./readiness-command.js')).readinessCommand,
  evidence: async () => (await import('./evidence-command.js')).evidenceCommand
}

/** Runs one CLI invocation and returns its exit code; a user's mistake never becomes a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (isCommandName(command) && asksForHelp(rest)) {
      process.stdout.write(commandHelp(command))
      return EXIT.pass
    }
    if (isCommandName(command)) return await (await COMMANDS[command]())(rest)
    switch (command) {
      case 'help':
        if (rest.length > 0) return helpOn(rest[0])
        process.stdout.write(USAGE)
        return EXIT.pass
      case undefined:
      case '--help':
      case '-h':
        process.stdout.write(USAGE)
        return command === undefined ? EXIT.error : EXIT.pass
      case '--version':
      case '-v':
        process.stdout.write(`${VERSION}\n`)
        return EXIT.pass
      default:
        throw unknownCommand(command)
    }
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) process.stderr.write(scrubSecrets(formatProblem(p)) + '\n')
      return EXIT.error
    }
    if (isParseArgsError(err)) {
      const help = isCommandName(command) ? `evalgate ${command} --help` : 'evalgate --help'
      process.stderr.write(`evalgate ${command}: ${(err as Error).message}\nSee ${help} for its options.\n`)
      return EXIT.error
    }
    process.stderr.write(scrubSecrets(`evalgate: internal error: ${(err as Error)?.message ?? String(err)}\n`))
    if (process.env.EVALGATE_DEBUG) process.stderr.write(scrubSecrets(`${(err as Error)?.stack}\n`))
    return EXIT.error
  }
}

/** `--help` or `-h` among a command's arguments (before a `--` that ends its options). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--')
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')
}

/** `evalgate help <command>`. */
function helpOn(name: string): number {
  if (!isCommandName(name)) throw unknownCommand(name)
  process.stdout.write(commandHelp(name))
  return EXIT.pass
}

function unknownCommand(name: string): InputError {
  const expected = `${COMMAND_NAMES.slice(0, -1).join(', ')} or ${COMMAND_NAMES[COMMAND_NAMES.length - 1]}`
  return new InputError(
    `unknown command "${name}"${didYouMean(name, COMMAND_NAMES)}; expected ${expected} (see evalgate --help)`
  )
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: string })?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
