// The yaml package's reading of a YAML (or JSON) text, for the texts the quick reader declines
// (yaml-fast.ts): loaded only then (read-data-file.ts), as the package is a quarter of what the
// loader's code would otherwise load.
import { LineCounter } from 'yaml'
import { fromYamlNode } from './yaml-located.js'
import type { DataFile, Located } from './located.js'
import type { Problem } from '../util/problems.js'
import { shapeProblemsOf, tooDeepMessage } from './value-limits.js'
import { parseDocuments } from './yaml-documents.js'
import { MAX_FILE_DEPTH } from '../util/value-shape.js'
import { append } from '../util/append.js'
import { yamlMessage } from '../util/yaml-messages.js'

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
