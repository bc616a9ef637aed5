// The entry of `npm run local-action` (@github/local-action calls its `run`, with the inputs and
// GITHUB_* variables of .env already in process.env): the action as dist/index.js runs it.
import { run as runAction } from './main.js'
import { setUpProcess } from './process-setup.js'

export async function run(): Promise<void> {
  setUpProcess()
  await runAction()
}
