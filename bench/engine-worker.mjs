// A worker thread of the `decision` benchmark: runs whole gates in-process with the engine
// bundled from src/run/evaluate.ts (workerData.bundle) and answers each job when its report
// files are written.
import { parentPort, workerData } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'

const { evaluate } = await import(pathToFileURL(workerData.bundle).href)

parentPort.on('message', ({ id, options }) => {
  evaluate(options).then(
    () => parentPort.postMessage({ id }),
    (err) => parentPort.postMessage({ id, error: String(err?.message ?? err), inputError: err?.name === 'InputError' })
  )
})
parentPort.postMessage({ ready: true })
