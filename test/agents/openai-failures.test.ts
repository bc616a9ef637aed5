import { describe, expect, it } from '@jest/globals'
import { answerReply, apiError, toolCallsReply } from '../helpers/fake-openai.js'
import { API_KEY, attempt, BUDGETS, openaiWorkflow, runtimeFor, withSandboxAndFake } from '../llm/openai-harness.js'
import { closedPort } from '../helpers/ports.js'

const env = withSandboxAndFake()

const ANSWER = { label: 'refund_approved', escalated: false, message: 'ok' }
const LOOKUP = toolCallsReply([{ name: 'lookup_order', args: { order_id: 'A-1' } }])

describe('openai agent: budgets', () => {
  it('ends the loop when the model-call budget is spent', async () => {
    env.fake.otherwise(() => LOOKUP)
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const llm = runtimeFor(workflow, { budgets: { ...BUDGETS, max_model_calls_per_task: 3 } })
    const run = await attempt(env.sandbox, workflow, llm)

    expect(run.agent_error).toBe('model-call budget exhausted after 3 calls')
    expect(run.error_kind).toBe('budget_exhausted')
    expect(run.infra_error).toBeUndefined()
    expect(env.fake.completions).toHaveLength(3)
    expect(run.model_calls).toHaveLength(3)
    expect(run.tool_calls).toHaveLength(3)
  })

  it('stops before a first request over max_context_tokens (estimated from characters)', async () => {
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const llm = runtimeFor(workflow, { budgets: { ...BUDGETS, max_context_tokens: 50 } })
    const run = await attempt(env.sandbox, workflow, llm)

    expect(run.agent_error).toMatch(/^context budget exhausted: next request ~\d+ tokens > max_context_tokens 50$/)
    expect(run.error_kind).toBe('budget_exhausted')
    expect(env.fake.completions).toHaveLength(0)
  })

  it('stops when the last usage plus what was added since would exceed max_context_tokens', async () => {
    env.fake.reply(
      toolCallsReply([{ name: 'lookup_order', args: { order_id: 'A-1' } }], {
        prompt_tokens: 900,
        completion_tokens: 60
      })
    )
    const task = {
      fixtures: { lookup_order: { kind: 'value' as const, value: { notes: 'x'.repeat(400) } } }
    }
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const llm = runtimeFor(workflow, { budgets: { ...BUDGETS, max_context_tokens: 1000 } })
    const run = await attempt(env.sandbox, workflow, llm, {
      ...(await import('../llm/openai-harness.js')).orderTask(task)
    })

    // 960 counted by the endpoint + ~103 for the 412-character tool result.
    expect(run.agent_error).toBe('context budget exhausted: next request ~1063 tokens > max_context_tokens 1000')
    expect(env.fake.completions).toHaveLength(1)
  })

  it('fails the task on a 400 context-length error of the endpoint', async () => {
    env.fake.reply(
      apiError(400, "This model's maximum context length is 128000 tokens. However, you requested 130000 tokens.", {
        code: 'context_length_exceeded',
        param: 'messages'
      })
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.agent_error).toMatch(/^context budget exhausted: .*maximum context length is 128000 tokens/)
    expect(run.error_kind).toBe('budget_exhausted')
    expect(run.infra_error).toBeUndefined()
    expect(env.fake.completions).toHaveLength(1)
  })

  it('aborts a hung request at the task timeout', async () => {
    env.fake.reply(LOOKUP, { hang: true })
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const startedAt = performance.now()
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow), undefined, 400)
    const elapsed = performance.now() - startedAt

    expect(run.infra_error).toBe('agent timed out after 0.4s')
    expect(run.error_kind).toBe('timeout')
    expect(elapsed).toBeLessThan(10_000) // bounded, not hung (speed is a benchmark matter)
    expect(run.model_calls).toHaveLength(2)
    expect(run.model_calls[1].error).toMatch(/timed out/)
    expect(run.tool_calls).toHaveLength(1)
  })

  it('does not wait out a Retry-After longer than the task timeout', async () => {
    env.fake.reply(apiError(429, 'slow down', { headers: { 'retry-after': '30' } }))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const startedAt = performance.now()
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow), undefined, 2000)
    expect(performance.now() - startedAt).toBeLessThan(10_000) // not the 30 s Retry-After
    expect(run.infra_error).toBe(
      'the model endpoint rate-limited the request, HTTP 429: slow down (it asked to retry in 30s, past the task timeout)'
    )
    expect(run.error_kind).toBe('rate_limited')
    expect(env.fake.completions).toHaveLength(1)
  })
})

describe('openai agent: retries and endpoint errors', () => {
  it('honours Retry-After on a 429 and succeeds on the retry', async () => {
    env.fake.reply(apiError(429, 'Rate limit reached', { headers: { 'retry-after': '1' } }), answerReply(ANSWER))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))

    expect(run.answer).toEqual(ANSWER)
    const [first, second] = env.fake.completions
    expect(second.at - first.at).toBeGreaterThanOrEqual(990)
    expect(second.headers['x-stainless-retry-count']).toBe('1')
    expect(run.model_calls).toHaveLength(1)
    expect(run.model_calls[0].retries).toBe(1)
    expect(run.model_calls[0].latency_ms).toBeGreaterThanOrEqual(990)
  })

  it('honours retry-after-ms on a 500 and succeeds on the retry', async () => {
    // Longer than the SDK's own first back-off (at most 0.5 s), so only the header explains the wait.
    env.fake.reply(apiError(500, 'boom', { headers: { 'retry-after-ms': '1200' } }), answerReply(ANSWER))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))

    expect(run.answer).toEqual(ANSWER)
    const [first, second] = env.fake.completions
    expect(second.at - first.at).toBeGreaterThanOrEqual(1190)
    expect(run.model_calls[0].retries).toBe(1)
  })

  it('retries a 500 with back-off when the server gives no delay', async () => {
    env.fake.reply(apiError(500, 'boom'), answerReply(ANSWER))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.answer).toEqual(ANSWER)
    const [first, second] = env.fake.completions
    // The SDK's first back-off: 0.5 s less up to 25% jitter.
    expect(second.at - first.at).toBeGreaterThanOrEqual(370)
    expect(run.model_calls[0].retries).toBe(1)
  })

  it('makes the task error after max_retries + 1 attempts on a 500 that persists', async () => {
    env.fake.otherwise(() => apiError(500, 'the server had an error', { headers: { 'retry-after-ms': '10' } }))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))

    expect(env.fake.completions).toHaveLength(BUDGETS.max_retries + 1)
    expect(run.infra_error).toBe('the model endpoint answered HTTP 500 after 2 retries: the server had an error')
    expect(run.error_kind).toBe('unreachable')
    expect(run.model_calls).toMatchObject([{ retries: 2, error: run.infra_error, input_tokens: 0, output_tokens: 0 }])
  })

  it('reports a persistent 429 as rate_limited', async () => {
    env.fake.otherwise(() => apiError(429, 'Rate limit reached', { headers: { 'retry-after-ms': '10' } }))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow, { budgets: { ...BUDGETS, max_retries: 1 } }))
    expect(env.fake.completions).toHaveLength(2)
    expect(run.infra_error).toBe(
      'the model endpoint rate-limited the request, HTTP 429 after 1 retry: Rate limit reached'
    )
    expect(run.error_kind).toBe('rate_limited')
  })

  it('makes the task error when the endpoint cannot be reached', async () => {
    const workflow = openaiWorkflow(`http://127.0.0.1:${await closedPort()}/v1`)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow, { budgets: { ...BUDGETS, max_retries: 1 } }))
    expect(run.infra_error).toMatch(
      /^could not reach the model endpoint http:\/\/127\.0\.0\.1:\d+\/v1 after 1 retry: .*ECONNREFUSED/
    )
    expect(run.error_kind).toBe('unreachable')
    expect(run.model_calls[0].retries).toBe(1)
  })

  it('makes the task error on a malformed JSON body', async () => {
    env.fake.reply({ text: '{"choices": [' })
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.infra_error).toMatch(/^the model endpoint answered malformed JSON/)
    expect(run.error_kind).toBe('bad_response')
  })

  it('makes the task error on a JSON body that is not a chat completion', async () => {
    env.fake.reply({ json: { choices: [] } })
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.infra_error).toMatch(/^the model endpoint answered 200 but the body is not a chat completion \(choices:/)
    expect(run.error_kind).toBe('bad_response')
  })

  it('makes the task error with the API message on a 404 unknown model (no retry)', async () => {
    env.fake.otherwise(() =>
      apiError(404, 'The model `gpt-9` does not exist or you do not have access to it.', { code: 'model_not_found' })
    )
    const workflow = openaiWorkflow(env.fake.baseUrl, { model: 'gpt-9' })
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.infra_error).toBe(
      'the model endpoint answered HTTP 404: The model `gpt-9` does not exist or you do not have access to it.'
    )
    expect(run.error_kind).toBe('config')
    expect(env.fake.completions).toHaveLength(1)
  })

  it('never shows the API key, even when the endpoint echoes it', async () => {
    env.fake.otherwise((request) =>
      apiError(401, `Incorrect API key provided: ${String(request.headers.authorization).replace('Bearer ', '')}.`, {
        code: 'invalid_api_key'
      })
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))

    expect(env.fake.completions[0].headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(run.infra_error).toBe('the model endpoint answered HTTP 401: Incorrect API key provided: ***.')
    expect(run.error_kind).toBe('config')
    expect(JSON.stringify(run)).not.toContain(API_KEY)
  })

  it('reads the key from the variable named by api_key_env', async () => {
    process.env.EVALGATE_TEST_KEY = 'sk-from-env-abcdef0123'
    try {
      env.fake.reply(answerReply(ANSWER))
      const workflow = openaiWorkflow(env.fake.baseUrl, { api_key_env: 'EVALGATE_TEST_KEY' })
      await attempt(env.sandbox, workflow, runtimeFor(workflow, { apiKey: undefined }))
      expect(env.fake.completions[0].headers.authorization).toBe('Bearer sk-from-env-abcdef0123')
    } finally {
      delete process.env.EVALGATE_TEST_KEY
    }
  })

  it('sends extra headers, reading ${NAME} values from the environment', async () => {
    process.env.EVALGATE_TEST_TEAM = 'team-secret-value-42'
    try {
      env.fake.reply(answerReply(ANSWER))
      const workflow = openaiWorkflow(env.fake.baseUrl, { headers: { 'x-team': '${EVALGATE_TEST_TEAM}' } })
      const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
      expect(run.answer).toEqual(ANSWER)
      expect(env.fake.completions[0].headers['x-team']).toBe('team-secret-value-42')
    } finally {
      delete process.env.EVALGATE_TEST_TEAM
    }
  })

  it('uses a dummy key for a loopback endpoint without one', async () => {
    const saved = process.env.OPENAI_API_KEY
    delete process.env.OPENAI_API_KEY
    try {
      env.fake.reply(answerReply(ANSWER))
      const workflow = openaiWorkflow(env.fake.baseUrl)
      const run = await attempt(env.sandbox, workflow, runtimeFor(workflow, { apiKey: undefined }))
      expect(run.answer).toEqual(ANSWER)
      expect(env.fake.completions[0].headers.authorization).toBe('Bearer evalgate-no-key')
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved
    }
  })
})
