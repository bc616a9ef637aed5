// Writes the evidence pack: each page as HTML and as markdown, each file whole or not at all,
// scrubbed of secrets on the way out; the index last, so that a finished-looking index is a whole pack.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeAtomically } from '../util/atomic-file.js'
import { scrubSecrets } from '../util/secrets.js'
import type { EvidenceInput } from './input.js'
import { pageHtml, pageMarkdown, type PageContent } from './page.js'
import { packPages } from './pages/index.js'
import { redactedInput } from './redaction.js'

const FORMS: [extension: string, render: (page: PageContent) => string][] = [
  ['html', pageHtml],
  ['md', pageMarkdown]
]

/** The files written, the index first. */
export async function writeEvidencePack(outDir: string, input: EvidenceInput): Promise<string[]> {
  await mkdir(outDir, { recursive: true })
  const pages = packPages(redactedInput(input))
  const [index, ...rest] = pages
  const written: string[] = []
  for (const page of [...rest, index])
    for (const [extension, render] of FORMS) {
      const path = join(outDir, `${page.id}.${extension}`)
      await writeAtomically(path, scrubSecrets(render(page)))
      written.push(path)
    }
  return [...written.slice(-FORMS.length), ...written.slice(0, -FORMS.length)]
}
