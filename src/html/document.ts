// The shell of every page evalgate writes (report.html, scorecard.html): head, the shared
// stylesheet plus the page's own rules, the main content, an optional script. Pages are
// self-contained: their Content-Security-Policy lets nothing load from anywhere.
import { createHash } from 'node:crypto'
import { h, render } from './escape.js'
import { PAGE_STYLE } from './style.js'

export interface PageShell {
  /** scorecard.html has always begun with the lower-case spelling; report.html with the upper. */
  doctype: '<!DOCTYPE html>' | '<!doctype html>'
  title: string
  /** The page's Content-Security-Policy; see `sourceHash` for an inline style or script. */
  policy: string
  /** The page's inline stylesheet, made with `pageStyle`. */
  style: string
}

/** The shared stylesheet, then rules only this page needs. */
export function pageStyle(extra = ''): string {
  return PAGE_STYLE + extra
}

/** A CSP source that allows exactly this inline text: `'sha256-…'`. */
export function sourceHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/** Everything up to the page's main content. */
export function documentStart(shell: PageShell): string {
  return (
    `${shell.doctype}\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${shell.policy}">\n` +
    '<meta name="referrer" content="no-referrer">\n' +
    render([h('title', null, shell.title)]) +
    `\n<style>${shell.style}</style>\n</head>\n<body>\n<main>\n`
  )
}

/** Closes the main content; data blocks for a script may follow it. */
export const MAIN_END = '\n</main>\n'

/** The page's script, if it has one, and the end of the page. */
export function documentEnd(script?: string): string {
  return `${script !== undefined ? `<script>${script}</script>\n` : ''}</body>\n</html>\n`
}
