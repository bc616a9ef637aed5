import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/util/env-flag.ts
function isFlagSet(value) {
  return value !== void 0 && !["", "0", "false"].includes(value.toLowerCase());
}

export {
  isFlagSet
};
