// A task's custom grader (`expected.grader`), run after the agent answered: a process of its own
// (a `{ module }` through this Node with ./grader-module-loader.ts) in the task's workflow folder
// (on a pull request, the base's copy of it: `grader_dir`), in the environment a command agent
// gets without its manifest's `env`, killed with its process group past `timeout_s`. Input on
// stdin: `{ task, answer, trace: { tool_calls } }` (the calls redacted as in traces.jsonl);
// output on stdout: `{ pass, reasons }`. Whatever else happens is an error the attempt carries.
import path from 'node:path'
import { helperEnvironment } from '../agents/agent-env.js'
import { runInGroup, type GroupProcessEnd } from '../agents/group-process.js'
import { shellCouldNotStart } from '../agents/process-group.js'
import { formatSeconds } from '../agents/outcome.js'
import type { LoadedTask } from '../load/task-schema.js'
import { graderOutputSchema, type GraderVerdict } from '../model/grader-verdict.js'
import type { AgentRun, Workflow } from '../model/types.js'
import type { Redactor } from '../redact/redactor.js'
import { failureLine } from '../util/failure-line.js'
import { preview } from '../util/preview.js'
import { MODULE_LOADER } from './grader-module-loader.js'

const MAX_STDOUT_BYTES = 1024 * 1024
const STDERR_TAIL_CHARS = 2 * 1024
const MAX_REASONS = 20
const REASON_CHARS = 1000
const SHOWN_OUTPUT_CHARS = 200

type GraderConfig = NonNullable<LoadedTask['expected']['grader']>

export async function runGrader(
  task: LoadedTask,
  workflow: Workflow,
  run: AgentRun,
  redact: Redactor
): Promise<GraderVerdict> {
  const config = task.expected.grader!
  const cwd = task.grader_dir ?? workflow.dir
  const { file, args, viaShell } = argvOf(config, cwd)
  const input = {
    task: {
      id: task.id,
      workflow: task.workflow,
      tier: task.tier,
      risk: task.risk,
      input: task.input,
      expected: task.expected
    },
    answer: run.answer ?? null,
    trace: { tool_calls: redact.value(run.tool_calls) }
  }
  const end = await runInGroup({
    file,
    args,
    cwd,
    env: { ...helperEnvironment(workflow), EVALGATE_TASK_ID: task.id },
    stdin: JSON.stringify(input),
    timeoutMs: config.timeout_s * 1000,
    maxStdoutBytes: MAX_STDOUT_BYTES,
    stderrTailChars: STDERR_TAIL_CHARS
  })
  return verdictOf(end, config.timeout_s * 1000, viaShell)
}

function argvOf(config: GraderConfig, cwd: string): { file: string; args: string[]; viaShell: boolean } {
  if ('module' in config) {
    const module = path.resolve(cwd, config.module)
    return { file: process.execPath, args: ['--input-type=module', '-e', MODULE_LOADER, module], viaShell: false }
  }
  if (typeof config.command === 'string') return { file: '/bin/sh', args: ['-c', config.command], viaShell: true }
  const [file, ...args] = config.command
  return { file, args, viaShell: false }
}

function verdictOf(end: GroupProcessEnd, timeoutMs: number, viaShell: boolean): GraderVerdict {
  if (!end.started) return { error: `the grader could not start: ${preview(end.error, REASON_CHARS)}` }
  if (end.stopped === 'timeout') return { error: `the grader timed out after ${formatSeconds(timeoutMs)}` }
  if (end.stopped === 'too_large') return { error: `the grader printed over ${MAX_STDOUT_BYTES / 1024 / 1024} MB` }
  if (end.signal) return { error: `the grader was killed by ${end.signal}` }
  const said = failureLine(end.stderr)
  if (end.code !== 0) {
    if (shellCouldNotStart(viaShell, end.code))
      return { error: `the grader could not start: ${said || `shell exited with code ${end.code}`}` }
    return { error: `the grader exited with code ${end.code}${said ? `: ${said}` : ''}` }
  }
  const stdout = end.stdout.toString('utf8')
  const value = parseJson(stdout.trim()) ?? parseJson(lastLine(stdout))
  if (value === undefined) {
    const shown = stdout.trim() === '' ? 'nothing' : JSON.stringify(preview(stdout.trim(), SHOWN_OUTPUT_CHARS))
    return { error: `the grader printed no JSON verdict (got ${shown})` }
  }
  const parsed = graderOutputSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    return { error: `the grader's verdict is not { pass: boolean, reasons: string[] } (${at}${issue.message})` }
  }
  const reasons = parsed.data.reasons.slice(0, MAX_REASONS).map((reason) => preview(reason, REASON_CHARS))
  const more = parsed.data.reasons.length - reasons.length
  return { pass: parsed.data.pass, reasons: more > 0 ? [...reasons, `and ${more} more`] : reasons }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** A grader may log before its verdict: the verdict is then its last line. */
function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop()!.trim()
}
