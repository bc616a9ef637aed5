// The evidence pack's own rules over the shared stylesheet: a page that reads like a document on
// screen and prints one sheet per workflow part (A4 or Letter, portrait), nothing past the right edge.
/** Column widths a table may ask for: every even percentage (an inline style would need the CSP to allow it). */
const WIDTH_STEP = 2

export function columnWidthClass(percent: number): string {
  return `w${Math.max(WIDTH_STEP, Math.round(percent / WIDTH_STEP) * WIDTH_STEP)}`
}

const WIDTH_RULES = Array.from({ length: 100 / WIDTH_STEP }, (_, i) => (i + 1) * WIDTH_STEP)
  .map((w) => `col.w${w} { width: ${w}%; }`)
  .join(' ')

export const PACK_STYLE = `
main { max-width: 960px; }
.pack-nav { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-bottom: 16px; font-size: 13px; }
.pack-nav a { color: var(--accent); }
.pack-nav a[aria-current="page"] { color: var(--fg); font-weight: 600; text-decoration: none; }
.lede { color: var(--muted); margin: 0 0 12px; }
.part > h2 { margin-top: 20px; }
.keep { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px 8px; margin: 10px 0; }
.keep h4 { margin-top: 8px; text-transform: none; letter-spacing: 0; color: var(--fg); font-size: 14px; }
.decision-note { background: var(--bg-soft); }
.decision[role="alert"] .verdict { font-size: 22px; color: var(--fail); }
.pack-foot { margin-top: 24px; color: var(--muted); font-size: 12px; }
h1, h2, h3, h4, h5, h6, p, li, dt, dd, td, th, pre { overflow-wrap: break-word; }
.grid-table.fixed { table-layout: fixed; }
.grid-table.fixed td, .grid-table.fixed th { overflow-wrap: anywhere; }
.grid-table.fixed .num { white-space: normal; }
.decision { margin-bottom: 12px; }
${WIDTH_RULES}
@page { size: portrait; margin: 12mm; }
@media print {
  body { padding: 0; font-size: 10pt; }
  main { max-width: none; }
  .pack-nav { display: none; }
  .part + .part { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  .keep, tr, .decision, dl.definitions > * { break-inside: avoid; }
  pre { max-height: none; overflow: visible; }
  a { color: inherit; }
  .decision { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
