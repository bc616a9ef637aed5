// The OpenAI SDK, a tenth of the bundle, is imported by the first model call: a run of command
// or http agents without a judge, and `evalgate validate`, never load it.
import type * as OpenAISdk from 'openai'

let sdk: Promise<typeof OpenAISdk> | undefined

export function openaiSdk(): Promise<typeof OpenAISdk> {
  return (sdk ??= import('openai'))
}
