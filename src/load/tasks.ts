// Loads the golden tasks of one file: a YAML task or list of tasks (any number of
// documents), a JSON task or list, or a JSONL file of one task per line.
import * as z from 'zod'
import { issueProblems } from './issues.js'
import type { LoadCache } from './load-cache.js'
import { problemList } from './problem-list.js'
import type { Located } from './located.js'
import type { Problem } from '../util/problems.js'
import { isJsonLines, loadSlowReader, parseDataText, parseDataTextAgain } from './read-data-file.js'
import { taskSchema, type LoadedTask } from './task-schema.js'
import { append } from '../util/append.js'
import { readUserText } from '../util/read-text.js'

/** A loaded task with the lines of its parts, for the checks across files. */
export interface LocatedTask {
  task: LoadedTask
  at: Located
}

type TaskData = z.output<typeof taskSchema>

/**
 * What a task file gives by itself, from its bytes alone: each task as the task schema reads it,
 * with its line and where it is among the file's values, and the file's problems. What a load cache
 * keeps (only the shape of the entry is checked when it is read back: it holds what this code wrote).
 */
const taskFileReading = z.object({
  tasks: z.array(
    z.object({
      data: z.custom<TaskData>((v) => typeof v === 'object' && v !== null),
      line: z.number(),
      value: z.number(),
      element: z.number().optional()
    })
  ),
  problems: problemList,
  /** Read by the yaml package: a line asked for is found with it (loaded before the reading is used). */
  slow: z.boolean()
})
type TaskFileReading = z.output<typeof taskFileReading>

export async function loadTaskFile(
  absPath: string,
  file: string,
  workflow: string,
  cache?: LoadCache
): Promise<{ tasks: LocatedTask[]; problems: Problem[] }> {
  const read = await readUserText(absPath, file)
  if (!read.ok) return { tasks: [], problems: [read.problem] }
  const kept = cache && taskFileReading.safeParse(await cache.get('tasks', file, read.sha256))
  let reading: TaskFileReading
  // Each task's place in the file: as read now, or (for a kept reading) found there when asked.
  let places: (i: number) => Located
  let values: Located[] | undefined
  const parsed = () => (values ??= parseDataTextAgain(read.text, absPath, file).values)
  const foundWhenAsked = (i: number) => {
    const { value, element, line } = reading.tasks[i]
    return lazyLocated(() => (element === undefined ? parsed()[value] : elementsOf(parsed(), value)[element]), line)
  }
  if (kept?.success) {
    reading = kept.data
    places = foundWhenAsked
    if (reading.slow) await loadSlowReader()
  } else {
    const fresh = await readTaskFile(read.text, absPath, file)
    reading = fresh.reading
    // A YAML file's values are let go once checked, and found again if a line is asked for (its
    // text is kept anyway); a JSONL file keeps its values, light beside a text of 100,000 lines.
    places = isJsonLines(absPath) ? (i) => fresh.places[i] : foundWhenAsked
    // Kept before the tasks are completed below (the entry holds what the file alone gives).
    await cache?.set('tasks', file, read.sha256, reading)
  }
  const tasks = reading.tasks.map(({ data, line }, i) => ({
    // Object.assign, not a spread: V8 (Node 20) would give each of 100,000 tasks a hidden class of its own.
    task: Object.assign(data, { workflow, source: { file, line } }),
    at: places(i)
  }))
  return { tasks, problems: reading.problems }
}

async function readTaskFile(
  text: string,
  absPath: string,
  file: string
): Promise<{ reading: TaskFileReading; places: Located[] }> {
  const { values, problems, slow } = await parseDataText(text, absPath, file)
  if (values.length === 0 && problems.length === 0) {
    problems.push({ file, message: 'file is empty (no golden tasks)', severity: 'warning' })
  }
  const tasks: TaskFileReading['tasks'] = []
  const places: Located[] = []
  values.forEach((located, value) => {
    const list = Array.isArray(located.value)
    for (const [element, at] of (list ? located.elements() : [located]).entries()) {
      const parsed = taskSchema.safeParse(at.value)
      if (parsed.success) {
        tasks.push({ data: parsed.data, line: at.line, value, element: list ? element : undefined })
        places.push(at)
      } else append(problems, issueProblems(parsed.error.issues, at, file, 'a golden task'))
    }
  })
  return { reading: { tasks, problems, slow: slow === true }, places }
}

const elementLists = new WeakMap<Located, Located[]>()

function elementsOf(values: Located[], index: number): Located[] {
  const list = values[index]
  let elements = elementLists.get(list)
  if (!elements) elementLists.set(list, (elements = list.elements()))
  return elements
}

/** A task's lines, found in its file only when a check asks for one (the file is parsed then, once). */
function lazyLocated(find: () => Located, line: number): Located {
  let found: Located | undefined
  const at = () => (found ??= find())
  return {
    get value() {
      return at().value
    },
    line,
    lineOf: (path) => at().lineOf(path),
    keyLineOf: (path, key) => at().keyLineOf(path, key),
    elements: () => at().elements()
  }
}
