// The agent under test holds no authority: run through dist/cli.js with a GitHub token input and
// a model key in evalgate's environment, a command agent finds neither in its own environment nor
// in its parent's initial environment (/proc/<ppid>/environ), unless its manifest's env names it.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

const TOKEN = 'ghs_inputToken0123456789abcdef'
const ENV_TOKEN = 'ghs_envToken0123456789abcdef'
const KEY = 'sk-proj-modelKey0123456789abcdef'
const MARKER = 'plain-marker-value-42'

// Writes what it can see to dump-<workflow>.json and answers "ok".
const agent = `import { readFileSync, writeFileSync } from 'node:fs'
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const task = JSON.parse(raw)
  let parent
  try {
    parent = readFileSync('/proc/' + process.ppid + '/environ', 'latin1')
  } catch (err) {
    parent = 'unreadable: ' + err.message
  }
  const dump = { env: process.env, parent, parentEntries: parent.split('\\0').filter((e) => e.includes('=')) }
  writeFileSync(new URL('./dump-' + task.workflow + '.json', import.meta.url), JSON.stringify(dump))
  process.stdout.write(JSON.stringify({ label: 'ok' }) + '\\n')
})
`

function manifest(name: string, env: string[] = []): string {
  return [
    `name: ${name}`,
    'permissions: {}',
    'agent:',
    '  type: command',
    `  command: ["${process.execPath}", "../../agent/agent.mjs"]`,
    ...(env.length ? ['  env:', ...env.map((line) => `    ${line}`)] : []),
    ''
  ].join('\n')
}

const task = '- { id: t1, tier: T1, risk: low, input: {}, expected: { label: ok } }\n'

function project(): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.9 }\n',
    'golden-tasks/plain/workflow.yml': manifest('plain'),
    'golden-tasks/plain/t.yaml': task,
    'golden-tasks/keyed/workflow.yml': manifest('keyed', ['OPENAI_API_KEY: ${OPENAI_API_KEY}', 'MODE: strict']),
    'golden-tasks/keyed/t.yaml': task,
    'agent/agent.mjs': agent
  })
}

const cliEnv = {
  'INPUT_GITHUB-TOKEN': TOKEN,
  GITHUB_TOKEN: ENV_TOKEN,
  OPENAI_API_KEY: KEY,
  EVALGATE_TEST_MARKER: MARKER
}

function dump(dir: string, workflow: string): { env: Record<string, string>; parent: string; parentEntries: string[] } {
  return JSON.parse(readFileSync(join(dir, 'agent', `dump-${workflow}.json`), 'utf8'))
}

describe('a command agent run by the CLI', () => {
  it("sees neither the token nor the model key, in its environment or in evalgate's /proc/<pid>/environ", async () => {
    const dir = project()
    const run = await runCli(['run', '--workflow', 'plain'], dir, cliEnv)
    expect(run.stderr).not.toContain('warning')
    expect(run.code).toBe(0)

    const seen = dump(dir, 'plain')
    const text = JSON.stringify(seen)
    for (const secret of [TOKEN, ENV_TOKEN, KEY]) expect(text).not.toContain(secret)
    expect(seen.env['INPUT_GITHUB-TOKEN']).toBeUndefined()
    expect(seen.env.GITHUB_TOKEN).toBeUndefined()
    expect(seen.env.OPENAI_API_KEY).toBeUndefined()
    // The environment is passed otherwise, and the parent's block was readable: it is empty, not hidden.
    expect(seen.env.EVALGATE_TEST_MARKER).toBe(MARKER)
    expect(seen.env.EVALGATE_TOOLS_URL).toMatch(/^http:\/\/127\.0\.0\.1:/)
    expect(seen.parent).not.toMatch(/^unreadable/)
    expect(seen.parent.length).toBeGreaterThan(0)
    expect(seen.parentEntries).toEqual([])
  })

  it('gets the model key when its manifest names it in env: ${OPENAI_API_KEY}', async () => {
    const dir = project()
    const run = await runCli(['run', '--workflow', 'keyed'], dir, cliEnv)
    expect(run.code).toBe(0)
    const seen = dump(dir, 'keyed')
    expect(seen.env.OPENAI_API_KEY).toBe(KEY)
    expect(seen.env.MODE).toBe('strict')
    expect(JSON.stringify(seen)).not.toContain(TOKEN)
    expect(seen.parentEntries).toEqual([])
    // What evalgate writes never holds the key, even though the agent was given it.
    const written = readFileSync(join(dir, 'evalgate-report', 'report.json'), 'utf8')
    expect(written).not.toContain(KEY)
  })

  it('a manifest env entry naming a variable no agent gets is a problem at its line', async () => {
    const dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'golden-tasks/wf/workflow.yml': manifest('wf', ['TOKEN: "${GITHUB_TOKEN}"', 'INPUT: "x-$INPUT_GITHUB"']),
      'golden-tasks/wf/t.yaml': task,
      'agent/agent.mjs': agent
    })
    const run = await runCli(['validate'], dir, cliEnv)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'golden-tasks/wf/workflow.yml:7: agent.env.TOKEN names GITHUB_TOKEN, which evalgate never passes to an agent'
    )
    expect(run.stderr).toContain('golden-tasks/wf/workflow.yml:8: agent.env.INPUT names INPUT_GITHUB')
    expect(run.stderr).not.toContain(ENV_TOKEN)
  })
})
