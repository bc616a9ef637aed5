import { describe, expect, it } from '@jest/globals'
import { failureLine } from '../../src/util/failure-line.js'

// What Node 20 prints for an uncaught error that carries fields of its own.
const NODE_CRASH = `file:///work/agent.mjs:3
throw err
^

TypeError: the model client was not configured
    at file:///work/agent.mjs:2:13
    at ModuleJob.run (node:internal/modules/esm/module_job:195:25) {
  code: 'NO_CLIENT'
}

Node.js v20.20.2
`

const PYTHON_CRASH = `Traceback (most recent call last):
  File "/work/agent.py", line 4, in <module>
    json.loads("not json")
json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/work/agent.py", line 6, in <module>
    raise RuntimeError("could not read the model's reply") from err
RuntimeError: could not read the model's reply
`

describe('failureLine', () => {
  it("names a Node crash by its error's line, not Node's version or the stack", () => {
    expect(failureLine(NODE_CRASH)).toBe('TypeError: the model client was not configured')
  })

  it('takes the last error of a Python traceback', () => {
    expect(failureLine(PYTHON_CRASH)).toBe("RuntimeError: could not read the model's reply")
  })

  it("reads Node's error codes and dotted names as errors", () => {
    expect(failureLine("Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/x.mjs'\n    at y\n")).toBe(
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/x.mjs'"
    )
    expect(failureLine('starting\njava.io.IOException: disk full\nshutting down\n')).toBe(
      'java.io.IOException: disk full'
    )
  })

  it('without an error line, takes the last line that is not noise', () => {
    expect(failureLine('connecting\nerror: model quota exceeded\n\n')).toBe('error: model quota exceeded')
    const thrownString =
      "[eval]:1\nthrow 'boom'\n^\nboom\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n\nNode.js v20.20.2\n"
    expect(failureLine(thrownString)).toBe('boom')
    // A line of the program's own that starts with "at" is no stack frame.
    expect(failureLine('at least one order was missing\n')).toBe('at least one order was missing')
  })

  it('is empty for nothing said, and shortens a long line', () => {
    expect(failureLine('')).toBe('')
    expect(failureLine('\n  \nNode.js v20.20.2\n')).toBe('')
    expect(failureLine(`Error: ${'x'.repeat(1000)}`)).toBe(`Error: ${'x'.repeat(293)}...`)
  })
})
