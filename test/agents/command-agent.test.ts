import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ToolSandbox } from '../../src/sandbox/index.js'
import { makeTask } from '../helpers/model.js'
import { FIXTURE_AGENTS, ORDER, node, runWith, waitUntilDead } from './run-helpers.js'

let sandbox: ToolSandbox
beforeAll(async () => {
  sandbox = await ToolSandbox.start()
})
afterAll(async () => {
  await sandbox.stop()
})

describe('command agent', () => {
  it('runs a good agent that calls a tool through EVALGATE_TOOLS_URL', async () => {
    const run = await runWith(sandbox, node('good.mjs'))
    expect(run.infra_error).toBeUndefined()
    expect(run.agent_error).toBeUndefined()
    expect(run.answer).toEqual({
      label: 'refund_approved',
      result: {
        order: ORDER,
        task_id: 't-001',
        tools: ['lookup_order', 'send_email', 'issue_refund', 'request_approval'],
        cwd: FIXTURE_AGENTS.replace(/\/$/, '')
      },
      escalated: false,
      message: 'looked up A-1'
    })
    expect(run.tool_calls).toEqual([
      {
        seq: 1,
        tool: 'lookup_order',
        args: { order_id: 'A-1' },
        result: ORDER,
        started_at: expect.any(String),
        latency_ms: expect.any(Number),
        allowed: true
      }
    ])
    expect(run.model_calls).toEqual([])
    expect(run.duration_ms).toBeGreaterThan(0)
  })

  it('sends the payload on stdin with tool schemas and the agent env', async () => {
    const run = await runWith(
      sandbox,
      { type: 'command', command: [process.execPath, 'echo-payload.mjs'], env: { AGENT_SETTING: 'strict' } },
      {
        workflow: {
          tool_schemas: [
            {
              name: 'lookup_order',
              description: 'Find an order',
              parameters: { type: 'object', properties: { order_id: { type: 'string' } } }
            }
          ]
        }
      }
    )
    const result = run.answer?.result as { payload: any; env: string }
    expect(result.env).toBe('strict')
    expect(result.payload).toMatchObject({
      task_id: 't-001',
      workflow: 'refund_request_v2',
      input: { order_id: 'A-1', message: 'please refund my order' }
    })
    expect(result.payload.tools_url).toBeUndefined()
    expect(result.payload.tools[0]).toEqual({
      name: 'lookup_order',
      scope: 'read',
      risk: 'low',
      approval: 'none',
      description: 'Find an order',
      parameters: { type: 'object', properties: { order_id: { type: 'string' } } }
    })
    expect(result.payload.tools[2]).toEqual({
      name: 'issue_refund',
      scope: 'write',
      risk: 'high',
      approval: 'required'
    })
    expect(result.payload.tools[3]).toMatchObject({
      name: 'request_approval',
      approval: 'none',
      parameters: expect.any(Object)
    })
  })

  it('fails an agent that prints something other than JSON', async () => {
    const run = await runWith(sandbox, node('garbage.mjs'))
    expect(run.agent_error).toBe('agent output was not JSON: I think the refund should be approved!')
    expect(run.error_kind).toBe('bad_output')
    expect(run.raw_output).toBe('I think the refund should be approved!\n')
    expect(run.infra_error).toBeUndefined()
  })

  it('fails an agent that exits with a non-zero code, keeping its stderr', async () => {
    const run = await runWith(sandbox, node('exit-3.mjs'))
    expect(run.agent_error).toBe('agent exited with code 3: error: model quota exceeded')
    expect(run.error_kind).toBe('crash')
    expect(run.stderr).toBe('connecting to the model\nerror: model quota exceeded\n')
  })

  it('names the error of an agent that crashes, not the last line of its stderr', async () => {
    const nodeCrash = await runWith(sandbox, node('crash.mjs'))
    expect(nodeCrash.agent_error).toBe('agent exited with code 1: TypeError: the model client was not configured')
    expect(nodeCrash.error_kind).toBe('crash')
    expect(nodeCrash.stderr).toMatch(/code: 'NO_CLIENT'\n\}\n\nNode\.js v\d+/)
    const pythonCrash = await runWith(sandbox, { type: 'command', command: ['python3', 'crash.py'] })
    expect(pythonCrash.agent_error).toBe("agent exited with code 1: RuntimeError: could not read the model's reply")
    expect(pythonCrash.stderr).toContain('json.decoder.JSONDecodeError: Expecting value')
    expect(pythonCrash.stderr).toMatch(/closing the model client\n$/)
  })

  it('fails an agent killed by a signal', async () => {
    const run = await runWith(sandbox, { type: 'command', command: 'kill -SEGV $$' })
    expect(run.agent_error).toBe('agent was killed by SIGSEGV')
    expect(run.error_kind).toBe('crash')
  })

  it('times out a hanging agent and kills its whole process group', async () => {
    const started = Date.now()
    const run = await runWith(sandbox, node('hang.mjs'), { timeoutMs: 2000 })
    expect(run.infra_error).toBe('agent timed out after 2s')
    expect(run.error_kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(15_000) // bounded, not hung
    const pids = /pids (\d+) (\d+)/.exec(run.stderr ?? '')
    expect(pids).not.toBeNull()
    expect(await waitUntilDead([Number(pids![1]), Number(pids![2])])).toEqual([])
  })

  it('finds the answer on the last JSON line of an agent that logs to stdout', async () => {
    const run = await runWith(sandbox, node('logs-then-json.mjs'))
    expect(run.agent_error).toBeUndefined()
    expect(run.answer).toEqual({ label: 'refund_denied', escalated: false })
  })

  it('copes with an agent that never reads its stdin', async () => {
    const task = makeTask({ input: { order_id: 'A-1', attachment: 'x'.repeat(4 * 1024 * 1024) } })
    const run = await runWith(sandbox, node('no-stdin.mjs'), { task })
    expect(run.agent_error).toBeUndefined()
    expect(run.answer).toEqual({ label: 'refund_denied' })
  })

  it('runs a command string through the shell in the workflow folder', async () => {
    const command = `cat > /dev/null; printf '{"label":"%s","message":"%s"}' "$EVALGATE_TASK_ID" "$(pwd)"`
    const run = await runWith(sandbox, { type: 'command', command })
    expect(run.answer).toEqual({ label: 't-001', message: FIXTURE_AGENTS.replace(/\/$/, '') })
  })

  it('rejects an answer that does not follow the protocol', async () => {
    const run = await runWith(sandbox, node('bad-answer.mjs'))
    expect(run.agent_error).toBe('answer does not follow the protocol: escalated must be a boolean')
    expect(run.error_kind).toBe('bad_answer')
    expect(run.answer).toBeUndefined()
  })

  it('stops an agent whose output passes 10 MB', async () => {
    const run = await runWith(sandbox, node('huge-output.mjs'))
    expect(run.agent_error).toBe('agent output is over 10 MB')
    expect(run.raw_output).toHaveLength(4096)
  })

  it('reports a missing executable as an infrastructure error', async () => {
    const run = await runWith(sandbox, { type: 'command', command: ['/nonexistent/agent-bin', '--flag'] })
    expect(run.infra_error).toBe('could not start agent: spawn /nonexistent/agent-bin ENOENT')
    expect(run.error_kind).toBe('unreachable')
    expect(run.agent_error).toBeUndefined()
  })

  it('reports a command the shell cannot find as an infrastructure error', async () => {
    const run = await runWith(sandbox, { type: 'command', command: 'evalgate-no-such-agent --run' })
    expect(run.infra_error).toMatch(/^could not start agent: .*evalgate-no-such-agent.*not found/)
  })

  it('reports a missing workflow folder as an infrastructure error', async () => {
    const run = await runWith(sandbox, node('good.mjs'), { workflow: { dir: '/nonexistent/workflow' } })
    expect(run.infra_error).toBe('could not start agent: working directory /nonexistent/workflow does not exist')
  })

  it('runs many agents concurrently', async () => {
    const command = `cat > /dev/null; printf '{"label":"%s"}' "$EVALGATE_TASK_ID"`
    const runs = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        runWith(sandbox, { type: 'command', command }, { task: makeTask({ id: `t-${i}` }) })
      )
    )
    expect(runs.map((run) => run.answer?.label)).toEqual(Array.from({ length: 40 }, (_, i) => `t-${i}`))
  })
})
