// Everything in a report is untrusted (agent answers, tool results, task ids): text reaches the
// page only through `escapeHtml` (markup) or `jsonForScript` (data blocks).

/** Markup that is already safe to emit; build it with `h`, never from data by hand. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type Child = Html | string | number | null | undefined | false | Child[]

export type Attributes = Record<string, string | number | boolean | null | undefined>

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
}

/** Elements that have no content and no end tag. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'wbr'])

/** `h('td', { class: 'num' }, 'a < b')` -> `<td class="num">a &lt; b</td>`: attribute values and text escaped. */
export function h(tag: string, attributes: Attributes | null, ...children: Child[]): Html {
  const attrs = Object.entries(attributes ?? {})
    .filter(([, value]) => value !== null && value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join('')
  if (VOID_ELEMENTS.has(tag)) return new Html(`<${tag}${attrs}>`)
  return new Html(`<${tag}${attrs}>${render(children)}</${tag}>`)
}

export function render(children: Child[]): string {
  return children.map(renderChild).join('')
}

function renderChild(child: Child): string {
  if (child === null || child === undefined || child === false) return ''
  if (child instanceof Html) return child.value
  if (Array.isArray(child)) return render(child)
  return escapeHtml(String(child))
}

/**
 * JSON text made safe inside `<script type="application/json">`: a `<` can only occur inside a
 * JSON string, where `\u003c` means the same, so `</script>` and `<!--` can never appear.
 */
export function jsonForScript(json: string): string {
  return json.replace(/</g, '\\u003c')
}

/** A data block the page script reads with `JSON.parse(el.textContent)`. */
export function jsonScript(id: string, json: string): string {
  return `<script type="application/json" id="${escapeHtml(id)}">${jsonForScript(json)}</script>\n`
}
