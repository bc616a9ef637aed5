// The Python parts of examples/tau-retail on the slice (test/fixtures/tau-slice): the tools backend's
// protocol, the converter's output and bad input, the perturbations and the reward rule.
import { describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SLICE, jsonLines, python, type Trajectory } from './tau-python.js'

const tmp = () => mkdtempSync(join(tmpdir(), 'evalgate-tau-'))
const backend = (lines: unknown[]) =>
  python('backend.py', ['--tau', SLICE], lines.map((l) => JSON.stringify(l)).join('\n') + '\n')

describe('backend.py', () => {
  it('answers reset, call and state in order over the checkout’s own tools and data', () => {
    const res = backend([
      { op: 'reset', state: null },
      { op: 'call', tool: 'get_order_details', args: { order_id: '#S1001' } },
      { op: 'call', tool: 'cancel_pending_order', args: { order_id: '#S1001', reason: 'no longer needed' } },
      { op: 'call', tool: 'cancel_pending_order', args: { order_id: '#S1001', reason: 'no longer needed' } },
      { op: 'call', tool: 'transfer_to_human_agents', args: { summary: 'x' } },
      { op: 'state' }
    ])
    expect(res.code).toBe(0)
    const [reset, read, cancel, again, transfer, state] = jsonLines<Record<string, any>>(res.stdout)
    expect(reset).toEqual({ ok: true })
    expect(read.result.status).toBe('pending')
    expect(cancel.result.status).toBe('cancelled')
    expect(again).toEqual({ error: 'Error: the order is cancelled, only a pending order can be cancelled' })
    expect(transfer).toEqual({ result: 'Transferred: a human agent takes over' })
    expect(state.state.orders['#S1001'].cancel_reason).toBe('no longer needed')
  })

  it('starts from fresh data on every reset, or from the state given', () => {
    const res = backend([
      { op: 'reset', state: null },
      { op: 'call', tool: 'cancel_pending_order', args: { order_id: '#S1001', reason: 'no longer needed' } },
      { op: 'reset', state: null },
      { op: 'call', tool: 'get_order_details', args: { order_id: '#S1001' } },
      { op: 'reset', state: { orders: {}, users: {}, products: {} } },
      { op: 'call', tool: 'get_order_details', args: { order_id: '#S1001' } },
      { op: 'state' }
    ])
    const answers = jsonLines<Record<string, any>>(res.stdout)
    expect(answers[3].result.status).toBe('pending')
    expect(answers[5]).toEqual({ error: 'Error: no such order' })
    expect(answers[6]).toEqual({ state: { orders: {}, users: {}, products: {} } })
  })

  it('answers a wrong call, an unknown tool, an unknown op and a line that is not JSON with an error, and goes on', () => {
    const res = python(
      'backend.py',
      ['--tau', SLICE],
      [
        JSON.stringify({ op: 'call', tool: 'get_order_details', args: { order: '#S1001' } }),
        JSON.stringify({ op: 'call', tool: 'no_such_tool', args: {} }),
        JSON.stringify({ op: 'call', tool: 'get_order_details', args: ['#S1001'] }),
        JSON.stringify({ op: 'launch' }),
        'not json',
        JSON.stringify({ op: 'call', tool: 'get_user_details', args: { user_id: 'dara_ng_1004' } })
      ].join('\n')
    )
    const answers = jsonLines<Record<string, any>>(res.stdout)
    expect(answers[0].error).toMatch(/^Error: .*unexpected keyword argument 'order'/)
    expect(answers[1]).toEqual({ error: 'Unknown action no_such_tool' })
    expect(answers[2]).toEqual({ error: 'arguments of get_order_details must be a JSON object' })
    expect(answers[3].error).toContain("unknown op: 'launch'")
    expect(answers[4].error).toContain('request is not JSON')
    expect(answers[5].result.user_id).toBe('dara_ng_1004')
  })

  it('will not start on a folder that is not a checkout', () => {
    const res = python('backend.py', ['--tau', tmp()], '')
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/is not a tau-bench checkout: tau_bench\/envs\/retail\/ not found/)
  })
})

describe('convert.py', () => {
  const convert = () => {
    const out = tmp()
    const res = python('convert.py', [SLICE, out])
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    const wf = join(out, 'golden-tasks', 'tau_retail')
    return {
      out,
      res,
      workflow: readFileSync(join(wf, 'workflow.yml'), 'utf8'),
      tools: JSON.parse(readFileSync(join(wf, 'tools.json'), 'utf8')) as { function: { name: string } }[],
      tasks: jsonLines<Record<string, any>>(readFileSync(join(wf, 'tasks', 'test.jsonl'), 'utf8'))
    }
  }

  it('classifies each tool as a read or a write from its code, and writes its schema', () => {
    const { workflow, tools, res, out } = convert()
    expect(res.stdout).toContain('10 tasks (T1 5, T2 2, T3 3), 7 tools (4 write:')
    expect(workflow).toMatch(/cancel_pending_order: +\{ scope: write, risk: high, approval: none \}/)
    expect(workflow).toMatch(/modify_pending_order_address: +\{ scope: write, risk: medium, approval: none \}/)
    expect(workflow).toMatch(/get_order_details: +\{ scope: read, risk: low, approval: none \}/)
    expect(workflow).toMatch(/transfer_to_human_agents: +\{ scope: read, risk: low, approval: none \}/)
    expect(workflow).toContain(
      'redact_ignore: [item_id, item_ids, new_item_ids, order_id, payment_method_id, product_id, user_id]'
    )
    // Relative to the workflow folder when both are under one top folder, else absolute: either way it names the slice.
    const tau = /"--tau", "([^"]+)"/.exec(workflow)?.[1] ?? ''
    expect(resolve(join(out, 'golden-tasks', 'tau_retail'), tau)).toBe(SLICE)
    expect(tools.map((t) => t.function.name)).toHaveLength(7)
    expect(readFileSync(join(out, 'thresholds.yml'), 'utf8')).toContain('T1: 0.80')
  })

  it('makes the gold actions the end state does not need optional, list arguments unordered', () => {
    const { tasks } = convert()
    const [cancel, , both, ret, question, refused, , twice, items] = tasks
    expect(cancel).toMatchObject({ id: 'retail-test-000', tier: 'T1', risk: 'high' })
    expect(cancel.input).toEqual({
      instruction: expect.stringContaining('Cancel your pending t-shirt order'),
      user_id: 'ana_lima_1001'
    })
    expect(cancel.expected).toEqual({
      actions: [
        { tool: 'get_user_details', args: { user_id: 'ana_lima_1001' }, optional: true },
        { tool: 'get_order_details', args: { order_id: '#S1001' }, optional: true },
        { tool: 'cancel_pending_order', args: { order_id: '#S1001', reason: 'no longer needed' } }
      ],
      actions_match: 'superset',
      state_equals_replay: true
    })
    expect(both.expected.actions.map((a: { optional?: boolean }) => a.optional ?? false)).toEqual([true, false, false])
    expect(ret.expected.message_contains).toEqual(['59.0'])
    expect(question).toMatchObject({ tier: 'T3', risk: 'low' })
    // A write the tool refuses changes nothing: the task is T3 and the refused cancel optional.
    expect(refused.tier).toBe('T3')
    expect(refused.expected.actions[1]).toMatchObject({ tool: 'cancel_pending_order', optional: true })
    // The first of two address changes is overwritten by the second: only the second is needed.
    expect(twice).toMatchObject({ tier: 'T2', risk: 'medium' })
    expect(twice.expected.actions.map((a: { optional?: boolean }) => a.optional ?? false)).toEqual([true, false])
    expect(items.expected.actions[1].unordered).toEqual(['item_ids', 'new_item_ids'])
  })

  it('says when the checkout is missing, is not one, lacks the split, or its tasks file does not load', () => {
    const out = join(tmp(), 'out')
    const missing = python('convert.py', ['/nonexistent/tau-bench', out])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe('convert.py: tau-bench checkout not found: /nonexistent/tau-bench\n')
    const empty = tmp()
    const notOne = python('convert.py', [empty, out])
    expect(notOne.stderr).toBe(`convert.py: ${empty} is not a tau-bench checkout: tau_bench/envs/retail/ not found\n`)
    const split = python('convert.py', [SLICE, out, '--split', 'train'])
    expect(split.stderr).toContain("has no task file for split 'train' (tau_bench/envs/retail/tasks_train.py)")

    const broken = tmp()
    cpSync(SLICE, broken, { recursive: true })
    const tasksFile = join(broken, 'tau_bench/envs/retail/tasks_test.py')
    const lines = readFileSync(tasksFile, 'utf8').split('\n')
    writeFileSync(tasksFile, [lines[0], 'def broken(:', ...lines.slice(1)].join('\n'))
    const syntax = python('convert.py', [broken, out])
    expect(syntax.code).toBe(2)
    expect(syntax.stderr).toMatch(/^convert\.py: .*tasks_test\.py:2: does not load: SyntaxError: /)
    writeFileSync(tasksFile, [lines[0], 'this is not python', ...lines.slice(1)].join('\n'))
    const runtime = python('convert.py', [broken, out])
    expect(runtime.stderr).toMatch(/tasks_test\.py:2: does not load: NameError: name 'this' is not defined\n$/)

    writeFileSync(
      tasksFile,
      'from tau_bench.types import Task, Action\nTASKS_TEST = [Task(user_id=1, actions=[], instruction="x", outputs=[])]\n'
    )
    const shape = python('convert.py', [broken, out])
    expect(shape.stderr).toMatch(/tasks_test\.py: task 0: user_id must be a string\n$/)
    writeFileSync(tasksFile, 'TASKS_TEST = [1, 2]\n')
    const noList = python('convert.py', [broken, out])
    expect(noList.stderr).toMatch(/expected one list of Task\(\.\.\.\) \(e\.g\. TASKS_TEST\), found: none\n$/)
    writeFileSync(
      tasksFile,
      'from tau_bench.types import Task, Action\nTASKS_TEST = [Task(user_id="u", actions=[Action(name="launch_rocket", kwargs={})], instruction="x", outputs=[])]\n'
    )
    const unknownTool = python('convert.py', [broken, out])
    expect(unknownTool.stderr).toBe("convert.py: task 0: gold action 0 calls an unknown tool 'launch_rocket'\n")
    expect(existsSync(out)).toBe(false)
  })
})

describe('perturb.py and reward.py', () => {
  it('makes gold and perturbed trajectories, which the reward rule scores as tau-bench does', () => {
    const res = python('perturb.py', ['--tau', SLICE])
    expect(res.code).toBe(0)
    const trajectories = jsonLines<Trajectory>(res.stdout)
    const dir = tmp()
    writeFileSync(join(dir, 't.jsonl'), res.stdout)
    const rewards = jsonLines<{ task_id: string; kind: string; reward: number }>(
      python('reward.py', ['--tau', SLICE, join(dir, 't.jsonl')]).stdout
    )
    const byCase = new Map(rewards.map((r) => [`${r.task_id} ${r.kind}`, r.reward]))
    // Every gold trajectory earns the reward; every dropped write loses it.
    for (const t of trajectories.filter((t) => t.kind === 'gold')) expect(byCase.get(`${t.task_id} gold`)).toBe(1)
    for (const t of trajectories.filter((t) => t.kind === 'dropped_write'))
      expect(byCase.get(`${t.task_id} dropped_write`)).toBe(0)
    // Order matters: the address change after the item change is refused.
    expect(byCase.get('retail-test-002 swapped_writes')).toBe(0)
    // Two cancels in either order end the same.
    expect(byCase.get('retail-test-006 swapped_writes')).toBe(1)
    // A repeated write the tool refuses changes nothing.
    const repeated = trajectories.find((t) => t.task_id === 'retail-test-000' && t.kind === 'repeated_write')
    expect(repeated?.note).toBe('cancel_pending_order (refused the second time)')
    expect(byCase.get('retail-test-000 repeated_write')).toBe(1)
    // The overwritten address change may be wrong; the answer must hold the outputs.
    expect(byCase.get('retail-test-007 changed_argument')).toBe(1)
    expect(byCase.get('retail-test-003 wrong_answer')).toBe(0)
    // Nothing happens after the transfer: the extra write goes before it.
    const extra = trajectories.find((t) => t.task_id === 'retail-test-005' && t.kind === 'extra_write')
    expect(extra?.actions.map((a) => a.name).slice(-3)).toEqual([
      'cancel_pending_order',
      'respond',
      'transfer_to_human_agents'
    ])
    expect(byCase.get('retail-test-005 extra_write')).toBe(0)
  })

  it('stops the episode at a transfer, as tau-bench does', () => {
    const dir = tmp()
    const cancel = { name: 'cancel_pending_order', kwargs: { order_id: '#S1001', reason: 'no longer needed' } }
    const transfer = { name: 'transfer_to_human_agents', kwargs: { summary: 'x' } }
    const lines = [
      { task_id: 'a', index: 0, kind: 'after', actions: [transfer, cancel] },
      { task_id: 'b', index: 0, kind: 'before', actions: [cancel, transfer] }
    ]
    writeFileSync(join(dir, 't.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'))
    const rewards = jsonLines<{ reward: number }>(python('reward.py', ['--tau', SLICE, join(dir, 't.jsonl')]).stdout)
    expect(rewards.map((r) => r.reward)).toEqual([0, 1])
  })

  it('refuses an unknown kind', () => {
    const res = python('perturb.py', ['--tau', SLICE, '--kinds', 'gold,typo'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('perturb.py: unknown kind typo')
  })
})
