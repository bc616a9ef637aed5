/**
 * The patterns of the built-in redaction rules, by name. Broad where it is cheap (redacting a little
 * too much is safer than leaking PII to a model), but a bare run of digits is an id, not a phone
 * number: `phone` needs phone punctuation (`-`, `.`, a space, parentheses) or a `+` country prefix,
 * and `card` matches only numbers with a valid Luhn checksum (src/redact/card-scanner.ts).
 */
export const BUILTIN_REDACTIONS: Record<string, string> = {
  email: String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`,
  phone: String.raw`(?<![\w+])(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}|\(\d{3}\)[\s.-]?\d{3}[\s.-]?\d{4}|\d{3}(?:[\s.-]\d{3}[\s.-]?|\d{3}[\s.-])\d{4})(?!\w)`,
  card: String.raw`(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)`,
  national_id: String.raw`\b(?:\d{3}-\d{2}-\d{4}|[A-CEGHJ-PR-TW-Z]{2}\d{6}[A-D])\b`
}
