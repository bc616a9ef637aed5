// node:util parseArgs, whose unknown-option error also names the nearest option of the command.
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util'
import { didYouMean } from './nearest.js'

export function parseArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseNodeArgs<T>> {
  try {
    return parseNodeArgs(config)
  } catch (err) {
    const unknown = unknownOption(err)
    if (unknown !== undefined) {
      // Right after the option: the message may go on (how to pass a positional starting with '-').
      const quoted = `'${unknown}'`
      ;(err as Error).message = (err as Error).message.replace(
        quoted,
        quoted + didYouMean(unknown, optionFlags(config))
      )
    }
    throw err
  }
}

function unknownOption(err: unknown): string | undefined {
  if ((err as { code?: unknown })?.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined
  return /'(-[^']*)'/.exec((err as Error).message)?.[1]
}

function optionFlags(config: ParseArgsConfig): string[] {
  return Object.entries(config.options ?? {}).flatMap(([name, option]) => [
    `--${name}`,
    ...(option.short ? [`-${option.short}`] : [])
  ])
}
