import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { answerReply, toolCallsReply } from '../helpers/fake-openai.js'
import { attempt, orderTask, openaiWorkflow, runtimeFor, withSandboxAndFake } from '../llm/openai-harness.js'

const env = withSandboxAndFake()

const ANSWER = { label: 'refund_approved', escalated: false, message: 'ok' }
const USAGE = { prompt_tokens: 1000, completion_tokens: 500 }

async function costOfOneCall(model: string, pricing = {}, responseModel?: string) {
  env.fake.reply(answerReply(ANSWER, USAGE, responseModel))
  const workflow = openaiWorkflow(env.fake.baseUrl, { model })
  const run = await attempt(env.sandbox, workflow, runtimeFor(workflow, { pricing }))
  expect(run.model_calls).toHaveLength(1)
  return run.model_calls[0]
}

describe('openai agent: cost', () => {
  it('prices a known model from the built-in table', async () => {
    // gpt-4o-mini: 0.15 USD in, 0.60 USD out per million tokens.
    const call = await costOfOneCall('gpt-4o-mini')
    expect(call).toMatchObject({ model: 'gpt-4o-mini', input_tokens: 1000, output_tokens: 500, cost_usd: 0.00045 })
    expect(call.cached).toBeUndefined()
    expect(call.retries).toBeUndefined()
  })

  it('prices a dated model name as its base model', async () => {
    expect((await costOfOneCall('gpt-4o-mini-2024-07-18')).cost_usd).toBe(0.00045)
  })

  it('lets thresholds.yml pricing override and extend the table', async () => {
    const pricing = {
      'gpt-4o-mini': { input_per_mtok: 1, output_per_mtok: 2 },
      'my-model': { input_per_mtok: 3, output_per_mtok: 4 }
    }
    expect((await costOfOneCall('gpt-4o-mini', pricing)).cost_usd).toBe(0.002)
    expect((await costOfOneCall('my-model', pricing)).cost_usd).toBe(0.005)
  })

  it('records null cost but keeps the tokens for an unknown model', async () => {
    const call = await costOfOneCall('llama3.1:8b')
    expect(call).toMatchObject({ model: 'llama3.1:8b', input_tokens: 1000, output_tokens: 500, cost_usd: null })
  })

  it('prices by the model the endpoint names when the configured name is unknown (a deployment)', async () => {
    const call = await costOfOneCall('my-azure-deployment', {}, 'gpt-4o-2024-08-06')
    expect(call).toMatchObject({ model: 'my-azure-deployment', cost_usd: 0.0075 })
  })

  it('records null cost when the endpoint reports no usage', async () => {
    env.fake.reply(answerReply(ANSWER, null))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const run = await attempt(env.sandbox, workflow, runtimeFor(workflow))
    expect(run.model_calls[0]).toMatchObject({ input_tokens: 0, output_tokens: 0, cost_usd: null })
  })
})

describe('openai agent: response cache', () => {
  it('answers a repeated conversation from the cache without a request, at no cost', async () => {
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'evalgate-cache-')), 'cache')
    env.fake.otherwise((request) =>
      request.body.messages.some((m: { role: string }) => m.role === 'tool')
        ? answerReply(ANSWER, USAGE)
        : toolCallsReply([{ name: 'lookup_order', args: { order_id: 'A-1' }, id: 'call_fixed' }], USAGE)
    )
    const workflow = openaiWorkflow(env.fake.baseUrl)

    const first = await attempt(env.sandbox, workflow, runtimeFor(workflow, { cacheDir }))
    expect(first.answer).toEqual(ANSWER)
    expect(env.fake.completions).toHaveLength(2)
    expect(first.model_calls.map((c) => c.cost_usd)).toEqual([0.00045, 0.00045])
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(2)

    // A new runtime (a new run) with the same cache folder.
    const second = await attempt(env.sandbox, workflow, runtimeFor(workflow, { cacheDir }))
    expect(env.fake.completions).toHaveLength(2)
    expect(second.answer).toEqual(ANSWER)
    expect(second.tool_calls).toMatchObject([{ tool: 'lookup_order', args: { order_id: 'A-1' } }])
    expect(second.model_calls).toEqual([
      expect.objectContaining({ cached: true, cost_usd: 0 }),
      expect.objectContaining({ cached: true, cost_usd: 0 })
    ])

    // Another input is another request.
    await attempt(env.sandbox, workflow, runtimeFor(workflow, { cacheDir }), orderTask({ input: { order_id: 'B-2' } }))
    expect(env.fake.completions).toHaveLength(4)
  })

  it('sends every request when no cache folder is given', async () => {
    env.fake.otherwise(() => answerReply(ANSWER))
    const workflow = openaiWorkflow(env.fake.baseUrl)
    const llm = runtimeFor(workflow)
    await attempt(env.sandbox, workflow, llm)
    await attempt(env.sandbox, workflow, llm)
    expect(env.fake.completions).toHaveLength(2)
  })
})
