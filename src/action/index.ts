import { registerHostSecrets } from '../llm/endpoint.js'
import { scrubStandardStreams } from '../util/scrub-output.js'
import { sealEnvironment } from '../util/seal-environment.js'
import { run } from './main.js'
import { scrubJobSummary } from './job-summary.js'

sealEnvironment()
registerHostSecrets()
scrubStandardStreams()
scrubJobSummary()
await run()
