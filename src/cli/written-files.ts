import { OUTPUTS, type OutputPaths } from '../report/outputs.js'
import { largest } from '../util/append.js'

const LABEL_WIDTH = largest(OUTPUTS.map((o) => o.name.length)) + 2

/** `report:  out/report.json` and so on, a line per file written, in the order of OUTPUTS. */
export function writtenFiles(paths: OutputPaths): string {
  return OUTPUTS.flatMap((output) => {
    const path: string | undefined = paths[output.name]
    return path === undefined ? [] : [`${`${output.name}:`.padEnd(LABEL_WIDTH)}${path}\n`]
  }).join('')
}
