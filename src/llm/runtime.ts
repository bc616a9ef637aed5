import type { AgentContext } from '../agents/context.js'
import { runOpenaiAgent } from '../agents/openai-agent.js'
import { createRedactor, type Redactor } from '../redact/redactor.js'
import { loadOpenaiSetup, type OpenaiAgentSetup } from '../agents/openai-setup.js'
import type { AgentOutcome } from '../agents/outcome.js'
import type { JudgeVerdict } from '../grade/index.js'
import type { AgentRun, GoldenTask, ModelCallRecord, Workflow } from '../model/types.js'
import { scrubSecrets } from '../util/secrets.js'
import { resolveEndpoint, type EndpointConfig } from './endpoint.js'
import { judgeRequest, readVerdict, VERDICT_FORMAT } from './judge.js'
import { ModelClient } from './model-client.js'
import type { LlmOptions } from './options.js'
import { PriceTable } from './pricing.js'
import { ResponseCache } from './response-cache.js'

export interface JudgeResult {
  verdict: JudgeVerdict
  calls: ModelCallRecord[]
}

export interface LlmRuntime {
  /** Runs one attempt of an openai agent (throws nothing; AgentOutcome like the other agents, with model_calls). */
  runAgent(ctx: AgentContext): Promise<AgentOutcome>
  /** Judges one attempt when the task has expected.judge; never throws. */
  judge(task: GoldenTask, run: AgentRun, signal?: AbortSignal): Promise<JudgeResult>
}

type Ready<T> = { ok: true; value: T } | { ok: false; error: string }

/** One per workflow and run: clients, prompt files and prices are set up once and shared by every task. */
export class WorkflowLlmRuntime implements LlmRuntime {
  private readonly prices: PriceTable
  private readonly cache?: ResponseCache
  /** Clients by endpoint, so that an agent and a judge on the same endpoint share connections. */
  private readonly clients = new Map<string, ModelClient>()
  private agentClient?: Ready<ModelClient>
  private judgeClient?: Ready<ModelClient>
  private setup?: Promise<Ready<OpenaiAgentSetup>>
  private readonly redact: Redactor

  constructor(
    private readonly workflow: Workflow,
    private readonly opts: LlmOptions
  ) {
    this.prices = new PriceTable(opts.pricing)
    this.redact = createRedactor(workflow.data_governance?.redact)
    if (opts.cacheDir) this.cache = new ResponseCache(opts.cacheDir, opts.cacheSalt)
    // Resolved now, so that the keys are registered as secrets before anything is printed.
    const { agent, judge, name } = workflow
    if (agent.type === 'openai') this.agentClient = this.client(agent, `the openai agent of ${name}`, 'agent')
    if (judge) this.judgeClient = this.client(judge, `the judge of ${name}`, 'judge')
  }

  async runAgent(ctx: AgentContext): Promise<AgentOutcome> {
    const agent = this.workflow.agent
    if (agent.type !== 'openai') return configError(`the agent of ${this.workflow.name} is not an openai agent`)
    try {
      const client = this.agentClient!
      if (!client.ok) return configError(client.error)
      this.setup ??= loadOpenaiSetup(this.workflow, agent).then(
        (value) => ({ ok: true as const, value }),
        (err: Error) => ({ ok: false as const, error: err.message })
      )
      const setup = await this.setup
      if (!setup.ok) return configError(setup.error)
      return await runOpenaiAgent(ctx, {
        client: client.value,
        setup: setup.value,
        budgets: this.opts.budgets,
        redact: this.redact
      })
    } catch (err) {
      return {
        infra_error: scrubSecrets(`evalgate could not run the openai agent: ${describe(err)}`),
        error_kind: 'internal'
      }
    }
  }

  async judge(task: GoldenTask, run: AgentRun, signal?: AbortSignal): Promise<JudgeResult> {
    try {
      const rubric = task.expected.judge
      if (rubric === undefined) return { verdict: { error: 'the task has no judge rubric' }, calls: [] }
      const config = this.workflow.judge
      if (!config) {
        return { verdict: { error: 'no judge model: set judge in workflow.yml (or use an openai agent)' }, calls: [] }
      }
      const client = this.judgeClient!
      if (!client.ok) return { verdict: { error: client.error }, calls: [] }

      const timeoutMs = this.opts.budgets.task_timeout_s * 1000
      const timeout = AbortSignal.timeout(timeoutMs)
      const result = await client.value.complete({
        body: judgeRequest(config.model, rubric, task, run, this.redact),
        // Judges should be repeatable; models that only take the default temperature reject 0.
        optional: { response_format: VERDICT_FORMAT, temperature: 0 },
        purpose: 'judge',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        deadline: Date.now() + timeoutMs
      })
      if (result.ok) return { verdict: readVerdict(result.completion), calls: [result.record] }
      const why = result.failure.kind === 'timeout' ? 'it timed out' : result.failure.message
      return { verdict: { error: `the judge call failed: ${why}` }, calls: [result.record] }
    } catch (err) {
      return { verdict: { error: scrubSecrets(`evalgate could not run the judge: ${describe(err)}`) }, calls: [] }
    }
  }

  private client(config: EndpointConfig, user: string, field: string): Ready<ModelClient> {
    const resolved = resolveEndpoint(config, this.opts, user, field)
    if (!resolved.ok) return resolved
    const { endpoint } = resolved
    const id = JSON.stringify([endpoint.baseUrl, endpoint.apiKey, endpoint.headers])
    let client = this.clients.get(id)
    try {
      client ??= new ModelClient(endpoint, this.opts.budgets, this.prices, this.cache)
    } catch (err) {
      return { ok: false, error: scrubSecrets(`${user} cannot use ${endpoint.baseUrl}: ${describe(err)}`) }
    }
    this.clients.set(id, client)
    return { ok: true, value: client }
  }
}

function configError(message: string): AgentOutcome {
  return { infra_error: scrubSecrets(message), error_kind: 'config' }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
