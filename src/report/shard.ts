import { createHash } from 'node:crypto'
import { InputError } from '../util/problems.js'

interface ShardableTask {
  id: string
  workflow: string
  tier: string
}

/**
 * The tasks of shard `index` (0-based) out of `count`. Tasks are ordered by tier and then
 * by a hash of `workflow/id` (so the order of the input does not matter and shards do not
 * follow file layout), then dealt round-robin: shard sizes differ by at most one and
 * every tier is spread evenly over the shards.
 */
export function shardTasks<T extends ShardableTask>(tasks: T[], index: number, count: number): T[] {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`invalid shard ${index} of ${count}`)
  }
  const keyed = tasks.map((task) => {
    const key = `${task.workflow}/${task.id}`
    return { task, key, hash: sha1(key) }
  })
  keyed.sort((a, b) => compare(a.task.tier, b.task.tier) || compare(a.hash, b.hash) || compare(a.key, b.key))
  return keyed.filter((_, position) => position % count === index).map((k) => k.task)
}

/** Identifies the task set a shard was cut from: sha256 of the sorted `workflow/id` list, 16 hex chars. */
export function taskSetHash(tasks: readonly { id: string; workflow: string }[]): string {
  const keys = tasks.map((t) => `${t.workflow}/${t.id}`).sort(compare)
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16)
}

/** `--shard 2/4` (1-based, as users write it) -> { index: 1, count: 4 }. */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!match) throw new InputError(`--shard ${text}: expected I/N, e.g. --shard 1/4`)
  const number = Number(match[1])
  const count = Number(match[2])
  if (count < 1) throw new InputError(`--shard ${text}: the number of shards must be at least 1`)
  if (number < 1 || number > count) {
    throw new InputError(`--shard ${text}: the shard number must be between 1 and ${count}`)
  }
  return { index: number - 1, count }
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
