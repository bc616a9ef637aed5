import { registerHostSecrets } from '../llm/endpoint.js'
import { scrubStandardStreams } from '../util/scrub-output.js'
import { sealEnvironment } from '../util/seal-environment.js'
import { exitOnStopSignals } from '../util/stop-signals.js'
import { main } from './main.js'

sealEnvironment()
exitOnStopSignals()
registerHostSecrets()
scrubStandardStreams()
process.exitCode = await main(process.argv.slice(2))
