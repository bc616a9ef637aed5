// What a reader sees of the PR comment before clicking anything: no HTML comments, and each
// <details> block as its <summary> line.

export function collapsedView(body: string): string {
  return body
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(/<details><summary>([\s\S]*?)<\/summary>[\s\S]*?<\/details>/g, (_, summary: string) =>
      summary.replace(/<[^>]+>/g, '')
    )
}

/** The lines that take room when rendered (blank lines only separate blocks). */
export function shownLines(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.trim() !== '')
}
