// Reads a YAML, JSON or JSONL file into located values, collecting syntax problems with
// their lines instead of throwing.
import path from 'node:path'
import { firstDuplicateKey } from './json-duplicate-keys.js'
import { onOneLine, type DataFile, type Located } from './located.js'
import type { Problem } from '../util/problems.js'
import { shapeProblemsOf } from './value-limits.js'
import { readYamlQuickly } from './yaml-fast.js'
import { MAX_FILE_DEPTH } from '../util/value-shape.js'
import { readUserText } from '../util/read-text.js'
import { append } from '../util/append.js'
import { jsonMessage } from '../util/yaml-messages.js'

export async function readDataFile(absPath: string, file: string): Promise<DataFile> {
  const read = await readUserText(absPath, file)
  if (!read.ok) return { values: [], problems: [read.problem] }
  return { ...(await parseDataText(read.text, absPath, file)), sha256: read.sha256 }
}

/** The text of a file read as its extension says: one value per line of a `.jsonl`, else YAML (JSON included). */
export async function parseDataText(text: string, absPath: string, file: string): Promise<DataFile> {
  return isJsonLines(absPath) ? parseJsonLines(text, file) : parseYaml(text, file)
}

/**
 * The same reading again, at once, of a text this process has read with parseDataText (or one
 * whose reading says the quick reader took it): a line asked for later is looked up in it.
 */
export function parseDataTextAgain(text: string, absPath: string, file: string): DataFile {
  if (isJsonLines(absPath)) return parseJsonLines(text, file)
  const source = withoutBom(text)
  const quick = readYamlQuickly(source, MAX_FILE_DEPTH)
  if (quick) return { values: quick, problems: [] }
  if (!slowReader) throw new Error(`${file} is read again before the yaml package was loaded for it`)
  return slowReader.parseYamlSlowly(source, file)
}

/** A `.jsonl` file: one value per line. */
export function isJsonLines(file: string): boolean {
  return path.extname(file).toLowerCase() === '.jsonl'
}

/**
 * YAML, and JSON through the same parsers (JSON is YAML 1.2), so that both get line numbers: the
 * quick reader where it reads the text as the yaml package does (yaml-fast.ts), else the yaml package.
 */
export async function parseYaml(text: string, file: string): Promise<DataFile> {
  const source = withoutBom(text)
  const quick = readYamlQuickly(source, MAX_FILE_DEPTH)
  // The quick reader declines a value with a shape problem: the yaml package reports it with its line.
  if (quick) return { values: quick, problems: [] }
  return { ...(await loadSlowReader()).parseYamlSlowly(source, file), slow: true }
}

type SlowReader = typeof import('./yaml-slow.js')
let slowReader: SlowReader | undefined

/**
 * The yaml package and what reads with it, loaded the first time a text needs them: a quarter of
 * the loader's code, which a project of quick-read files never uses.
 */
export async function loadSlowReader(): Promise<SlowReader> {
  return (slowReader ??= await import('./yaml-slow.js'))
}

function withoutBom(text: string): string {
  return text.replace(/^\uFEFF/, '')
}

function parseJsonLines(text: string, file: string): DataFile {
  const values: Located[] = []
  const problems: Problem[] = []
  withoutBom(text)
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return
      let located: Located
      try {
        located = onOneLine(JSON.parse(raw), i + 1)
      } catch (err) {
        problems.push({
          file,
          line: i + 1,
          message: `not valid JSON: ${jsonMessage((err as Error).message)}`,
          severity: 'error'
        })
        return
      }
      const duplicate = firstDuplicateKey(raw)
      const shape = shapeProblemsOf(located, file)
      if (duplicate !== undefined) problems.push(duplicateKeyProblem(file, i + 1, duplicate))
      append(problems, shape)
      if (duplicate === undefined && shape.length === 0) values.push(located)
    })
  return { values, problems }
}

function duplicateKeyProblem(file: string, line: number, key: string): Problem {
  return {
    file,
    line,
    message: `Map keys must be unique: "${key.length > 60 ? `${key.slice(0, 57)}...` : key}" is given twice`,
    severity: 'error'
  }
}
