import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  registerSecret
} from "./chunk-N6PE7UBE.js";

// src/util/env-references.ts
var ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
function envReferences(template) {
  return [...template.matchAll(ENV_REFERENCE)].map((m) => m[1] ?? m[2]);
}
function expandEnvReferences(template, lookup) {
  let missing;
  const value = template.replace(ENV_REFERENCE, (_match, braced, bare) => {
    const variable = braced ?? bare;
    const found = lookup(variable);
    if (found === void 0) missing ??= variable;
    return found ?? "";
  });
  return missing === void 0 ? { value } : { value, missing };
}
function referencesIn(template) {
  return template === void 0 ? [] : envReferences(template);
}
function withoutReferences(template) {
  return expandEnvReferences(template, () => "").value;
}

// src/util/env-headers.ts
var CREDENTIAL_HEADERS = /* @__PURE__ */ new Set(["authorization", "api-key", "x-api-key"]);
function resolveEnvHeaders(headers) {
  const values = {};
  for (const [name, template] of Object.entries(headers)) {
    const { value, missing } = expandEnvReferences(template, (variable) => {
      const found = process.env[variable];
      registerSecret(found);
      return found;
    });
    if (missing)
      return { ok: false, error: `header "${name}" names the environment variable ${missing}, which is not set` };
    values[name] = value;
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) registerSecret(value);
  }
  return { ok: true, headers: values };
}
function secretHeaders(headers) {
  return Object.entries(headers ?? {}).filter(([name, value]) => CREDENTIAL_HEADERS.has(name.toLowerCase()) || referencesIn(value).length > 0).map(([name]) => name);
}

export {
  envReferences,
  expandEnvReferences,
  referencesIn,
  withoutReferences,
  CREDENTIAL_HEADERS,
  resolveEnvHeaders,
  secretHeaders
};
