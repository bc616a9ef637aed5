// Issue 10, row 19: a file that is not the user's YAML (`--thresholds /etc/passwd`, a binary) is a
// `file:line` problem that quotes nothing of it; bytes that are not UTF-8, in any user file, are a
// `file:line` problem instead of silent U+FFFD characters.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

const MANIFEST = ['name: wf', 'permissions: {}', 'agent:', '  type: command', '  command: [node, agent.mjs]', ''].join(
  '\n'
)
const TASK = ['- id: t1', '  tier: T1', '  risk: low', '  input: { msg: hi }', '  expected: { label: ok }', ''].join(
  '\n'
)

function project(extra: Record<string, string> = {}): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.9 }\n',
    'golden-tasks/wf/workflow.yml': MANIFEST,
    'golden-tasks/wf/tasks.yaml': TASK,
    ...extra
  })
}

/** Every 8-character piece of `text` (its lines, not blank), none of which a message may hold. */
function piecesOf(text: string): string[] {
  const pieces = new Set<string>()
  for (const line of text.split('\n').map((l) => l.trim())) {
    for (let i = 0; i + 8 <= line.length; i++) pieces.add(line.slice(i, i + 8))
  }
  return [...pieces]
}

describe('row 19: files that are not the user YAML', () => {
  it('--thresholds /etc/passwd: names the file and line and quotes none of it', async () => {
    const dir = project()
    const result = await runCli(['validate', '--thresholds', '/etc/passwd'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/etc\/passwd:1: a thresholds file must be a map, got plain text \(not shown/)
    const passwd = readFileSync('/etc/passwd', 'utf8')
    const messages = result.stderr.replace(/\S*etc\/passwd/g, '')
    expect(piecesOf(passwd).filter((p) => messages.includes(p))).toEqual([])
  })

  it('a binary file as thresholds: a file:line problem, nothing of its bytes', async () => {
    const dir = project()
    writeFileSync(join(dir, 'binary.yml'), readFileSync(process.execPath).subarray(0, 4096))
    const result = await runCli(['validate', '--thresholds', 'binary.yml'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^binary\.yml:\d+: not (UTF-8 text|a text file)/m)
    expect(result.stderr).not.toContain('ELF')
  })

  it('NUL bytes: a control character, at its line', async () => {
    const dir = project({ 'golden-tasks/wf/tasks.yaml': TASK + '# note\u0000secret\n' })
    const result = await runCli(['validate'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'golden-tasks/wf/tasks.yaml:6: not a text file: it holds the control character U+0000'
    )
    expect(result.stderr).not.toContain('secret')
  })

  it('YAML and JSON syntax messages quote nothing of the file', async () => {
    const dir = project({
      'golden-tasks/wf/more.yaml':
        TASK.replace('risk: low', 'risk: !SecretTagName low') + '- id: "bad \\qEscapeHere"\n',
      'golden-tasks/wf/lines.jsonl':
        '{"id":"j1","tier":"T1","risk":"low","input":{},"expected":{"label":"ok"}}\nroot:x:0:0:SecretLine\n'
    })
    const result = await runCli(['validate'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('golden-tasks/wf/lines.jsonl:2: not valid JSON: unexpected text')
    expect(result.stderr).toMatch(/golden-tasks\/wf\/more\.yaml:6: YAML syntax: an invalid escape sequence/)
    for (const quoted of ['SecretTagName', 'EscapeHere', 'SecretLine', 'root:x'])
      expect(result.stderr).not.toContain(quoted)
  })
})

describe('row 19: invalid UTF-8 in any user file', () => {
  const invalid = (before: string, after: string) =>
    Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(after)])

  it.each([
    ['thresholds.yml', 'thresholds.yml', 'tiers:\n  T1: 0.9\n# caf', '\n', 3],
    ['a workflow manifest', 'golden-tasks/wf/workflow.yml', MANIFEST + '# ', '\n', 6],
    [
      'a YAML task file',
      'golden-tasks/wf/tasks.yaml',
      TASK.slice(0, TASK.indexOf('hi')),
      TASK.slice(TASK.indexOf('hi')),
      4
    ],
    [
      'a JSONL task file',
      'golden-tasks/wf/tasks.jsonl',
      '{"id":"j1","tier":"T1","risk":"low","input":{},"expected":{"label":"ok"}}\n{"id":"j2","tier":"T1","risk":"low","input":{"m":"',
      '"},"expected":{"label":"ok"}}\n',
      2
    ]
  ])('%s: file:line, exit 2', async (_what, path, before, after, line) => {
    const dir = project()
    writeFileSync(join(dir, path), invalid(before, after))
    const result = await runCli(['validate'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${path}:${line}: not UTF-8 text: byte 0xc3 at offset ${Buffer.byteLength(before)}`)
    expect(result.stderr).not.toContain('\ufffd')
  })

  it("an openai agent's prompt file", async () => {
    const dir = project({
      'golden-tasks/wf/workflow.yml': [
        'name: wf',
        'permissions: {}',
        'agent:',
        '  type: openai',
        '  model: gpt-4o-mini',
        '  prompt: prompt.md',
        '  tools: tools.json',
        ''
      ].join('\n'),
      'golden-tasks/wf/tools.json': '[]\n'
    })
    writeFileSync(join(dir, 'golden-tasks/wf/prompt.md'), invalid('You are\na refund agent. Caf', '\n'))
    const result = await runCli(['validate'], dir, { OPENAI_API_KEY: 'sk-test-key-for-validate' })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('golden-tasks/wf/prompt.md:2: not UTF-8 text')
  })

  it('a baseline report', async () => {
    const dir = project()
    writeFileSync(join(dir, 'baseline.json'), invalid('{\n  "version": 1,\n  "x": "', '"\n}\n'))
    const result = await runCli(['run', '--baseline', 'baseline.json'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('baseline.json:3: not UTF-8 text')
  })
})
