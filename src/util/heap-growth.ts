// A run keeps little alive (tens of MB at 100,000 tasks, issue 16), but V8 by default lets the
// heap grow to several times its live set before a full collection: that garbage, not the data,
// was most of the peak RSS. A growth factor of 1.3 keeps the peak near the live set, for a few
// more full collections. Set once per process, as a run starts; a V8 flag, so it applies to the
// whole process (an in-process openai agent too).
import { setFlagsFromString } from 'node:v8'

const HEAP_GROWING_PERCENT = 30
let set = false

export function keepHeapGrowthSmall(): void {
  if (set) return
  set = true
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
