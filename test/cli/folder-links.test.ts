// Row 7 of issue 10: discovery never follows a folder link out of the repository or back into
// folders it already read (two links to `..` used to walk the tree until ELOOP, for minutes).
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

const task = (id: string) => `- { id: ${id}, tier: T1, risk: low, input: {}, expected: { label: ok } }\n`

function project(): string {
  return writeProject({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'thresholds.yml': 'tiers: { T1: 0.9 }\n',
    'golden-tasks/wf/workflow.yml': 'name: wf\npermissions: {}\nagent: { type: command, command: [node, a.js] }\n',
    'golden-tasks/wf/t.yaml': task('own'),
    'shared/more/s.yaml': task('shared')
  })
}

describe('folder links in a workflow folder', () => {
  it('two links to .. end fast with a clear problem at each link, exit 2', async () => {
    const dir = project()
    symlinkSync('..', join(dir, 'golden-tasks/wf/up1'))
    symlinkSync('..', join(dir, 'golden-tasks/wf/up2'))
    const started = Date.now()
    const res = await runCli(['validate'], dir)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(res.code).toBe(2)
    const back = (link: string) =>
      `golden-tasks/wf/${link}: the folder link leads back into the task folders (to golden-tasks); links into folders already read are not followed`
    expect(res.stderr.split('\n').filter((l) => l.startsWith('golden-tasks'))).toEqual([back('up1'), back('up2')])
  })

  it('a link out of the repository is a problem, never read; one to a shared folder inside it is followed', async () => {
    const dir = project()
    const outside = mkdtempSync(join(tmpdir(), 'evalgate-outside-'))
    writeFileSync(join(outside, 'x.yaml'), task('outside'))
    symlinkSync(outside, join(dir, 'golden-tasks/wf/elsewhere'))
    symlinkSync('../../shared', join(dir, 'golden-tasks/wf/shared'))
    // Inside the shared folder, a link back to the workflow folder is refused too.
    symlinkSync('../../golden-tasks/wf', join(dir, 'shared/more/loop'))
    const res = await runCli(['validate'], dir)
    expect(res.code).toBe(2)
    expect(res.stderr.split('\n').filter((l) => /^(golden-tasks|shared)/.test(l))).toEqual([
      `golden-tasks/wf/elsewhere: the folder link resolves to ${outside}, outside the repository (${dir}); links are not followed out of the repository`,
      'golden-tasks/wf/shared/more/loop: the folder link leads back into the task folders (to golden-tasks/wf); links into folders already read are not followed'
    ])
  })

  it('the shared tasks load through the link', async () => {
    const dir = project()
    symlinkSync('../../shared', join(dir, 'golden-tasks/wf/shared'))
    const res = await runCli(['validate'], dir)
    expect(res.stdout).toContain('2 tasks')
    expect(res.code).toBe(0)
  })
})
