// The command agent: one process per task attempt, the payload on stdin, the answer on stdout; or,
// `persistent`, processes that serve one task per line (./worker-pools.ts).
import path from 'node:path'
import { envReferences, referencesIn } from '../util/env-references.js'
import { isDirectory, isFile } from '../util/path-kind.js'
import { isNeverPassed } from './agent-env.js'
import type { AgentType, CodePath } from './agent-type.js'
import { commandSchema, type CommandAgent } from './command-settings.js'
import { loadedOnFirstRun } from './loaded-on-first-run.js'

export const commandAgent: AgentType<typeof commandSchema, CommandAgent> = {
  name: 'command',
  runsTeamCode: true,
  schema: commandSchema,
  killSwitch: { field: 'env' },

  // `env` may name host variables, but never those no agent gets.
  check: (agent) => [
    ...Object.entries(agent.env ?? {}).flatMap(([name, template]) =>
      envReferences(template)
        .filter(isNeverPassed)
        .map((variable) => ({
          at: ['env', name],
          message: `agent.env.${name} names ${variable}, which evalgate never passes to an agent (the action's inputs, the runner's tokens and command files)`
        }))
    ),
    ...(agent.max_tasks_per_worker !== undefined && !agent.persistent
      ? [
          {
            at: ['max_tasks_per_worker'],
            message: 'max_tasks_per_worker applies to persistent agents only: set `persistent: true`'
          }
        ]
      : [])
  ],

  asOnBase: (mine, theirs, notes) => {
    if (!mine.env) return mine
    // agentEnvironment resolves, per entry, only the references listed here.
    const envRefs: Record<string, string[]> = {}
    for (const [name, template] of Object.entries(mine.env)) {
      const passedByBase = referencesIn(theirs?.env?.[name])
      const own = referencesIn(template)
      envRefs[name] = own.filter((v) => passedByBase.includes(v))
      const withheld = own.filter((v) => !passedByBase.includes(v))
      if (withheld.length > 0)
        notes.add(
          `agent.env.${name}`,
          `passes ${withheld.map((v) => `$${v}`).join(', ')} only in this PR (the base's same entry does not): left out`
        )
    }
    return { ...mine, env_refs: envRefs }
  },

  code: async (agent, dir) => ({
    paths: await commandPaths(agent, dir),
    // `npm run agent`, `python -m agent`: the code is out of sight, as an http agent's is.
    unseen: (manifest) =>
      `the command agent of \`${manifest}\` names no file or folder of the repository, so its code cannot be seen`
  }),

  run: loadedOnFirstRun(async () => (await import('./command-run.js')).runCommand)
}

/** The arguments of the command that are files or folders on disk (relative to its workflow folder). */
async function commandPaths(agent: CommandAgent, dir: string): Promise<CodePath[]> {
  const argv = Array.isArray(agent.command) ? agent.command : agent.command.split(/\s+/)
  const found: CodePath[] = []
  for (const arg of argv) {
    if (arg === '' || arg.startsWith('-')) continue
    const abs = path.resolve(dir, arg)
    if (await isFile(abs)) found.push({ abs, kind: 'file' })
    else if (arg !== '.' && (await isDirectory(abs))) found.push({ abs, kind: 'folder' })
  }
  return found
}
