// Issue 10, row 2: a secret at character ~190 of an answer that is not JSON. The reason quotes the
// first 200 characters of the answer; cut first and scrubbed after, half the secret would stay.
// Scrubbed first, no part of it reaches any file the run writes, nor the CLI's output.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

const KEY = 'sk-Row2DefaultKeyQwErTyUiOpAsDfGhJkLzXcVb'
const JUDGE_KEY = 'jk-Row2JudgeKeyMnBvCxZlKjHgFdSaPoIuYtReWq'
const HEADER = 'hv-Row2HeaderValueZaQxSwCdEvFrBgTnHyMjUk'

// Prints `offset` characters, then the secret the task names, then more text: not JSON, exit 0.
// The same on stderr, past its 8 KB tail's start, so that the tail's cut falls inside the secret.
const AGENT = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const { input } = JSON.parse(raw)
  const secret = process.env[input.secret]
  process.stderr.write('e'.repeat(20000 - input.offset) + secret + 'e'.repeat(8192 - 10) + '\\n')
  process.stdout.write('a'.repeat(input.offset) + secret + ' and then some more words that are not JSON either\\n')
})
`

const MANIFEST = [
  'name: wf',
  'permissions: {}',
  'judge:',
  '  model: gpt-4o-mini',
  '  base_url: "https://judge.invalid/v1"',
  '  api_key_env: ROW2_JUDGE_KEY',
  '  headers: { x-tenant: "${ROW2_HEADER}" }',
  'agent:',
  '  type: command',
  `  command: ["${process.execPath}", "agent.mjs"]`,
  '  env: { K: "${OPENAI_API_KEY}", J: "${ROW2_JUDGE_KEY}", H: "${ROW2_HEADER}" }',
  ''
].join('\n')

const OFFSETS = [170, 185, 190, 195, 199, 205]

function tasks(): string {
  return ['K', 'J', 'H']
    .flatMap((secret) =>
      OFFSETS.map((offset) =>
        [
          `- id: t-${secret}-${offset}`,
          '  tier: T1',
          '  risk: low',
          `  input: { secret: ${secret}, offset: ${offset} }`,
          '  expected: { label: ok }'
        ].join('\n')
      )
    )
    .join('\n')
}

function pieces(secret: string, length = 8): string[] {
  return Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length))
}

describe('row 2: a secret where a preview is cut', () => {
  it('leaves no part of it in report.json, summary.md, junit.xml, report.html, traces.jsonl or the output', async () => {
    const dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 0.5 }\n',
      'golden-tasks/wf/workflow.yml': MANIFEST,
      'golden-tasks/wf/agent.mjs': AGENT,
      'golden-tasks/wf/tasks.yaml': tasks() + '\n'
    })
    const result = await runCli(['run', '--repeat', '1'], dir, {
      OPENAI_API_KEY: KEY,
      ROW2_JUDGE_KEY: JUDGE_KEY,
      ROW2_HEADER: HEADER
    })
    expect(result.stderr).not.toContain('internal error')
    expect(result.code).toBe(1)
    const out = join(dir, 'evalgate-report')
    const names = readdirSync(out).sort()
    expect(names).toEqual(
      expect.arrayContaining(['junit.xml', 'report.html', 'report.json', 'summary.md', 'traces.jsonl'])
    )
    // The preview is there, cut where the secret would have been.
    const report = readFileSync(join(out, 'report.json'), 'utf8')
    expect(report).toContain('agent output was not JSON: aaaa')
    expect(report).toContain('***')

    const places: [string, string][] = [
      ['stdout', result.stdout],
      ['stderr', result.stderr],
      ...names.map((n): [string, string] => [n, readFileSync(join(out, n), 'utf8')])
    ]
    const leaks = places.flatMap(([where, text]) =>
      [KEY, JUDGE_KEY, HEADER].flatMap((s) =>
        pieces(s)
          .filter((p) => text.includes(p))
          .map((p) => `${p} in ${where}`)
      )
    )
    expect(leaks).toEqual([])
  })
})
