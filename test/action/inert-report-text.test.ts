// Issue 10, row 15: agent output and task ids holding an @org/team mention, raw HTML and a
// markdown link, through dist/index.js to the PR comment and the job summary. They are shown as
// inert text: the mention does not notify, the HTML and the link do not render.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { expectNoStackTrace, fakeWithPullRequest } from './fake-setup.js'
import { commandProject, PR, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

const MENTION = '@acme/agent-owners'
const HTML = '<img src=x onerror=alert(1)>'
const LINK = '[click](https://evil.example)'
const IMAGE = '![pixel](https://evil.example/p.png)'

// Answers the task's hostile text as its label (quoted in the reason), or crashes with it on stderr.
const AGENT = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const { input } = JSON.parse(raw)
  if (input.crash) {
    process.stderr.write(input.say + '\\n')
    process.exit(1)
  }
  process.stdout.write(JSON.stringify({ label: input.say, message: input.say }) + '\\n')
})
`

const SAYINGS = [MENTION, HTML, LINK, IMAGE, `ping ${MENTION} ${HTML} ${LINK} &#64;acme/agent-owners`]

function tasks(): string {
  return SAYINGS.flatMap((say, i) =>
    [false, true].map((crash) =>
      [
        `- id: ${JSON.stringify(`t1-${i}-${crash ? 'crash' : 'label'} ${say}`)}`,
        '  tier: T1',
        '  risk: high',
        `  input: { msg: m, say: ${JSON.stringify(say)}, crash: ${crash} }`,
        '  expected: { label: ok }'
      ].join('\n')
    )
  ).join('\n')
}

let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

/** Where a rendered markdown would notify, render HTML or link: the hostile text as written. */
function liveMarkup(text: string): string[] {
  const found: string[] = []
  if (/(^|[^\w\u200b])@acme\b/.test(text)) found.push('a mention of @acme')
  if (/<img/i.test(text)) found.push('an <img> tag')
  if (/(^|[^\\])\[click(\\)?\]\(/.test(text) || /(^|[^\\])\[pixel/.test(text)) found.push('a markdown link or image')
  if (text.includes('&#64;')) found.push('an entity for @')
  return found
}

describe('row 15: agent output and task ids in the PR comment and the job summary', () => {
  it('show mentions, HTML and links as inert text', async () => {
    const dir = commandProject({ 'agent/agent.mjs': AGENT, 'golden-tasks/wf/tasks/t1.yaml': tasks() + '\n' })
    gh = await fakeWithPullRequest(dir)
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: pullRequestPayload(dir),
      inputs: { repeat: '1' }
    })
    expectNoStackTrace(run)
    expect(run.code).toBe(1)
    const comment = gh.state.comments.get(PR)![0].body

    for (const [where, text] of [
      ['comment', comment],
      ['job summary', run.summary]
    ]) {
      // The failed tasks are listed, with the agent's words, so the check below sees them.
      expect(text).toContain('acme/agent-owners')
      expect(text).toContain('img src=x onerror=alert(1)')
      expect(text).toContain('evil.example')
      expect([where, liveMarkup(text)]).toEqual([where, []])
      // What stands instead: a mention with a zero-width space, an escaped tag, escaped brackets.
      expect(text).toContain('@\u200bacme/agent-owners')
      expect(text).toContain('&lt;img src=x onerror=alert(1)>')
      expect(text).toContain('\\[click\\](https://evil.example)')
    }
  })
})
