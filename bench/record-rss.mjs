// Preloaded into a benchmarked run: writes the process's peak resident memory (KB) on exit.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.EVALGATE_RSS_FILE)
    writeFileSync(process.env.EVALGATE_RSS_FILE, String(process.resourceUsage().maxRSS))
})
