import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

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
  jsonSchemaLoading,
  compiledSchema,
  schemaErrorsText
};
