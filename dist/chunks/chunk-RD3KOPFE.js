import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/util/value-shape.ts
var MAX_FILE_DEPTH = 64;
var MAX_AGENT_DEPTH = 100;
var MAX_REPORTED = 10;
function shapeProblems(value, maxDepth, protoKeys = false) {
  if (!isContainer(value)) return [];
  const problems = [];
  const deepestWalk = /* @__PURE__ */ new Map();
  const stack = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const frame = stack.pop();
    if (frame.depth > maxDepth) return [{ kind: "too_deep", path: pathOf(frame) }];
    const walked = deepestWalk.get(frame.value);
    if (walked !== void 0 && walked >= frame.depth) continue;
    deepestWalk.set(frame.value, frame.depth);
    const parent = frame.value;
    const next = frame.depth + 1;
    if (Array.isArray(parent)) {
      for (let i = parent.length - 1; i >= 0; i--) {
        const item = parent[i];
        if (isContainer(item)) stack.push({ value: item, depth: next, parent: frame, key: i });
      }
      continue;
    }
    const keys = Object.keys(parent);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (protoKeys && key === "__proto__" && problems.length < MAX_REPORTED)
        problems.push({ kind: "proto_key", path: [...pathOf(frame), key] });
      const item = parent[key];
      if (isContainer(item)) stack.push({ value: item, depth: next, parent: frame, key });
    }
  }
  return problems;
}
function nestedDeeperThan(value, maxDepth) {
  return shapeProblems(value, maxDepth).length > 0;
}
function isContainer(value) {
  return typeof value === "object" && value !== null;
}
function pathOf(frame) {
  const path = [];
  for (let f = frame; f?.parent; f = f.parent) path.push(f.key);
  return path.reverse();
}

// src/util/json-schema.ts
var ajv;
var loading;
var compiled = /* @__PURE__ */ new WeakMap();
function jsonSchemaLoading() {
  if (ajv) return void 0;
  loading ??= import("./ajv-XMRGXSHG.js").then((module) => {
    const { Ajv } = module.default;
    ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateFormats: false,
      validateSchema: false,
      addUsedSchema: false,
      logger: false
    });
  });
  return loading;
}
function compiledSchema(schema) {
  const known = compiled.get(schema);
  if (known) return known;
  if (!ajv) throw new Error("ajv is not loaded yet (await jsonSchemaLoading() first)");
  let result;
  try {
    result = { ok: true, validate: ajv.compile(schema) };
  } catch (err) {
    result = { ok: false, error: err.message };
  }
  compiled.set(schema, result);
  return result;
}
var SHOWN_ERRORS = 3;
function schemaErrorsText(errors) {
  const all = errors ?? [];
  const shown = all.slice(0, SHOWN_ERRORS).map((e) => {
    const where = e.instancePath === "" ? "" : `${e.instancePath.slice(1).replaceAll("/", ".")} `;
    const extra = e.keyword === "additionalProperties" ? ` ("${String(e.params.additionalProperty)}")` : "";
    return `${where}${e.message ?? e.keyword}${extra}`;
  });
  const more = all.length - shown.length;
  return shown.join("; ") + (more > 0 ? `; and ${more} more` : "");
}

export {
  MAX_FILE_DEPTH,
  MAX_AGENT_DEPTH,
  shapeProblems,
  nestedDeeperThan,
  jsonSchemaLoading,
  compiledSchema,
  schemaErrorsText
};
