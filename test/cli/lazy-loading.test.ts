// What `evalgate validate` loads (issue 16): never the model SDK, the HTTP client, the HTML
// writer, the GitHub client, OpenTelemetry or the yaml package (the example's files are all
// quick-read), and the yaml package as soon as a file needs it. The bundled CLI runs with a
// module hook that writes down every file it loads.
import { describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cliPath, repoRoot, runNode } from '../helpers/project.js'
import { tempDirs } from '../helpers/temp-dirs.js'

const temp = tempDirs()

/** What a bundled file holds, by the source paths esbuild writes above each module. */
const MARKS = {
  'the openai SDK': '// node_modules/openai/',
  undici: '// node_modules/undici/',
  'the HTML writer': '// src/html/',
  'the GitHub client': '// node_modules/@octokit/',
  OpenTelemetry: '// node_modules/@opentelemetry/',
  'the yaml package': '// node_modules/yaml/'
}

/** The parts (MARKS' names) of the bundle that `validate` loaded in `dir`. */
async function loadedParts(dir: string): Promise<string[]> {
  const hooks = temp('evalgate-hooks-')
  const log = join(hooks, 'loaded.txt')
  writeFileSync(log, '')
  writeFileSync(
    join(hooks, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs'\n` +
      `export async function load(url, context, next) {\n` +
      `  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n')\n` +
      `  return next(url, context)\n}\n`
  )
  writeFileSync(
    join(hooks, 'register.mjs'),
    `import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n`
  )
  const result = await runNode(['--import', join(hooks, 'register.mjs'), cliPath, 'validate', '--no-cache'], dir, {
    ...process.env
  })
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.any(String) })
  const files = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((url) => fileURLToPath(url))
  expect(files).toContain(cliPath)
  const texts = files.filter((f) => f.startsWith(join(repoRoot, 'dist'))).map((f) => readFileSync(f, 'utf8'))
  return Object.entries(MARKS)
    .filter(([, mark]) => texts.some((text) => text.includes(mark)))
    .map(([part]) => part)
}

function exampleCopy(): string {
  const dir = temp('evalgate-lazy-example-')
  for (const part of ['golden-tasks', 'thresholds.yml'])
    cpSync(join(repoRoot, part), join(dir, part), { recursive: true })
  return dir
}

describe('what evalgate validate loads', () => {
  it('on the bundled example: none of the SDK, HTTP client, HTML writer, GitHub client, OpenTelemetry, yaml package', async () => {
    expect(await loadedParts(exampleCopy())).toEqual([])
  }, 30_000)

  it('the yaml package once a task file needs it (an anchor the quick reader declines)', async () => {
    const dir = exampleCopy()
    const tasks = join(dir, 'golden-tasks/refund_request_v2/tasks/approval_bypass')
    const text = readFileSync(join(tasks, 't1-bypass-001.yaml'), 'utf8')
    writeFileSync(
      join(tasks, 't1-bypass-001.yaml'),
      text.replace('tier: T1\n', 'tier: &tier T1\n').replace(/\ntags: \[/, '\nx-tier: *tier\ntags: [')
    )
    expect(await loadedParts(dir)).toEqual(['the yaml package'])
  }, 30_000)
})
