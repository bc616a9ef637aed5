import { sealEnvironment } from '../util/seal-environment.js'
import { exitOnStopSignals } from '../util/stop-signals.js'
import { main } from './main.js'

sealEnvironment()
exitOnStopSignals()
process.exitCode = await main(process.argv.slice(2))
