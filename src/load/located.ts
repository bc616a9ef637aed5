// Values read from user files together with the line of each of their parts, so that a
// problem found anywhere in a value can be reported as `file:line`. A value the yaml package
// read has its lines from its nodes (yaml-located.ts).
import type { Problem } from '../util/problems.js'

export type Path = readonly PropertyKey[]

export interface Located {
  value: unknown
  /** Line (1-based) where the value starts. */
  line: number
  /** Line of the part at `path`, or of its nearest existing parent (a missing key points at its map). */
  lineOf(path: Path): number
  /** Line of the key `key` in the map at `path`. */
  keyLineOf(path: Path, key: string): number
  /** The elements of a list value, each with its own lines. */
  elements(): Located[]
}

/** A value on one line (a JSONL record): every part is on that line. */
export function onOneLine(value: unknown, line: number): Located {
  return {
    value,
    line,
    lineOf: () => line,
    keyLineOf: () => line,
    elements: () => (Array.isArray(value) ? value.map((v) => onOneLine(v, line)) : [])
  }
}

/** What reading a data file gives: its values with their lines, and its problems. */
export interface DataFile {
  /** One value per YAML document, or per JSONL line; empty documents and blank lines are skipped. */
  values: Located[]
  problems: Problem[]
  /** The digest of the bytes read; absent when the file could not be read as text. */
  sha256?: string
  /** Read by the yaml package (the quick reader declined it): reading it again needs the package. */
  slow?: true
}
