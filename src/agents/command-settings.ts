import * as z from 'zod'
import { stringMap, text } from '../model/schema-common.js'
import { agentSchema } from './agent-type.js'

export const commandSchema = agentSchema('command', {
  command: z
    .union([text, z.array(text).min(1)])
    .describe('The program: an argv list or a string, started in the folder of workflow.yml.'),
  env: stringMap
    .optional()
    .describe("Variables set for the agent: a literal, or `${VAR}` / `$VAR` read from evalgate's environment."),
  persistent: z
    .boolean()
    .optional()
    .describe(
      'Start up to `concurrency` processes once and send each one task per line of JSON on stdin; each answers one JSON line on stdout carrying its `task_id`. Absent or false: one process per task.'
    ),
  max_tasks_per_worker: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('With `persistent`: a process is ended and replaced after this many tasks (default: never).')
})

export type CommandAgent = z.output<typeof commandSchema> & {
  /**
   * When set, the `${VAR}` references of each `env` entry resolve only for the variables listed
   * under the same entry name (others resolve to nothing: the entry is left out). Absent: every
   * reference resolves. The engine sets it on a pull request from the base manifest's entries,
   * so that a PR cannot hand the agent a secret its base did not.
   */
  env_refs?: Record<string, readonly string[]>
}
