import { registerHostSecrets } from '../llm/endpoint.js'
import { scrubStandardStreams } from '../util/scrub-output.js'
import { sealEnvironment } from '../util/seal-environment.js'
import { exitOnStopSignals } from '../util/stop-signals.js'
import { scrubJobSummary } from './job-summary.js'

/** What the action's process does before it runs: in dist/index.js and in a local run alike. */
export function setUpProcess(): void {
  sealEnvironment()
  // A cancelled job gets SIGINT, then SIGTERM: agents are killed and no report is left behind.
  exitOnStopSignals()
  registerHostSecrets()
  scrubStandardStreams()
  scrubJobSummary()
}
