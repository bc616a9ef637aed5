// Runs the bundled action (dist/index.js) as a runner does: event payload file, GITHUB_* and
// INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the workspace as cwd.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot, runNode } from '../helpers/project.js'

export const OWNER_REPO = 'acme/shop'
export const SERVER_URL = 'https://github.example'
export const RUN_ID = '4242'
export const RUN_URL = `${SERVER_URL}/${OWNER_REPO}/actions/runs/${RUN_ID}`

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunOptions {
  cwd: string
  apiUrl: string
  event: string
  payload: unknown
  inputs?: Record<string, string>
  sha?: string
  env?: Record<string, string | undefined>
  /** The action's entry file (default dist/index.js; test/helpers/source-bundle.ts bundles the sources). */
  entry?: string
}

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'evalgate-runner-'))
  const eventPath = join(scratch, 'event.json')
  const outputPath = join(scratch, 'output')
  const summaryPath = join(scratch, 'summary')
  writeFileSync(eventPath, JSON.stringify(opts.payload))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const inputs = { 'github-token': 'ghs_faketoken0123456789', ...opts.inputs }
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(INPUT_|GITHUB_|RUNNER_)|proxy$|^OPENAI_/i.test(key)) continue
    env[key] = value
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: OWNER_REPO,
    GITHUB_SHA: opts.sha ?? 'f'.repeat(40),
    GITHUB_WORKSPACE: opts.cwd,
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: SERVER_URL,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    NO_PROXY: '127.0.0.1,localhost'
  })
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  for (const [key, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }
  const { code, stdout, stderr } = await runNode([opts.entry ?? join(repoRoot, 'dist', 'index.js')], opts.cwd, env)
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : ''
  }
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as @actions/core writes them. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(pattern)) outputs[m[1]] = m[3]
  return outputs
}
