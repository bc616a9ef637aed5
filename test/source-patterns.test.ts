// Row 10 of issue 10: a call that spreads a list into its arguments overflows the stack past
// ~100,000 items (a golden set can be larger). None in src/: src/util/append.ts loops instead.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { repoRoot } from './helpers/project.js'

const SPREAD_CALLS = [/\.push\(\s*\.\.\./, /Math\.(max|min)\([^;]*\.\.\./, /fromCharCode\(\s*\.\.\./, /\.apply\(/]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

describe('src/ spreads no list into a call', () => {
  it('has no push(...list), Math.max(...list), Math.min(...list), fromCharCode(...list) or apply()', () => {
    const found: string[] = []
    for (const file of sourceFiles(join(repoRoot, 'src'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim().startsWith('//')) return
          if (SPREAD_CALLS.some((pattern) => pattern.test(line))) found.push(`${relative(repoRoot, file)}:${i + 1}`)
        })
    }
    expect(found).toEqual([])
  })
})
