// Runs the Python scripts of examples/tau-retail as a user would (python3 <script> ...).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from '../helpers/project.js'

export const EXAMPLE = join(repoRoot, 'examples', 'tau-retail')
export const SLICE = join(repoRoot, 'test', 'fixtures', 'tau-slice')

export interface PythonResult {
  code: number | null
  stdout: string
  stderr: string
}

export function python(script: string, args: string[], input?: string): PythonResult {
  const res = spawnSync('python3', [join(EXAMPLE, script), ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

export interface Trajectory {
  task_id: string
  index: number
  kind: string
  note?: string
  actions: { name: string; kwargs: Record<string, unknown> }[]
}
