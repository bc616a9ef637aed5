// A unified-style diff of two texts by line, to show in a failing golden test.

const CONTEXT_LINES = 2

/** `- ` lines only in `before`, `+ ` lines only in `after`, `  ` around them; `…` between hunks. */
export function lineDiff(before: string, after: string): string {
  const a = before.split('\n')
  const b = after.split('\n')
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const lines: { mark: ' ' | '-' | '+'; text: string }[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i] })
      i++
      j++
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1]))
      lines.push({ mark: '-', text: a[i++] })
    else lines.push({ mark: '+', text: b[j++] })
  }
  const near = (k: number) =>
    lines.slice(Math.max(0, k - CONTEXT_LINES), k + CONTEXT_LINES + 1).some((line) => line.mark !== ' ')
  const shown: string[] = []
  lines.forEach((line, k) => {
    if (near(k)) shown.push(`${line.mark} ${line.text}`)
    else if (shown[shown.length - 1] !== '…') shown.push('…')
  })
  return `--- committed\n+++ rendered now\n${shown.join('\n')}`
}
