// The tool-calling loop of an openai agent: the model calls tools (answered from fixtures by
// the sandbox) until it gives its final answer, within the task's budgets.
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import type { CallFailure } from '../llm/call-failure.js'
import type { CompletionMessage, CompletionToolCall } from '../llm/completion.js'
import type { ChatRequest, ModelClient } from '../llm/model-client.js'
import type { Budgets, ModelCallRecord } from '../model/types.js'
import type { Redactor } from '../redact/redactor.js'
import { scrubSecrets } from '../util/secrets.js'
import { ANSWER_FORMAT, readFinalAnswer } from './openai-answer.js'
import type { AgentContext } from './context.js'
import { ContextEstimate } from './openai-context-budget.js'
import type { OpenaiAgentSetup } from './openai-setup.js'
import { answerToolCall } from './openai-tool-calls.js'
import { formatSeconds, rawOutput, type AgentOutcome } from './outcome.js'

export interface OpenaiAgentDeps {
  client: ModelClient
  setup: OpenaiAgentSetup
  budgets: Budgets
  /** data_governance.redact: applied to everything sent to the model. */
  redact: Redactor
}

/** The `error_kind`s this agent reports. */
type OpenaiErrorKind =
  'budget_exhausted' | 'rate_limited' | 'bad_response' | 'timeout' | 'unreachable' | 'config' | 'internal'

/** Runs one attempt; never throws for anything the model or the endpoint does. */
export async function runOpenaiAgent(ctx: AgentContext, deps: OpenaiAgentDeps): Promise<AgentOutcome> {
  const controller = new AbortController()
  const deadline = Date.now() + ctx.timeoutMs
  const timer = setTimeout(() => controller.abort(), ctx.timeoutMs)
  try {
    return await new Conversation(ctx, deps, controller.signal, deadline).run()
  } finally {
    clearTimeout(timer)
  }
}

class Conversation {
  private readonly messages: ChatCompletionMessageParam[]
  private readonly request: ChatRequest
  private readonly estimate: ContextEstimate
  private readonly calls: ModelCallRecord[] = []

  constructor(
    private readonly ctx: AgentContext,
    private readonly deps: OpenaiAgentDeps,
    private readonly signal: AbortSignal,
    private readonly deadline: number
  ) {
    const { setup } = deps
    const input = JSON.stringify(deps.redact.value(ctx.task.input)) ?? 'null'
    this.messages = [
      { role: 'system', content: setup.system },
      { role: 'user', content: input }
    ]
    // One request object for the whole conversation: only `messages` grows.
    this.request = { model: setup.model, messages: this.messages, tools: setup.tools }
    if (setup.temperature !== undefined) this.request.temperature = setup.temperature
    this.estimate = new ContextEstimate(setup.fixedChars + input.length)
  }

  async run(): Promise<AgentOutcome> {
    const { budgets, client } = this.deps
    for (;;) {
      if (this.calls.length >= budgets.max_model_calls_per_task) {
        return this.fail(`model-call budget exhausted after ${this.calls.length} calls`, 'budget_exhausted')
      }
      const tokens = this.estimate.nextRequestTokens()
      if (budgets.max_context_tokens !== undefined && tokens > budgets.max_context_tokens) {
        return this.fail(
          `context budget exhausted: next request ~${tokens} tokens > max_context_tokens ${budgets.max_context_tokens}`,
          'budget_exhausted'
        )
      }

      const result = await client.complete({
        body: this.request,
        optional: { response_format: ANSWER_FORMAT },
        purpose: 'agent',
        signal: this.signal,
        deadline: this.deadline
      })
      this.calls.push(result.record)
      if (!result.ok) return this.callFailed(result.failure, result.record)

      const message = result.completion.choices[0].message
      const toolCalls = message.tool_calls ?? []
      this.estimate.afterResponse(result.completion.usage, responseChars(message, toolCalls))
      if (toolCalls.length === 0) return this.finish(message)

      this.messages.push(assistantMessage(message, toolCalls))
      const wait = { timeoutMs: this.deps.setup.toolTimeoutMs, signal: this.signal }
      for (const call of toolCalls) {
        if (this.signal.aborted) break
        const content = await answerToolCall(this.ctx.session, call, this.deps.redact, wait)
        this.messages.push({ role: 'tool', tool_call_id: call.id, content })
        this.estimate.added(content.length)
      }
      if (this.signal.aborted) return this.timedOut()
    }
  }

  private finish(message: CompletionMessage): AgentOutcome {
    const final = readFinalAnswer(message)
    if (final.ok) return { answer: final.answer, model_calls: this.calls }
    return {
      agent_error: scrubSecrets(final.error),
      error_kind: final.kind,
      raw_output: rawOutput(final.text),
      model_calls: this.calls
    }
  }

  private callFailed(failure: CallFailure, record: ModelCallRecord): AgentOutcome {
    switch (failure.kind) {
      case 'timeout':
        record.error = 'aborted: the task timed out'
        return this.timedOut()
      case 'context_length':
        return this.fail(`context budget exhausted: ${failure.message}`, 'budget_exhausted')
      default:
        return this.infra(failure.message, failure.kind)
    }
  }

  private timedOut(): AgentOutcome {
    return this.infra(`agent timed out after ${formatSeconds(this.ctx.timeoutMs)}`, 'timeout')
  }

  /** The agent failed the task (`fail`). */
  private fail(message: string, kind: OpenaiErrorKind): AgentOutcome {
    return { agent_error: scrubSecrets(message), error_kind: kind, model_calls: this.calls }
  }

  /** The task could not be run (`error`). */
  private infra(message: string, kind: OpenaiErrorKind): AgentOutcome {
    return { infra_error: scrubSecrets(message), error_kind: kind, model_calls: this.calls }
  }
}

function assistantMessage(message: CompletionMessage, toolCalls: CompletionToolCall[]): ChatCompletionMessageParam {
  return {
    role: 'assistant',
    content: message.content ?? null,
    tool_calls: toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.function.name, arguments: call.function.arguments ?? '' }
    }))
  }
}

function responseChars(message: CompletionMessage, toolCalls: CompletionToolCall[]): number {
  let chars = message.content?.length ?? 0
  for (const call of toolCalls) chars += call.function.name.length + (call.function.arguments?.length ?? 0)
  return chars
}
