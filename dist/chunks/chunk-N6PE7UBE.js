import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/util/secrets.ts
var REPLACEMENT = "***";
var MIN_SECRET_LENGTH = 8;
var secrets = [];
var forms = [];
function registerSecret(value) {
  if (value === void 0 || value.length < MIN_SECRET_LENGTH || secrets.includes(value)) return;
  secrets = [...secrets, value];
  const escaped = JSON.stringify(value).slice(1, -1);
  forms = [.../* @__PURE__ */ new Set([...forms, value, escaped])].sort((a, b) => b.length - a.length);
}
function secretsVersion() {
  return secrets.length;
}
function longestSecretLength() {
  return forms.length > 0 ? forms[0].length : 0;
}
function containsSecret(text) {
  return secrets.some((secret) => text.includes(secret));
}
function scrubSecrets(text) {
  for (const form of forms) {
    if (text.includes(form)) text = text.split(form).join(REPLACEMENT);
  }
  return text;
}
function scrubValue(value) {
  if (forms.length === 0) return value;
  const root = [void 0];
  const stack = [{ from: value, into: root, key: 0 }];
  while (stack.length > 0) {
    const { from, into, key } = stack.pop();
    let copy = typeof from === "string" ? scrubSecrets(from) : from;
    if (Array.isArray(from)) {
      copy = new Array(from.length);
      for (let i = 0; i < from.length; i++) stack.push({ from: from[i], into: copy, key: i });
    } else if (from !== null && typeof from === "object") {
      copy = {};
      for (const [k, inner] of Object.entries(from)) {
        const name = scrubSecrets(k);
        define(copy, name, void 0);
        stack.push({ from: inner, into: copy, key: name });
      }
    }
    define(into, key, copy);
  }
  return root[0];
}
function define(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export {
  registerSecret,
  secretsVersion,
  longestSecretLength,
  containsSecret,
  scrubSecrets,
  scrubValue
};
