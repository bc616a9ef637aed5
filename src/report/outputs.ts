// The files `evalgate run` and `evalgate merge` write in --out, one entry each: run and merge
// write them, a run clears them first, the CLI prints them and the action sets its outputs from
// them, all by looping over OUTPUTS. A new format is its writer module and one entry here.
// A run first removes the previous run's files, so that a stopped or failed run never leaves an
// old report beside new traces; each file is written whole or not at all, report.json last, so
// that a finished-looking report.json is always a whole one from a finished run.
import { rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Report } from '../model/types.js'
import { HTML_REPORT_FILE, writeHtmlReport } from '../html/index.js'
import { partialPath, streamAtomically } from '../util/atomic-file.js'
import { prettyJsonPieces } from '../util/json-pieces.js'
import { scrubSecrets } from '../util/secrets.js'
import { junitPieces } from './junit.js'
import { renderSummary } from './summary.js'
import { writeTracesFile } from './traces-file.js'

export interface OutputInput {
  outDir: string
  report: Report
  /** The files traces.jsonl is made of: the run's streamed traces, or those beside each shard report. */
  traceSources: readonly string[]
  /** The outputs already in place, by name (report.html embeds the traces). */
  written: Readonly<Partial<Record<string, string>>>
}

export interface OutputFormat<Name extends string = string> {
  /** Its key among the written paths, and its label in the CLI's list of written files. */
  name: Name
  file: string
  /** Writes `path` whole or not at all; resolves false (only an `optional` one) when there was nothing to write. */
  write(path: string, input: OutputInput): Promise<boolean>
  /** May be absent: a merge of shards that kept no traces writes none. */
  optional?: boolean
  /** The action's step output that holds its path (declared in action.yml). */
  actionOutput?: string
  /** Written after every other file: when it is whole, so are the others. */
  last?: boolean
  /** Streamed while the run goes: after a stop its temporary file stays, and says it is partial. */
  streamed?: boolean
}

export const TRACES_FILE = 'traces.jsonl'
/** Where a run streams its traces until it has finished. */
export const PARTIAL_TRACES = partialPath(TRACES_FILE)

const FORMATS = [
  {
    name: 'report',
    file: 'report.json',
    write: textFile(function* (report) {
      yield* prettyJsonPieces(report)
      yield '\n'
    }),
    actionOutput: 'report',
    last: true
  },
  { name: 'summary', file: 'summary.md', write: textFile((report) => [renderSummary(report)]) },
  {
    name: 'traces',
    file: TRACES_FILE,
    write: (path, { traceSources }) => writeTracesFile(path, traceSources),
    optional: true,
    streamed: true
  },
  {
    name: 'html',
    file: HTML_REPORT_FILE,
    write: async (_, { outDir, report, written }) => {
      await writeHtmlReport(outDir, report, written.traces)
      return true
    }
  },
  { name: 'junit', file: 'junit.xml', write: textFile(junitPieces) }
] as const satisfies readonly OutputFormat[]

export type OutputName = (typeof FORMATS)[number]['name']
type OptionalName = Extract<(typeof FORMATS)[number], { optional: true }>['name']
/** Where each output was written; an optional one with nothing to write is absent. */
export type OutputPaths = Record<Exclude<OutputName, OptionalName>, string> & Partial<Record<OptionalName, string>>

/** Every output, in the order the CLI lists them. */
export const OUTPUTS: readonly OutputFormat<OutputName>[] = FORMATS

/** Pieces of text are gathered up to this many characters per write. */
const WRITE_CHARS = 1 << 16

/**
 * A file rendered from the report as text, piece by piece (a file that grows with the tasks is
 * never one string), each piece scrubbed of secrets on the way out.
 */
function textFile(render: (report: Report) => Iterable<string>): OutputFormat['write'] {
  return async (path, { report }) => {
    await streamAtomically(path, async (sink) => {
      let buffer = ''
      for (const piece of render(report)) {
        buffer += scrubSecrets(piece)
        if (buffer.length < WRITE_CHARS) continue
        await sink.write(buffer)
        buffer = ''
      }
      await sink.write(buffer)
    })
    return true
  }
}

/** Removes every output of an earlier run, finished or not. */
export async function clearOutputs(outDir: string): Promise<void> {
  await Promise.all(
    OUTPUTS.flatMap(({ file }) => [join(outDir, file), partialPath(join(outDir, file))]).map((path) =>
      rm(path, { force: true })
    )
  )
}

/** After a stop: removes what this run wrote but the streamed traces, which say they are partial. */
export function removeUnfinishedSync(outDir: string): void {
  for (const { file, streamed } of OUTPUTS) {
    const path = join(outDir, file)
    for (const name of streamed ? [path] : [path, partialPath(path)]) rmSync(name, { force: true })
  }
}
