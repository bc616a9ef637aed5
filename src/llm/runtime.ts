import { workflowRedactor, type Redactor } from '../redact/redactor.js'
import type { JudgeVerdict } from '../model/judge-verdict.js'
import type { AgentRun, Budgets, GoldenTask, ModelCallRecord } from '../model/types.js'
import type { EndpointConfig, Workflow } from '../model/workflow.js'
import { scrubSecrets } from '../util/secrets.js'
import { resolveEndpoint } from './endpoint.js'
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
  readonly budgets: Budgets
  /** data_governance.redact: applied to everything sent to a model. */
  readonly redact: Redactor
  /**
   * The client of an endpoint (`user` and `field` name it in problems), with its credentials
   * registered as secrets; shared by every endpoint with the same URL, key and headers.
   */
  client(config: EndpointConfig, user: string, field: string): Ready<ModelClient>
  /** Judges one attempt when the task has expected.judge; never throws. */
  judge(task: GoldenTask, run: AgentRun, signal?: AbortSignal): Promise<JudgeResult>
}

export type Ready<T> = { ok: true; value: T } | { ok: false; error: string }

/** One per workflow and run: clients and prices are set up once and shared by every task. */
export class WorkflowLlmRuntime implements LlmRuntime {
  private readonly prices: PriceTable
  private readonly cache?: ResponseCache
  /** Clients by endpoint, so that an agent and a judge on the same endpoint share connections. */
  private readonly clients = new Map<string, ModelClient>()
  private judgeClient?: Ready<ModelClient>
  readonly budgets: Budgets
  readonly redact: Redactor

  constructor(
    private readonly workflow: Workflow,
    private readonly opts: LlmOptions
  ) {
    this.prices = new PriceTable(opts.pricing)
    this.budgets = opts.budgets
    this.redact = workflowRedactor(workflow)
    if (opts.cacheDir) this.cache = new ResponseCache(opts.cacheDir, opts.cacheSalt)
    // Resolved now, so that the keys are registered as secrets before anything is printed.
    const { judge, name } = workflow
    // The judge's verdicts are evidence: not read from the response cache, a folder the agent
    // under test (a PR's command agent) could write, unless no agent code runs (LlmOptions.judgeCache).
    if (judge)
      this.judgeClient = this.client(judge, `the judge of ${name}`, 'judge', { cache: opts.judgeCache === true })
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

  client(config: EndpointConfig, user: string, field: string, use = { cache: true }): Ready<ModelClient> {
    const resolved = resolveEndpoint(config, this.opts, user, field)
    if (!resolved.ok) return resolved
    const { endpoint } = resolved
    const id = JSON.stringify([endpoint.baseUrl, endpoint.apiKey, endpoint.headers, use.cache])
    let client = this.clients.get(id)
    try {
      client ??= new ModelClient(endpoint, this.opts.budgets, this.prices, use.cache ? this.cache : undefined)
    } catch (err) {
      return { ok: false, error: scrubSecrets(`${user} cannot use ${endpoint.baseUrl}: ${describe(err)}`) }
    }
    this.clients.set(id, client)
    return { ok: true, value: client }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
