import { describe, expect, it } from '@jest/globals'
import { createLlmRuntime } from '../../src/llm/index.js'
import { registerSecret, scrubSecrets } from '../../src/util/secrets.js'
import { makeWorkflow } from '../helpers/model.js'
import { BUDGETS } from './openai-harness.js'

describe('secrets', () => {
  it('replaces every occurrence of a registered secret', () => {
    registerSecret('sk-secret-one-123456')
    expect(scrubSecrets('key sk-secret-one-123456 and again sk-secret-one-123456.')).toBe('key *** and again ***.')
  })

  it('replaces a secret that contains another as a whole', () => {
    registerSecret('abcdefgh')
    registerSecret('Bearer abcdefgh-longer')
    expect(scrubSecrets('Authorization: Bearer abcdefgh-longer / abcdefgh')).toBe('Authorization: *** / ***')
  })

  it('ignores empty and short values, which would scrub ordinary text', () => {
    registerSecret(undefined)
    registerSecret('')
    registerSecret('abc')
    expect(scrubSecrets('abc is fine')).toBe('abc is fine')
  })

  it('leaves text without secrets unchanged', () => {
    expect(scrubSecrets('nothing to hide')).toBe('nothing to hide')
  })

  it('knows the API key and credential headers as soon as a runtime is created', () => {
    process.env.EVALGATE_TEST_HEADER_SECRET = 'header-secret-987654321'
    try {
      const workflow = makeWorkflow({
        judge: {
          model: 'gpt-4o-mini',
          base_url: 'https://llm.invalid/v1',
          headers: { 'x-token': '${EVALGATE_TEST_HEADER_SECRET}' }
        }
      })
      createLlmRuntime(workflow, { budgets: BUDGETS, pricing: {}, apiKey: 'sk-runtime-key-123456789' })
      expect(scrubSecrets('sk-runtime-key-123456789 / header-secret-987654321')).toBe('*** / ***')
    } finally {
      delete process.env.EVALGATE_TEST_HEADER_SECRET
    }
  })
})
