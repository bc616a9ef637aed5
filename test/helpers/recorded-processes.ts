// Agents of the process tests record their pids as files `pids/<role>-<agent pid>-<pid>` of their
// project: which of them still run, and waiting on a run.
import { spawnSync, type ChildProcess } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

export const recorded = (dir: string) => readdirSync(join(dir, 'pids'))
export const pidOf = (file: string) => Number(file.split('-')[2])

/** The recorded processes still running, as `ps` shows them (a zombie is dead, not yet reaped). */
export function running(dir: string): string[] {
  const pids = recorded(dir).map(pidOf)
  const ps = spawnSync('ps', ['-o', 'pid=,stat=,args=', '-p', pids.join(',')], { encoding: 'utf8' })
  return ps.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\d+\s+Z/.test(line))
}

export async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  child.stdout!.resume()
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })))
}
