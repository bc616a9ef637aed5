import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  preview
} from "./chunk-2AYC2KJ6.js";

// src/agents/json-output.ts
var PREVIEW_CHARS = 200;
var MAX_PRETTY_ATTEMPTS = 20;
function extractJsonAnswer(output) {
  const trimmed = output.trim();
  if (trimmed === "") return { ok: false, error: "agent printed nothing on stdout" };
  const whole = tryParse(trimmed);
  if (whole.ok) return whole;
  const lines = trimmed.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line.startsWith("{") || !line.endsWith("}")) continue;
    const parsed = tryParse(line);
    if (parsed.ok && isObject(parsed.value)) return parsed;
  }
  if (lines[lines.length - 1].trim() === "}") {
    let attempts = 0;
    for (let i = lines.length - 2; i >= 0 && attempts < MAX_PRETTY_ATTEMPTS; i--) {
      if (!lines[i].startsWith("{")) continue;
      attempts++;
      const parsed = tryParse(lines.slice(i).join("\n"));
      if (parsed.ok && isObject(parsed.value)) return parsed;
    }
  }
  return { ok: false, error: `agent output was not JSON: ${answerPreview(trimmed)}` };
}
function answerPreview(text) {
  return preview(text, PREVIEW_CHARS, { mark: "..." });
}
function tryParse(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: err.message };
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  extractJsonAnswer,
  answerPreview
};
