import { sealEnvironment } from '../util/seal-environment.js'
import { run } from './main.js'

sealEnvironment()
await run()
