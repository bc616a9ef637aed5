import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { agentEnvironment, isNeverPassed } from '../../src/agents/agent-env.js'
import type { AgentConfig } from '../../src/agents/registry.js'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { containsSecret, registerSecret, secretsVersion } from '../../src/util/secrets.js'
import { node, runWith } from './run-helpers.js'

type CommandAgent = Extract<AgentConfig, { type: 'command' }>

const agent = (env?: Record<string, string>, env_refs?: Record<string, string[]>): CommandAgent => ({
  type: 'command',
  command: ['node', 'agent.mjs'],
  ...(env ? { env } : {}),
  ...(env_refs ? { env_refs } : {})
})

const RUNNER = {
  PATH: '/usr/bin',
  HOME: '/home/runner',
  'INPUT_GITHUB-TOKEN': 'ghs_input0123456789',
  'INPUT_OPENAI-API-KEY': 'sk-input-0123456789',
  GITHUB_TOKEN: 'ghs_env0123456789',
  GH_TOKEN: 'ghs_gh0123456789',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-0123',
  ACTIONS_RUNTIME_URL: 'https://pipelines.example/',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token-0123',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
  ACTIONS_CACHE_URL: 'https://cache.example/',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  GITHUB_OUTPUT: '/runner/_temp/output',
  GITHUB_ENV: '/runner/_temp/env',
  GITHUB_PATH: '/runner/_temp/path',
  GITHUB_STATE: '/runner/_temp/state',
  GITHUB_STEP_SUMMARY: '/runner/_temp/summary',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'abc123'
}

describe('agentEnvironment', () => {
  it("drops the action's inputs, the runner's tokens and command files, and keeps the rest", () => {
    expect(agentEnvironment(agent(), RUNNER)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'abc123'
    })
  })

  it('drops any variable whose value holds a registered secret, also one registered later', () => {
    const host = { PATH: '/usr/bin', COPY: 'Bearer later-secret-0123', OTHER: 'plain' }
    expect(agentEnvironment(agent(), host)).toEqual(host)
    const before = secretsVersion()
    registerSecret('later-secret-0123')
    expect(secretsVersion()).toBeGreaterThan(before)
    expect(containsSecret('x later-secret-0123 y')).toBe(true)
    expect(agentEnvironment(agent(), host)).toEqual({ PATH: '/usr/bin', OTHER: 'plain' })
  })

  it('holds the default model key as a secret: not passed, nor a copy of it under another name', () => {
    const host = { PATH: '/usr/bin', OPENAI_API_KEY: 'sk-default-key-0123', MY_COPY: 'sk-default-key-0123' }
    expect(agentEnvironment(agent(), host)).toEqual({ PATH: '/usr/bin' })
  })

  it("adds the manifest's env: literals and ${VAR} / $VAR references read from the host", () => {
    const host = { PATH: '/usr/bin', OPENAI_API_KEY: 'sk-explicit-key-0123', REGION: 'eu' }
    const env = agentEnvironment(
      agent({ OPENAI_API_KEY: '${OPENAI_API_KEY}', MODE: 'strict', WHERE: 'region-$REGION', PATH: '/opt/bin' }),
      host
    )
    expect(env).toEqual({
      PATH: '/opt/bin',
      REGION: 'eu',
      OPENAI_API_KEY: 'sk-explicit-key-0123',
      MODE: 'strict',
      WHERE: 'region-eu'
    })
  })

  it('leaves out an entry whose reference is unset or never passed', () => {
    const env = agentEnvironment(agent({ KEY: '${NOT_SET_ANYWHERE}', TOKEN: '${GITHUB_TOKEN}', T2: '$INPUT_X' }), {
      GITHUB_TOKEN: 'ghs_env0123456789',
      INPUT_X: 'x-value-0123'
    })
    expect(env).toEqual({})
  })

  it('env_refs restricts which references of each entry resolve (the engine sets it on a PR)', () => {
    const host = { A_KEY: 'a-value-0123', B_KEY: 'b-value-0123' }
    const env = agentEnvironment(
      agent({ FIRST: '${A_KEY}', SECOND: '${B_KEY}', THIRD: 'literal', FOURTH: '${A_KEY}' }, { FIRST: ['A_KEY'] }),
      host
    )
    expect(env).toEqual({ A_KEY: 'a-value-0123', B_KEY: 'b-value-0123', FIRST: 'a-value-0123', THIRD: 'literal' })
  })
})

describe('isNeverPassed', () => {
  it('knows the inputs and runner variables, whatever their case', () => {
    for (const name of ['INPUT_GITHUB-TOKEN', 'input_x', 'GITHUB_TOKEN', 'gh_token', 'ACTIONS_ID_TOKEN_REQUEST_URL'])
      expect(isNeverPassed(name)).toBe(true)
    for (const name of ['OPENAI_API_KEY', 'GITHUB_SHA', 'PATH', 'MY_INPUT_X']) expect(isNeverPassed(name)).toBe(false)
  })
})

describe('a real command agent', () => {
  let sandbox: ToolSandbox
  beforeAll(async () => {
    sandbox = await ToolSandbox.start()
  })
  afterAll(async () => {
    await sandbox.stop()
  })

  it('does not get a variable holding a secret registered after its first start (same agent config)', async () => {
    process.env.EVALGATE_TEST_LATE_COPY = 'copy of late-registered-0123'
    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_inProcessInput0123'
    try {
      const config = node('dump-env.mjs')
      const envOf = async () => ((await runWith(sandbox, config)).answer?.result as { env: Record<string, string> }).env
      const first = await envOf()
      expect(first.EVALGATE_TEST_LATE_COPY).toBe('copy of late-registered-0123')
      expect(first['INPUT_GITHUB-TOKEN']).toBeUndefined()
      registerSecret('late-registered-0123')
      const second = await envOf()
      expect(second.EVALGATE_TEST_LATE_COPY).toBeUndefined()
      expect(second.PATH).toBe(process.env.PATH)
    } finally {
      delete process.env.EVALGATE_TEST_LATE_COPY
      delete process.env['INPUT_GITHUB-TOKEN']
    }
  })
})
