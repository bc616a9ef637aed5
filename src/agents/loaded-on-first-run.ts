// An agent type's `run`, whose code is imported with the first attempt: loading a project
// (`evalgate validate`) never loads how agents run, nor what that needs (the tool sandbox's HTTP
// server, child processes, the model SDK). Each later attempt awaits the same settled import.
import type { AgentContext } from './context.js'
import type { AgentOutcome } from './outcome.js'

type Run<C> = (ctx: AgentContext, agent: C) => Promise<AgentOutcome>

export function loadedOnFirstRun<C>(load: () => Promise<Run<C>>): Run<C> {
  let loading: Promise<Run<C>> | undefined
  return async (ctx, agent) => (await (loading ??= load()))(ctx, agent)
}
