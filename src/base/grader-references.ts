// The files the custom graders of a task file name (`expected.grader`'s module, and the
// arguments of its command), read from the raw (not yet validated) file: relative to the
// workflow folder, so the base snapshot must hold them for the base's graders to run.
import { isJsonLines, parseYaml } from '../load/read-data-file.js'
import { isPlainMap } from '../model/schema-common.js'

/** Best effort: the words that could be paths; a file of the tree or not is for the caller to see. */
export async function graderReferences(content: string, file: string): Promise<string[]> {
  if (!content.includes('grader')) return []
  return (await documents(content, file)).flatMap((value) => (Array.isArray(value) ? value : [value]).flatMap(namedBy))
}

async function documents(content: string, file: string): Promise<unknown[]> {
  if (!isJsonLines(file)) return (await parseYaml(content, file)).values.map((v) => v.value)
  return content.split('\n').flatMap((line) => {
    try {
      return line.trim() === '' ? [] : [JSON.parse(line) as unknown]
    } catch {
      return []
    }
  })
}

function namedBy(task: unknown): string[] {
  const grader = isPlainMap(task) && isPlainMap(task.expected) ? task.expected.grader : undefined
  if (!isPlainMap(grader)) return []
  if (typeof grader.module === 'string') return [grader.module]
  const words = typeof grader.command === 'string' ? grader.command.split(/\s+/) : grader.command
  return Array.isArray(words)
    ? words.filter((w): w is string => typeof w === 'string' && w !== '' && !w.startsWith('-'))
    : []
}
