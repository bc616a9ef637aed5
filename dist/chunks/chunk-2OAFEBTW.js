import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/util/yaml-messages.ts
var FIXED = /* @__PURE__ */ new Set([
  "Alias cannot be an empty string",
  "Alias ending in : is ambiguous",
  "Anchor cannot be an empty string",
  "Anchor ending in : is ambiguous",
  "All mapping items must start at the same column",
  "All sequence items must start at the same column",
  "A block sequence may not be used as an implicit map key",
  "A node can have at most one anchor",
  "A node can have at most one tag",
  "An alias node must not specify any properties",
  "Block collection cannot start on same line with directives-end marker",
  "Block collections are not allowed within flow collections",
  "Block scalar values in collections must be indented",
  "Block scalars with more-indented leading empty lines must use an explicit indentation indicator",
  "Comments must be separated from other tokens by white space characters",
  "Excessive alias count indicates a resource exhaustion attack",
  "Flow end indicator should be more indented than parent",
  "Implicit keys need to be on a single line",
  "Implicit keys of flow sequence pairs need to be on a single line",
  "Implicit map keys need to be followed by map values",
  "Map keys must be unique",
  'Missing closing "quote',
  "Missing closing 'quote",
  "Missing directives-end indicator line",
  "Missing directives-end/doc-start indicator line",
  "Missing newline after block sequence props",
  "Nested mappings are not allowed in compact mappings",
  "Sequence item without - indicator",
  "Tabs are not allowed as indentation",
  "Tags and anchors must be separated from the next token by white space",
  "Unexpected doc-end without preceding document",
  "With simple keys, collection cannot be used as a key value"
]);
var STRUCTURAL = [
  /^(Unexpected , in|Unexpected empty item in|Missing , between|Missing space after : in|Missing , or : between) flow (map|sequence|collection)( items)?$/,
  /^Unexpected (block-map|block-seq|flow-collection|scalar|block-scalar|doc-start|doc-end|comment|newline|space|document) (token|at node end)$/,
  /^Expected a flow scalar value, but found: [a-z-]+$/
];
var BY_CODE = {
  ALIAS_PROPS: "an alias cannot have an anchor or a tag",
  BAD_ALIAS: "an alias or anchor that is not valid",
  BAD_COLLECTION_TYPE: "a tag that does not fit its collection",
  BAD_DIRECTIVE: "a directive (a line starting with %) that is not valid",
  BAD_DQ_ESCAPE: "an invalid escape sequence in a double-quoted string",
  BAD_INDENT: "bad indentation",
  BAD_PROP_ORDER: "an anchor or tag in the wrong place",
  BAD_SCALAR_START: "a plain value that starts with a reserved character (quote it)",
  BLOCK_AS_IMPLICIT_KEY: "a block collection used as a key",
  BLOCK_IN_FLOW: "a block collection inside [ ] or { }",
  DUPLICATE_KEY: "Map keys must be unique",
  KEY_OVER_1024_CHARS: "a key longer than 1024 characters",
  MISSING_CHAR: "a missing character (a quote, a comma or a colon)",
  MULTILINE_IMPLICIT_KEY: "Implicit keys need to be on a single line",
  MULTIPLE_ANCHORS: "A node can have at most one anchor",
  MULTIPLE_DOCS: "more than one document where one is expected",
  MULTIPLE_TAGS: "A node can have at most one tag",
  NON_STRING_KEY: "a key that is not a string",
  RESOURCE_EXHAUSTION: "too many aliases (an alias bomb?)",
  TAB_AS_INDENT: "Tabs are not allowed as indentation",
  TAG_RESOLVE_FAILED: "a tag (!name) that is not known",
  UNEXPECTED_TOKEN: "text where YAML does not allow it"
};
function yamlMessage(message, code) {
  if (FIXED.has(message) || STRUCTURAL.some((pattern) => pattern.test(message))) return message;
  if (message.startsWith("Unresolved alias")) return "an alias (*name) whose anchor (&name) is not set before it";
  return (code && BY_CODE[code]) ?? "not valid YAML";
}
var JSON_FIXED = /^(Unexpected end of JSON input|Unterminated string in JSON at position \d+.*|Expected [^"]* in JSON at position \d+.*|Bad control character in string literal in JSON at position \d+.*|Bad escaped character in JSON at position \d+.*|Unexpected non-whitespace character after JSON at position \d+.*|Exponent part is missing a number in JSON at position \d+.*|No number after minus sign in JSON at position \d+.*|Unterminated fractional number in JSON at position \d+.*)$/;
function jsonMessage(message) {
  if (JSON_FIXED.test(message)) return message;
  const position = /at position (\d+)/.exec(message);
  return position ? `unexpected text at position ${position[1]}` : "unexpected text";
}

// src/util/append.ts
function append(target, items) {
  for (const item of items) target.push(item);
  return target;
}
function smallest(values) {
  let min = Infinity;
  for (const value of values) if (value < min) min = value;
  return min;
}
function largest(values, floor = -Infinity) {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

export {
  yamlMessage,
  jsonMessage,
  append,
  smallest,
  largest
};
