// How a command agent runs an attempt: one process per attempt, or, `persistent`, a worker of the run's pools.
import type { AgentContext } from './context.js'
import { runCommandAgent } from './command-process.js'
import type { CommandAgent } from './command-settings.js'
import type { AgentOutcome } from './outcome.js'
import { runPersistent } from './persistent-command.js'

export function runCommand(ctx: AgentContext, agent: CommandAgent): Promise<AgentOutcome> {
  return agent.persistent && ctx.scope ? runPersistent(ctx, agent, ctx.scope) : runCommandAgent(ctx, agent)
}
