import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { missingApiKey } from '../../src/agents/model-access.js'
import type { LlmOptions } from '../../src/llm/index.js'
import type { Workflow } from '../../src/model/types.js'
import { makeWorkflow } from '../helpers/model.js'
import { BUDGETS } from './openai-harness.js'

const OPTS: LlmOptions = { budgets: BUDGETS, pricing: {} }
const saved = { OPENAI_API_KEY: process.env.OPENAI_API_KEY, OPENAI_BASE_URL: process.env.OPENAI_BASE_URL }

beforeEach(() => {
  delete process.env.OPENAI_API_KEY
  delete process.env.OPENAI_BASE_URL
  delete process.env.MY_KEY
})
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

function openaiWorkflow(agent: Record<string, unknown> = {}, overrides: Partial<Workflow> = {}): Workflow {
  return makeWorkflow({
    agent: { type: 'openai', model: 'gpt-4o-mini', prompt: '/p.md', tools: '/t.json', ...agent },
    ...overrides
  })
}

describe('missingApiKey', () => {
  it('names the variable and the workflow when the openai agent has no key', () => {
    expect(missingApiKey(openaiWorkflow(), OPTS)).toBe(
      'OPENAI_API_KEY is not set: the openai agent of refund_request_v2 needs it (or set agent.api_key_env)'
    )
  })

  it('names api_key_env when the workflow sets it', () => {
    expect(missingApiKey(openaiWorkflow({ api_key_env: 'MY_KEY' }), OPTS)).toBe(
      'MY_KEY is not set: the openai agent of refund_request_v2 needs it'
    )
    process.env.MY_KEY = 'sk-my-key-0123456789'
    expect(missingApiKey(openaiWorkflow({ api_key_env: 'MY_KEY' }), OPTS)).toBeUndefined()
  })

  it('is satisfied by the environment or an explicit key', () => {
    expect(missingApiKey(openaiWorkflow(), { ...OPTS, apiKey: 'sk-explicit-0123456789' })).toBeUndefined()
    process.env.OPENAI_API_KEY = 'sk-env-0123456789'
    expect(missingApiKey(openaiWorkflow(), OPTS)).toBeUndefined()
  })

  it('needs no key for a loopback endpoint (local Ollama or vLLM)', () => {
    for (const url of ['http://127.0.0.1:11434/v1', 'http://localhost:8000/v1', 'http://[::1]:8000/v1']) {
      expect(missingApiKey(openaiWorkflow({ base_url: url }), OPTS)).toBeUndefined()
    }
    expect(missingApiKey(openaiWorkflow(), { ...OPTS, baseUrl: 'http://localhost:11434/v1' })).toBeUndefined()
  })

  it('needs a key for a non-loopback endpoint, also when the base URL comes from the options', () => {
    expect(
      missingApiKey(openaiWorkflow({ base_url: 'http://127.0.0.1:1/v1' }), {
        ...OPTS,
        baseUrl: 'https://llm.example.com/v1'
      })
    ).toMatch(/^OPENAI_API_KEY is not set/)
  })

  it('needs no key when a credential header is configured (Azure api-key)', () => {
    expect(missingApiKey(openaiWorkflow({ headers: { 'api-key': '${AZURE_KEY}' } }), OPTS)).toBeUndefined()
  })

  it('checks the judge only when a task needs it', () => {
    const workflow = makeWorkflow({ judge: { model: 'gpt-4o-mini' } })
    expect(missingApiKey(workflow, OPTS, false)).toBeUndefined()
    expect(missingApiKey(workflow, OPTS, true)).toBe(
      'OPENAI_API_KEY is not set: the judge of refund_request_v2 needs it (or set judge.api_key_env)'
    )
  })

  it('has nothing to say about a command agent without a judge', () => {
    expect(missingApiKey(makeWorkflow(), OPTS, true)).toBeUndefined()
  })
})
