import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/llm/json-in-text.ts
var MAX_CANDIDATES = 20;
function findJsonObject(text) {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false };
  const whole = tryParse(trimmed);
  if (whole.ok && isObject(whole.value)) return whole;
  let start = trimmed.indexOf("{");
  for (let tried = 0; start !== -1 && tried < MAX_CANDIDATES; tried++) {
    const end = matchingBrace(trimmed, start);
    if (end !== -1) {
      const candidate = tryParse(trimmed.slice(start, end + 1));
      if (candidate.ok && isObject(candidate.value)) return candidate;
    }
    start = trimmed.indexOf("{", start + 1);
  }
  return { ok: false };
}
function matchingBrace(text, start) {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i;
  }
  return -1;
}
function tryParse(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  findJsonObject
};
