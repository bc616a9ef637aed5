// Writes a user project to a fresh temp folder for the loader tests.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export interface TempProject {
  root: string
  tasksDir: string
  thresholdsFile: string
  /** A file of the project as problems name it (relative to the current folder). */
  shown(relative: string): string
  write(relative: string, text: string): Promise<void>
}

const made: string[] = []

/** For `afterAll`: removes the folders makeProject created. */
export async function removeProjects(): Promise<void> {
  await Promise.all(made.splice(0).map((root) => rm(root, { recursive: true, force: true })))
}

export async function makeProject(files: Record<string, string>): Promise<TempProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'evalgate-load-'))
  made.push(root)
  const project: TempProject = {
    root,
    tasksDir: path.join(root, 'golden-tasks'),
    thresholdsFile: path.join(root, 'thresholds.yml'),
    shown: (relative) => path.relative(process.cwd(), path.join(root, relative)),
    write: async (relative, text) => {
      const absPath = path.join(root, relative)
      await mkdir(path.dirname(absPath), { recursive: true })
      await writeFile(absPath, text)
    }
  }
  for (const [relative, text] of Object.entries(files)) await project.write(relative, text)
  return project
}

/** Lines joined, so that a test reads its line numbers off the array index + 1. */
export const lines = (...rows: string[]): string => rows.join('\n') + '\n'

export const WF = 'golden-tasks/refund'

export const MANIFEST = lines(
  'name: refund',
  'description: Refund requests',
  'inputs:',
  '  sources: [email]',
  '  required: [customer.id, order_id]',
  'outcomes:',
  '  success: refund issued or refused correctly',
  '  failure: wrong refund',
  'out_of_scope: [legal threats]',
  'permissions:',
  '  lookup_order: { scope: read, risk: low }',
  '  issue_refund: { scope: write, risk: high, approval: required }',
  'agent:',
  '  type: command',
  '  command: [node, agent.js]'
)

export const THRESHOLDS = lines('tiers:', '  T1: 0.9', '  T2: { min_success: 0.8, min_tasks: 5 }')

/** A valid task as YAML lines (no trailing newline), `id` on its first line. */
export function taskYaml(id: string, indent = ''): string[] {
  return [
    `id: ${id}`,
    'tier: T1',
    'risk: high',
    'input: { customer: { id: c1 }, order_id: o1 }',
    'fixtures:',
    '  lookup_order: { status: delivered }',
    'expected:',
    '  label: refund_approved'
  ].map((row, i) => (i === 0 ? row : indent + row))
}
