// workflow.yml `tools_backend`: a stateful service that answers the tools instead of fixtures
// (a process per attempt speaking JSON lines, or an HTTP service), and what the sandbox sees of
// one attempt's backend.
import * as z from 'zod'
import { httpUrl, POSITIVE, stringMap, strictMap, text } from './schema-common.js'

export const DEFAULT_BACKEND_TIMEOUT_S = 10

const timeout_s = z
  .number()
  .positive(POSITIVE)
  .optional()
  .describe(`Seconds each operation (reset, call, state) may take (default ${DEFAULT_BACKEND_TIMEOUT_S}).`)

const commandBackend = strictMap({
  command: z
    .union([text, z.array(text).min(1)])
    .describe('The backend program: an argv list or a string, started per attempt in the folder of workflow.yml.'),
  timeout_s
})

const urlBackend = strictMap({
  url: httpUrl.describe('An HTTP service: POST <url>/reset, /call, /state and /end.'),
  headers: stringMap.optional().describe('Extra request headers; a value `${NAME}` is read from the environment.'),
  timeout_s
})

export const toolsBackendSchema = z.union([commandBackend, urlBackend])
export type ToolsBackendConfig = z.output<typeof toolsBackendSchema>
export type CommandBackendConfig = z.output<typeof commandBackend>

/** A backend's answer to one call: its result, its refusal, or (`failure`) no usable answer at all. */
export type BackendAnswer = { result: unknown } | { error: string } | { failure: string }

/** One attempt's backend as the sandbox uses it: calls are answered in the order they are made. */
export interface ToolsBackendCalls {
  call(tool: string, args: unknown): Promise<BackendAnswer>
}
