import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  longestSecretLength,
  scrubSecrets
} from "./chunk-N6PE7UBE.js";

// src/util/preview.ts
function preview(text, chars, opts = {}) {
  const mark = opts.mark ?? "\u2026";
  const { clean, whole } = scrubbedHead(text, chars);
  if (whole && clean.length <= chars) return clean;
  return clean.slice(0, Math.max(0, opts.markInside ? chars - mark.length : chars)) + mark;
}
function previewTail(text, chars, cutAtStart = false) {
  const clean = scrubSecrets(text);
  const from = cutAtStart ? Math.min(clean.length, longestSecretLength()) : 0;
  return clean.slice(Math.max(from, clean.length - chars));
}
function scrubbedHead(text, want) {
  const lookahead = longestSecretLength();
  for (let end = want + lookahead + 1; ; end *= 2) {
    if (end >= text.length) return { clean: scrubSecrets(text), whole: true };
    const clean = scrubSecrets(text.slice(0, end));
    const safe = clean.length - lookahead;
    if (safe >= want) return { clean: clean.slice(0, safe), whole: false };
  }
}

export {
  preview,
  previewTail
};
