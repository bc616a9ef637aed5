// Shared by the whole-run tests of test/run: the fixture agents copied into a project, and a run
// from source (evaluate, --repeat 1) read back as its report and traces.
import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { evaluate } from '../../src/run/evaluate.js'
import type { CommitSource } from '../../src/model/commit-source.js'
import type { Report, TraceLine } from '../../src/model/types.js'
import { FIXTURE_AGENTS } from '../agents/run-helpers.js'

/** `agents/<name>` for each fixture agent script, as project files. */
export function fixtureAgentFiles(scripts: readonly string[]): Record<string, string> {
  return Object.fromEntries(scripts.map((name) => [`agents/${name}`, readFileSync(join(FIXTURE_AGENTS, name), 'utf8')]))
}

export async function runOnce(dir: string): Promise<{ report: Report; traces: TraceLine[]; out: string }> {
  const report = await runProject(dir, 'out', { concurrency: 4 })
  const out = join(dir, 'out')
  const traces = readFileSync(join(out, 'traces.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TraceLine)
  return { report, traces, out }
}

/** One run of the project in `dir` into `dir/<out>` (--repeat 1), judged as on `base` when given; its report.json. */
export async function runProject(
  dir: string,
  out: string,
  { concurrency, base }: { concurrency: number; base?: CommitSource }
): Promise<Report> {
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    await evaluate({
      tasksDir: join(dir, 'golden-tasks'),
      thresholdsFile: join(dir, 'thresholds.yml'),
      outDir: join(dir, out),
      concurrency,
      repeat: 1,
      repoRoot: dir,
      ...(base ? { base } : {})
    })
  } finally {
    stdout.mockRestore()
  }
  return JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8')) as Report
}
