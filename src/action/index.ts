import { run } from './main.js'
import { setUpProcess } from './process-setup.js'

setUpProcess()
await run()
