// The action entry: read inputs, pick the mode, run it, write the outputs.
import * as core from '@actions/core'
import { runContext } from './event.js'
import { gateMode } from './gate-mode.js'
import { readInputs, type ActionInputs, type Mode } from './inputs.js'
import { mergeMode } from './merge-mode.js'
import { overrideMode } from './override-mode.js'
import type { ModeResult } from './result.js'
import type { RunContext } from './event.js'
import { scrubSecrets } from '../util/secrets.js'
import { OUTPUTS } from '../report/outputs.js'

const MODES: Record<Mode, (inputs: ActionInputs, ctx: RunContext) => Promise<ModeResult>> = {
  gate: gateMode,
  override: overrideMode,
  merge: mergeMode
}

export async function run(): Promise<void> {
  try {
    const ctx = runContext()
    const inputs = readInputs(ctx.eventName)
    const result = await MODES[inputs.mode](inputs, ctx)
    setOutput('decision', result.decision)
    for (const { actionOutput, name } of OUTPUTS) if (actionOutput) setOutput(actionOutput, result.paths?.[name] ?? '')
    setOutput('success-rates', JSON.stringify(result.successRates ?? {}))
    for (const [name, count] of Object.entries(result.counts ?? {})) setOutput(name, String(count))
    if (result.retentionDays !== undefined) setOutput('retention-days', String(result.retentionDays))
    if (result.failure) core.setFailed(result.failure)
  } catch (err) {
    // Our own errors carry a message for the user; anything else is a bug: the message, no stack trace.
    setOutput('decision', 'error')
    core.debug((err as Error)?.stack ?? String(err))
    const message = (err as Error)?.message ?? String(err)
    core.setFailed(message.startsWith('evalgate') ? message : `evalgate: ${message}`)
    // Modes that set a status have written theirs (publish.ts failClosed); the reason is in the summary either way.
    await core.summary
      .addRaw(`**evalgate: ERROR** — ${message}\n`)
      .write()
      .catch(() => undefined)
  }
}

/** Step outputs are a file the runner reads, not the log it masks: scrubbed here. */
function setOutput(name: string, value: string): void {
  core.setOutput(name, scrubSecrets(value))
}
