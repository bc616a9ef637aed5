// Issue 10, row 1: a crashing command agent that was handed the GitHub token and the model key
// (by name, through its manifest's `env`) prints both on stdout and stderr. Nothing the action
// writes holds either value, whole or in part: not the five artifacts, the PR comment, the job
// summary, the step outputs, the annotations or the log.
import { afterEach, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { errorLines, expectNoStackTrace, fakeWithPullRequest } from './fake-setup.js'
import { commandProject, PR, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

const TOKEN = 'ghs_Row1GithubTokenQwErTyUiOpAsDfGhJkLz'
const KEY = 'sk-Row1ModelKeyMnBvCxZlKjHgFdSaPoIuYtRe'
const TEAMS = 'ghp_Row1TeamsTokenZxCvBnMqWeRtYuIoPaSd'

// Prints what it was handed, on both streams, in a line that also holds JSON-ish noise, then crashes.
const LEAKER = `const { T, K, M } = process.env
process.stdout.write('token=' + T + ' key=' + K + ' teams=' + M + '\\n')
process.stdout.write(JSON.stringify({ message: 'x'.repeat(170) + T + K }) + '\\n')
process.stderr.write('stderr token=' + T + '\\nkey=' + K + ' teams=' + M + '\\n')
process.exit(3)
`

const MANIFEST = [
  'name: wf',
  'inputs: { required: [msg] }',
  'permissions:',
  '  lookup_order: { scope: read, risk: low }',
  'agent:',
  '  type: command',
  `  command: ["${process.execPath}", "../../agent/leak.mjs"]`,
  '  env:',
  '    T: ${MY_GH}',
  '    K: ${MY_KEY}',
  '    M: ${MY_TEAMS}',
  ''
].join('\n')

/** Every substring of `secret` of `length` characters. */
function pieces(secret: string, length = 8): string[] {
  return Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length))
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []
  )
}

let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

describe('row 1: secrets an agent was handed and printed', () => {
  it('appear in no artifact, comment, summary, output, annotation or log line', async () => {
    const dir = commandProject({ 'golden-tasks/wf/workflow.yml': MANIFEST, 'agent/leak.mjs': LEAKER })
    gh = await fakeWithPullRequest(dir)
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: pullRequestPayload(dir),
      inputs: { 'github-token': TOKEN, 'openai-api-key': KEY, 'teams-token': TEAMS },
      env: { MY_GH: TOKEN, MY_KEY: KEY, MY_TEAMS: TEAMS }
    })
    expectNoStackTrace(run)
    expect(run.code).toBe(1)

    const out = join(dir, 'evalgate-report')
    const artifacts = filesUnder(out)
    for (const name of ['report.json', 'summary.md', 'junit.xml', 'report.html', 'traces.jsonl'])
      expect(artifacts.map((f) => f.slice(out.length + 1))).toContain(name)
    // The agent did print them (so the check below is not vacuous), and evalgate saw it.
    const report = readFileSync(join(out, 'report.json'), 'utf8')
    expect(report).toContain('exited with code 3')
    expect(readFileSync(join(out, 'traces.jsonl'), 'utf8')).toContain('stderr token=')

    // `::add-mask::` is the runner's own instruction, consumed by it, never shown.
    const log = (text: string) =>
      text
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n')
    const places: [string, string][] = [
      ['stdout', log(run.stdout)],
      ['stderr', run.stderr],
      ['job summary', run.summary],
      ['outputs', JSON.stringify(run.outputs)],
      ...artifacts.map((f): [string, string] => [f.slice(out.length + 1), readFileSync(f, 'utf8')]),
      ...(gh.state.comments.get(PR) ?? []).map((c): [string, string] => [`comment ${c.id}`, c.body]),
      ...gh.requests.map((r): [string, string] => [`${r.method} ${r.path}`, JSON.stringify(r.body ?? '')])
    ]
    expect(gh.state.comments.get(PR)?.length).toBe(1)
    const leaks = places.flatMap(([where, text]) =>
      [TOKEN, KEY, TEAMS].flatMap((secret) =>
        pieces(secret)
          .filter((p) => text.includes(p))
          .map((p) => `${p} in ${where}`)
      )
    )
    expect(leaks).toEqual([])
  })

  it('appear in no annotation, log line or summary when a problem in the files quotes one', async () => {
    // A mistake in a golden task that quotes the value: the tier holds the model key.
    const task = [
      '- id: t1-x',
      `  tier: "${KEY}"`,
      '  risk: low',
      '  input: { msg: m }',
      '  expected: { label: ok }',
      ''
    ].join('\n')
    const dir = commandProject({ 'golden-tasks/wf/tasks/t1.yaml': task })
    gh = await fakeWithPullRequest(dir)
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: pullRequestPayload(dir),
      inputs: { 'github-token': TOKEN, 'openai-api-key': KEY }
    })
    expectNoStackTrace(run)
    expect(run.code).toBe(1)
    expect(errorLines(run).join('\n')).toContain('t1.yaml')
    expect(errorLines(run).join('\n')).toContain('***')
    const places = [
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      ...gh.requests.map((r) => JSON.stringify(r.body ?? ''))
    ]
    expect(places.flatMap((text) => pieces(KEY).filter((p) => text.includes(p)))).toEqual([])
  })
})
