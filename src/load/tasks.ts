// Loads the golden tasks of one file: a YAML task or list of tasks (any number of
// documents), a JSON task or list, or a JSONL file of one task per line.
import { issueProblems } from './issues.js'
import type { Located } from './located.js'
import type { Problem } from '../util/problems.js'
import { readDataFile } from './read-data-file.js'
import { taskSchema, type LoadedTask } from './task-schema.js'
import { append } from '../util/append.js'

/** A loaded task with the lines of its parts, for the checks across files. */
export interface LocatedTask {
  task: LoadedTask
  at: Located
}

export async function loadTaskFile(
  absPath: string,
  file: string,
  workflow: string
): Promise<{ tasks: LocatedTask[]; problems: Problem[] }> {
  const { values, problems } = await readDataFile(absPath, file)
  if (values.length === 0 && problems.length === 0) {
    problems.push({ file, message: 'file is empty (no golden tasks)', severity: 'warning' })
  }
  const tasks: LocatedTask[] = []
  for (const value of values) {
    for (const at of Array.isArray(value.value) ? value.elements() : [value]) {
      const parsed = taskSchema.safeParse(at.value)
      // Object.assign, not a spread: V8 (Node 20) would give each of 100,000 tasks a hidden class of its own.
      if (parsed.success)
        tasks.push({ task: Object.assign(parsed.data, { workflow, source: { file, line: at.line } }), at })
      else append(problems, issueProblems(parsed.error.issues, at, file, 'a golden task'))
    }
  }
  return { tasks, problems }
}
