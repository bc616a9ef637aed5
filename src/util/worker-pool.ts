/**
 * Calls `work` on each item, at most `concurrency` at a time, in order. A fixed set of workers
 * pulls the next item, so nothing is queued per item: a run of 100,000 tasks holds no promise
 * per task waiting its turn.
 */
export async function forEachInPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, worker))
}
