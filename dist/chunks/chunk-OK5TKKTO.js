import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  DEFAULT_KEY_ENV
} from "./chunk-5FUXRJRG.js";
import {
  expandEnvReferences
} from "./chunk-AO5R7NBC.js";
import {
  containsSecret,
  registerSecret,
  secretsVersion
} from "./chunk-N6PE7UBE.js";

// src/agents/agent-env.ts
var NEVER_PASSED = /* @__PURE__ */ new Set([
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_RESULTS_URL",
  "GITHUB_OUTPUT",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY"
]);
var NEVER_PASSED_PREFIXES = ["INPUT_", "ACTIONS_ID_TOKEN_REQUEST_"];
function isNeverPassed(name) {
  const upper = name.toUpperCase();
  return NEVER_PASSED.has(upper) || NEVER_PASSED_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
function agentEnvironment(agent, host = process.env) {
  registerSecret(host[DEFAULT_KEY_ENV]);
  const env = {};
  for (const [name, value] of Object.entries(host)) {
    if (value !== void 0 && !isNeverPassed(name) && !containsSecret(value)) env[name] = value;
  }
  for (const [name, template] of Object.entries(agent.env ?? {})) {
    const allowed = agent.env_refs && (agent.env_refs[name] ?? []);
    const { value, missing } = expandEnvReferences(
      template,
      (variable) => isNeverPassed(variable) || allowed && !allowed.includes(variable) ? void 0 : host[variable]
    );
    if (missing === void 0) env[name] = value;
    else delete env[name];
  }
  return env;
}
var envBySettings = /* @__PURE__ */ new WeakMap();
function agentEnvironmentCached(settings) {
  let cached = envBySettings.get(settings);
  if (!cached || cached.secrets !== secretsVersion()) {
    cached = { secrets: secretsVersion(), env: agentEnvironment(settings) };
    envBySettings.set(settings, cached);
  }
  return cached.env;
}
var noEnvSettings = /* @__PURE__ */ new WeakMap();
function helperEnvironment(owner) {
  let settings = noEnvSettings.get(owner);
  if (!settings) noEnvSettings.set(owner, settings = {});
  return agentEnvironmentCached(settings);
}

export {
  isNeverPassed,
  agentEnvironmentCached,
  helperEnvironment
};
