import { describe, expect, it } from '@jest/globals'
import { answerReply, apiError, toolCallsReply, type ReceivedRequest } from '../helpers/fake-openai.js'
import {
  API_KEY,
  attempt,
  ORDER,
  orderTask,
  openaiWorkflow,
  POLICY,
  PROMPT,
  runtimeFor,
  TOOL_SCHEMAS,
  withSandboxAndFake
} from '../llm/openai-harness.js'

const env = withSandboxAndFake()

const APPROVED = { label: 'refund_approved', result: { amount: 25 }, escalated: false, message: 'Refunded.' }

function toolMessages(request: ReceivedRequest): { tool_call_id: string; content: string }[] {
  return request.body.messages.filter((m: { role: string }) => m.role === 'tool')
}

describe('openai agent: the tool-calling loop', () => {
  it('answers tool calls from fixtures and reads the final answer', async () => {
    env.fake.reply(
      toolCallsReply([{ name: 'lookup_order', args: { order_id: 'A-1' }, id: 'call_1' }]),
      answerReply(APPROVED)
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))

    expect(run.infra_error).toBeUndefined()
    expect(run.agent_error).toBeUndefined()
    expect(run.answer).toEqual(APPROVED)
    expect(run.tool_calls).toMatchObject([
      { seq: 1, tool: 'lookup_order', args: { order_id: 'A-1' }, result: ORDER, allowed: true }
    ])
    expect(run.model_calls).toHaveLength(2)
    expect(run.model_calls[0]).toMatchObject({
      model: 'gpt-4o-mini',
      purpose: 'agent',
      input_tokens: 100,
      output_tokens: 20
    })

    const [first, second] = env.fake.completions
    expect(first.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(first.body.model).toBe('gpt-4o-mini')
    expect(first.body.messages).toEqual([
      { role: 'system', content: `${PROMPT.trimEnd()}\n\n${POLICY}` },
      { role: 'user', content: JSON.stringify(orderTask().input) }
    ])
    expect(first.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual([
      'lookup_order',
      'send_email',
      'issue_refund',
      'request_approval'
    ])
    expect(first.body.tools[0]).toEqual({
      type: 'function',
      function: {
        name: 'lookup_order',
        description: 'Look up an order',
        parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] }
      }
    })
    expect(first.body.tools[3].function.parameters.required).toEqual(['tool', 'args', 'reason'])
    expect(first.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'agent_answer' } })

    // The second request carries the assistant's tool call and the fixture as the tool message.
    expect(second.body.messages[2]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'lookup_order', arguments: '{"order_id":"A-1"}' } }
      ]
    })
    expect(toolMessages(second)).toEqual([{ role: 'tool', tool_call_id: 'call_1', content: JSON.stringify(ORDER) }])
  })

  it('records a direct call to an approval-required tool as a 403 violation and tells the model', async () => {
    env.fake.reply(
      toolCallsReply([{ name: 'issue_refund', args: { order_id: 'A-1', amount: 25 } }]),
      answerReply(APPROVED)
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))

    expect(run.tool_calls).toMatchObject([
      { tool: 'issue_refund', allowed: false, args: { order_id: 'A-1', amount: 25 } }
    ])
    expect(run.tool_calls[0].error).toMatch(/requires approval/)
    expect(JSON.parse(toolMessages(env.fake.completions[1])[0].content).error).toMatch(/requires approval/)
  })

  it('records a request_approval proposal and answers pending_approval', async () => {
    const proposal = { tool: 'issue_refund', args: { order_id: 'A-1', amount: 250 }, reason: 'damaged' }
    env.fake.reply(toolCallsReply([{ name: 'request_approval', args: proposal }]), answerReply(APPROVED))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))

    expect(run.tool_calls).toMatchObject([{ tool: 'request_approval', args: proposal, proposed: true, allowed: true }])
    expect(toolMessages(env.fake.completions[1])[0].content).toBe('{"status":"pending_approval"}')
  })

  it('answers several tool calls of one response in order', async () => {
    env.fake.reply(
      toolCallsReply([
        { name: 'lookup_order', args: { order_id: 'A-1' }, id: 'c1' },
        { name: 'send_email', args: {}, id: 'c2' }
      ]),
      answerReply(APPROVED)
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.tool_calls.map((c) => c.tool)).toEqual(['lookup_order', 'send_email'])
    expect(toolMessages(env.fake.completions[1]).map((m) => m.tool_call_id)).toEqual(['c1', 'c2'])
    expect(run.tool_calls[1].error).toMatch(/no fixture for "send_email"/)
  })

  it('records a call whose arguments are not JSON, answers the model with the error and goes on', async () => {
    env.fake.reply(toolCallsReply([{ name: 'lookup_order', rawArgs: '{"order_id": A-1' }]), answerReply(APPROVED))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))

    expect(run.answer).toEqual(APPROVED)
    expect(run.tool_calls).toMatchObject([{ tool: 'lookup_order', args: '{"order_id": A-1', allowed: true }])
    expect(run.tool_calls[0].error).toMatch(/not JSON/)
    expect(JSON.parse(toolMessages(env.fake.completions[1])[0].content).error).toMatch(/not JSON/)
  })

  it('takes an empty arguments string as no arguments', async () => {
    env.fake.reply(toolCallsReply([{ name: 'lookup_order', rawArgs: '' }]), answerReply(APPROVED))
    // A lookup_order whose schema requires nothing, so that the call without arguments is served.
    const tool_schemas = TOOL_SCHEMAS.map((s) =>
      s.name === 'lookup_order' ? { ...s, parameters: { type: 'object' } } : s
    )
    const workflow = openaiWorkflow(env.fake.baseUrl, {}, { tool_schemas })
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.tool_calls).toMatchObject([{ tool: 'lookup_order', args: {}, result: ORDER }])
  })

  it("a call that breaks the tool's schema is refused, and the model reads why", async () => {
    env.fake.reply(toolCallsReply([{ name: 'lookup_order', rawArgs: '' }]), answerReply(APPROVED))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    const error = "arguments of lookup_order do not match its schema: must have required property 'order_id'"
    expect(run.tool_calls).toMatchObject([{ tool: 'lookup_order', args: {}, result: null, rejected: true, error }])
    expect(JSON.parse(toolMessages(env.fake.completions[1])[0].content)).toEqual({ error })
  })

  it('finds the JSON answer inside prose or a code fence', async () => {
    const text = `Here is my decision:\n\`\`\`json\n${JSON.stringify(APPROVED, null, 2)}\n\`\`\`\nThanks {for asking}.`
    env.fake.reply(answerReply(`Sure {not json} ${text}`))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.answer).toEqual(APPROVED)
  })

  it('fails the task when the final answer is not JSON and keeps the text', async () => {
    env.fake.reply(answerReply('I approve the refund.'))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.infra_error).toBeUndefined()
    expect(run.agent_error).toBe('final answer was not JSON: I approve the refund.')
    expect(run.error_kind).toBe('bad_output')
    expect(run.raw_output).toBe('I approve the refund.')
    expect(run.model_calls).toHaveLength(1)
  })

  it('fails the task when the JSON answer does not follow the protocol', async () => {
    env.fake.reply(answerReply({ label: 7 }))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.agent_error).toMatch(/label must be a string/)
    expect(run.error_kind).toBe('bad_answer')
    expect(run.raw_output).toBe('{"label":7}')
  })

  it('ignores actions the model only lists in its answer: it acts through tool calls', async () => {
    env.fake.reply(
      answerReply({ ...APPROVED, actions: [{ tool: 'issue_refund', args: { order_id: 'A-1' } }], plan: ['refund'] })
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.answer).toEqual({ ...APPROVED, plan: ['refund'] })
  })

  it('sends the configured temperature', async () => {
    env.fake.reply(answerReply(APPROVED))
    const workflow = openaiWorkflow(env.fake.baseUrl, { temperature: 0.2 })
    await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(env.fake.completions[0].body.temperature).toBe(0.2)
  })

  it('retries without response_format when the endpoint rejects it, and remembers that', async () => {
    const rejects = (request: ReceivedRequest) =>
      request.body.response_format
        ? apiError(
            400,
            "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
            {
              param: 'response_format'
            }
          )
        : answerReply(APPROVED)
    env.fake.otherwise(rejects)
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const llm = runtimeFor(workflow)

    const first = await attempt(env.sandbox, workflow, llm)
    expect(first.answer).toEqual(APPROVED)
    expect(first.model_calls).toHaveLength(1)
    expect(env.fake.completions.map((r) => 'response_format' in r.body)).toEqual([true, false])

    const second = await attempt(env.sandbox, workflow, llm)
    expect(second.answer).toEqual(APPROVED)
    expect(env.fake.completions.map((r) => 'response_format' in r.body)).toEqual([true, false, false])
  })

  it('recognises a rejection of response_format in a body that is not shaped like OpenAI errors', async () => {
    env.fake.otherwise((request) =>
      request.body.response_format
        ? { status: 400, json: { object: 'error', message: 'json_schema response format is not supported', code: 400 } }
        : answerReply(APPROVED)
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.answer).toEqual(APPROVED)
  })

  it('is a config error without a model runtime', async () => {
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, undefined)
    expect(run.infra_error).toMatch(/without a model runtime/)
    expect(run.error_kind).toBe('config')
  })

  it('is a config error when the prompt file cannot be read', async () => {
    const workflow = openaiWorkflow(env.fake.baseUrl, { prompt: '/nonexistent/prompt.md' })
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.infra_error).toBe("could not read the agent's prompt file /nonexistent/prompt.md: ENOENT")
    expect(run.error_kind).toBe('config')
    expect(env.fake.completions).toHaveLength(0)
  })
})
