import { sealEnvironment } from '../util/seal-environment.js'
import { exitOnStopSignals } from '../util/stop-signals.js'
import { run } from './main.js'

sealEnvironment()
// A cancelled job gets SIGINT, then SIGTERM: agents are killed and no report is left behind.
exitOnStopSignals()
await run()
