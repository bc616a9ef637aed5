// The evidence pack's own rules over the shared stylesheet: a page that reads like a document on
// screen and prints one sheet per workflow part (A4 or Letter, portrait), nothing past the right
// edge: tables lay out at fixed widths, so a long word breaks inside its column, never widens it.
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
.definitions { grid-template-columns: minmax(120px, max-content) minmax(0, 1fr); }
code { overflow-wrap: anywhere; }
.grid-table { table-layout: fixed; }
/* Short cells: each column as wide as it needs, a long word broken only when the row cannot fit. */
#tier-table { table-layout: auto; }
.grid-table td, .grid-table th { overflow-wrap: anywhere; }
.grid-table .num { white-space: normal; }
.grid-table th, .grid-table td { padding: 4px 6px; }
.permissions th:nth-child(1), .permissions th:nth-child(7) { width: 19%; } .permissions th:nth-child(2) { width: 9%; }
.permissions th:nth-child(3) { width: 11%; } .permissions th:nth-child(4) { width: 13%; }
.permissions th:nth-child(5) { width: 14%; } .permissions th:nth-child(6) { width: 15%; }
.decision { margin-bottom: 12px; }
${WIDTH_RULES}
@page { size: portrait; margin: 12mm; }
@media print {
  body { padding: 0; font-size: 10pt; }
  .grid-table { font-size: 9pt; }
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
