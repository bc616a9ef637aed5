// The evidence pack in Debian's Chromium: every page printed to PDF (A4 and Letter, portrait),
// its width at print size, and its links followed from file://.
import type { Page } from 'playwright-core'

export const PAPER = ['A4', 'Letter'] as const

/** A4's printable width at 96 dpi (210 mm less the pack's 12 mm margins): narrower than Letter's. */
export const PRINT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96)

/** Pages of the PDF Chromium prints the page to. */
export async function printedPages(page: Page, format: (typeof PAPER)[number]): Promise<number> {
  const pdf = await page.pdf({ format, printBackground: true })
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length
}

/** What sticks out past the right edge at print width: the page's own scroll width, and elements by tag. */
export async function overflowAtPrintWidth(
  page: Page
): Promise<{ scrollWidth: number; width: number; past: string[] }> {
  const viewport = page.viewportSize()
  await page.setViewportSize({ width: PRINT_WIDTH, height: 1000 })
  await page.emulateMedia({ media: 'print' })
  try {
    const width = await page.locator('html').evaluate((html) => html.ownerDocument.defaultView?.innerWidth ?? 0)
    const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth)
    const past = await page.locator('body *').evaluateAll(
      (elements, edge) =>
        elements
          .filter((el) => el.getBoundingClientRect().right > edge + 0.5 || el.scrollWidth > el.clientWidth + 1)
          .filter((el) => el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'inline')
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}: ${el.textContent?.slice(0, 40)}`
          ),
      width
    )
    return { scrollWidth, width, past }
  } finally {
    await page.emulateMedia({ media: null })
    if (viewport) await page.setViewportSize(viewport)
  }
}
