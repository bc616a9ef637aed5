// The YAML parser's messages, as problems may show them. Some quote the file (`Unresolved plain
// scalar "…"`, `Not a YAML token: …`, `Unresolved alias …: name`), and a file that is not YAML at
// all (`--thresholds /etc/passwd`, a binary) would be echoed into the log, the job summary and the
// PR comment. A message is passed on only when it is one of the parser's fixed sentences; any
// other gets a sentence of ours for its error code, which quotes nothing.

const FIXED = new Set([
  'Alias cannot be an empty string',
  'Alias ending in : is ambiguous',
  'Anchor cannot be an empty string',
  'Anchor ending in : is ambiguous',
  'All mapping items must start at the same column',
  'All sequence items must start at the same column',
  'A block sequence may not be used as an implicit map key',
  'A node can have at most one anchor',
  'A node can have at most one tag',
  'An alias node must not specify any properties',
  'Block collection cannot start on same line with directives-end marker',
  'Block collections are not allowed within flow collections',
  'Block scalar values in collections must be indented',
  'Block scalars with more-indented leading empty lines must use an explicit indentation indicator',
  'Comments must be separated from other tokens by white space characters',
  'Excessive alias count indicates a resource exhaustion attack',
  'Flow end indicator should be more indented than parent',
  'Implicit keys need to be on a single line',
  'Implicit keys of flow sequence pairs need to be on a single line',
  'Implicit map keys need to be followed by map values',
  'Map keys must be unique',
  'Missing closing "quote',
  "Missing closing 'quote",
  'Missing directives-end indicator line',
  'Missing directives-end/doc-start indicator line',
  'Missing newline after block sequence props',
  'Nested mappings are not allowed in compact mappings',
  'Sequence item without - indicator',
  'Tabs are not allowed as indentation',
  'Tags and anchors must be separated from the next token by white space',
  'Unexpected doc-end without preceding document',
  'With simple keys, collection cannot be used as a key value'
])

/** Sentences whose only variable part is a flow collection's kind or a token type (never the file's text). */
const STRUCTURAL = [
  /^(Unexpected , in|Unexpected empty item in|Missing , between|Missing space after : in|Missing , or : between) flow (map|sequence|collection)( items)?$/,
  /^Unexpected (block-map|block-seq|flow-collection|scalar|block-scalar|doc-start|doc-end|comment|newline|space|document) (token|at node end)$/,
  /^Expected a flow scalar value, but found: [a-z-]+$/
]

const BY_CODE: Record<string, string> = {
  ALIAS_PROPS: 'an alias cannot have an anchor or a tag',
  BAD_ALIAS: 'an alias or anchor that is not valid',
  BAD_COLLECTION_TYPE: 'a tag that does not fit its collection',
  BAD_DIRECTIVE: 'a directive (a line starting with %) that is not valid',
  BAD_DQ_ESCAPE: 'an invalid escape sequence in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'an anchor or tag in the wrong place',
  BAD_SCALAR_START: 'a plain value that starts with a reserved character (quote it)',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection used as a key',
  BLOCK_IN_FLOW: 'a block collection inside [ ] or { }',
  DUPLICATE_KEY: 'Map keys must be unique',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a missing character (a quote, a comma or a colon)',
  MULTILINE_IMPLICIT_KEY: 'Implicit keys need to be on a single line',
  MULTIPLE_ANCHORS: 'A node can have at most one anchor',
  MULTIPLE_DOCS: 'more than one document where one is expected',
  MULTIPLE_TAGS: 'A node can have at most one tag',
  NON_STRING_KEY: 'a key that is not a string',
  RESOURCE_EXHAUSTION: 'too many aliases (an alias bomb?)',
  TAB_AS_INDENT: 'Tabs are not allowed as indentation',
  TAG_RESOLVE_FAILED: 'a tag (!name) that is not known',
  UNEXPECTED_TOKEN: 'text where YAML does not allow it'
}

/** The parser's message when it quotes nothing of the file; else ours for its code. */
export function yamlMessage(message: string, code: string | undefined): string {
  if (FIXED.has(message) || STRUCTURAL.some((pattern) => pattern.test(message))) return message
  if (message.startsWith('Unresolved alias')) return 'an alias (*name) whose anchor (&name) is not set before it'
  return (code && BY_CODE[code]) ?? 'not valid YAML'
}

// JSON.parse's messages that quote nothing of the input but its position.
const JSON_FIXED =
  /^(Unexpected end of JSON input|Unterminated string in JSON at position \d+.*|Expected [^"]* in JSON at position \d+.*|Bad control character in string literal in JSON at position \d+.*|Bad escaped character in JSON at position \d+.*|Unexpected non-whitespace character after JSON at position \d+.*|Exponent part is missing a number in JSON at position \d+.*|No number after minus sign in JSON at position \d+.*|Unterminated fractional number in JSON at position \d+.*)$/

/** JSON.parse's message without the snippet of the input it may quote (`Unexpected token 'r', "root:x:0"... is not valid JSON`). */
export function jsonMessage(message: string): string {
  if (JSON_FIXED.test(message)) return message
  const position = /at position (\d+)/.exec(message)
  return position ? `unexpected text at position ${position[1]}` : 'unexpected text'
}
