import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/util/value-shape.ts
var MAX_FILE_DEPTH = 64;
var MAX_AGENT_DEPTH = 100;
var MAX_REPORTED = 10;
function shapeProblems(value, maxDepth, protoKeys = false) {
  if (!isContainer(value)) return [];
  const problems = [];
  const deepestWalk = /* @__PURE__ */ new Map();
  const path = [];
  let tooDeep;
  const walk = (part, depth) => {
    if (depth > maxDepth) {
      tooDeep = { kind: "too_deep", path: [...path] };
      return false;
    }
    const walked = deepestWalk.get(part);
    if (walked !== void 0 && walked >= depth) return true;
    deepestWalk.set(part, depth);
    if (Array.isArray(part)) {
      for (let i = 0; i < part.length; i++) if (!step(i, part[i], depth)) return false;
      return true;
    }
    const keys = Object.keys(part);
    if (protoKeys && problems.length < MAX_REPORTED && keys.includes("__proto__"))
      problems.push({ kind: "proto_key", path: [...path, "__proto__"] });
    for (let i = 0; i < keys.length; i++)
      if (!step(keys[i], part[keys[i]], depth)) return false;
    return true;
  };
  const step = (key, item, depth) => {
    if (!isContainer(item)) return true;
    path.push(key);
    const ok = walk(item, depth + 1);
    path.pop();
    return ok;
  };
  return walk(value, 1) ? problems : [tooDeep];
}
function nestedDeeperThan(value, maxDepth) {
  return shapeProblems(value, maxDepth).length > 0;
}
function isContainer(value) {
  return typeof value === "object" && value !== null;
}

export {
  MAX_FILE_DEPTH,
  MAX_AGENT_DEPTH,
  shapeProblems,
  nestedDeeperThan
};
