import { sealEnvironment } from '../util/seal-environment.js'
import { main } from './main.js'

sealEnvironment()
process.exitCode = await main(process.argv.slice(2))
