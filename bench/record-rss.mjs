// Preloaded into a benchmarked run: on exit, writes its peak resident memory (KB) and CPU time (µs) as JSON.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (!process.env.EVALGATE_RSS_FILE) return
  const usage = process.resourceUsage()
  writeFileSync(
    process.env.EVALGATE_RSS_FILE,
    JSON.stringify({ maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime })
  )
})
