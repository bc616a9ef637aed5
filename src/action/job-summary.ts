// Every part of the job summary goes through core.summary.addRaw (its other helpers call it
// too), so scrubbing there keeps secrets out of the whole summary, whichever mode wrote it.
import * as core from '@actions/core'
import { scrubSecrets } from '../util/secrets.js'

export function scrubJobSummary(): void {
  const addRaw = core.summary.addRaw.bind(core.summary)
  core.summary.addRaw = (text: string, addEOL?: boolean) => addRaw(scrubSecrets(text), addEOL)
}
