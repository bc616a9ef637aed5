// Reads a YAML, JSON or JSONL file into located values, collecting syntax problems with
// their lines instead of throwing.
import path from 'node:path'
import { LineCounter } from 'yaml'
import { firstDuplicateKey } from './json-duplicate-keys.js'
import { fromYamlNode, onOneLine, type Located } from './located.js'
import type { Problem } from '../util/problems.js'
import { shapeProblemsOf, tooDeepMessage } from './value-limits.js'
import { parseDocuments } from './yaml-documents.js'
import { readYamlQuickly } from './yaml-fast.js'
import { MAX_FILE_DEPTH } from '../util/value-shape.js'
import { append } from '../util/append.js'
import { readUserText } from '../util/read-text.js'
import { jsonMessage, yamlMessage } from '../util/yaml-messages.js'

export interface DataFile {
  /** One value per YAML document, or per JSONL line; empty documents and blank lines are skipped. */
  values: Located[]
  problems: Problem[]
  /** The digest of the bytes read; absent when the file could not be read as text. */
  sha256?: string
}

export async function readDataFile(absPath: string, file: string): Promise<DataFile> {
  const read = await readUserText(absPath, file)
  if (!read.ok) return { values: [], problems: [read.problem] }
  return { ...parseDataText(read.text, absPath, file), sha256: read.sha256 }
}

/** The text of a file read as its extension says: one value per line of a `.jsonl`, else YAML (JSON included). */
export function parseDataText(text: string, absPath: string, file: string): DataFile {
  return isJsonLines(absPath) ? parseJsonLines(text, file) : parseYaml(text, file)
}

/** A `.jsonl` file: one value per line. */
export function isJsonLines(file: string): boolean {
  return path.extname(file).toLowerCase() === '.jsonl'
}

/**
 * YAML, and JSON through the same parsers (JSON is YAML 1.2), so that both get line numbers: the
 * quick reader where it reads the text as the yaml package does (yaml-fast.ts), else the yaml package.
 */
export function parseYaml(text: string, file: string): DataFile {
  const source = text.replace(/^\uFEFF/, '')
  const quick = readYamlQuickly(source, MAX_FILE_DEPTH)
  // The quick reader declines a value with a shape problem: the yaml package reports it with its line.
  return quick ? { values: quick, problems: [] } : parseYamlSlowly(source, file)
}

/** The yaml package's reading of a YAML text: every problem with its line. */
export function parseYamlSlowly(text: string, file: string): DataFile {
  const lines = new LineCounter()
  const parsed = parseDocuments(text, lines, MAX_FILE_DEPTH)
  if ('tooDeep' in parsed) {
    const { line, depth } = parsed.tooDeep
    return { values: [], problems: [{ file, line, message: tooDeepMessage(depth), severity: 'error' }] }
  }
  const values: Located[] = []
  const problems: Problem[] = []
  for (const doc of parsed.docs) {
    for (const error of doc.errors) {
      problems.push({
        file,
        line: lines.linePos(error.pos[0]).line,
        message: `YAML syntax: ${yamlMessage(error.message, error.code)}`,
        severity: 'error'
      })
    }
    for (const warning of doc.warnings) {
      problems.push({
        file,
        line: lines.linePos(warning.pos[0]).line,
        message: `YAML: ${yamlMessage(warning.message, warning.code)}`,
        severity: 'warning'
      })
    }
    if (doc.errors.length > 0 || !doc.contents) continue
    let value: unknown
    try {
      value = doc.toJS({ maxAliasCount: 1000 })
    } catch (err) {
      // Aliases are resolved here: an unknown anchor or an alias bomb.
      problems.push({
        file,
        line: lines.linePos(doc.contents.range?.[0] ?? 0).line,
        // Aliases can nest deeper than the text does: the stack runs out before the depth check.
        message:
          err instanceof RangeError
            ? tooDeepMessage(MAX_FILE_DEPTH)
            : `YAML: ${yamlMessage((err as Error).message, undefined)}`,
        severity: 'error'
      })
      continue
    }
    if (value === null || value === undefined) continue
    const located = fromYamlNode(value, doc.contents, doc, lines)
    const shape = shapeProblemsOf(located, file)
    append(problems, shape)
    if (shape.length === 0) values.push(located)
  }
  return { values, problems }
}

function parseJsonLines(text: string, file: string): DataFile {
  const values: Located[] = []
  const problems: Problem[] = []
  text
    .replace(/^\uFEFF/, '')
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
