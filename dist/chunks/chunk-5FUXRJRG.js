import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  CREDENTIAL_HEADERS,
  resolveEnvHeaders
} from "./chunk-AO5R7NBC.js";
import {
  registerSecret
} from "./chunk-N6PE7UBE.js";

// src/llm/endpoint.ts
var DEFAULT_BASE_URL = "https://api.openai.com/v1";
var DEFAULT_KEY_ENV = "OPENAI_API_KEY";
function registerHostSecrets(env = process.env) {
  registerSecret(env[DEFAULT_KEY_ENV]);
}
function registerEndpointSecrets(configs) {
  for (const config of configs) {
    if (config.api_key_env && !config.key_withheld) registerSecret(process.env[config.api_key_env]);
    resolveEnvHeaders(config.headers ?? {});
  }
}
var NO_KEY = "evalgate-no-key";
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "[::1]", "::1"]);
function baseUrlOf(config, opts) {
  return opts.baseUrl || config.base_url || process.env.OPENAI_BASE_URL || DEFAULT_BASE_URL;
}
function keyProblem(config, opts, user, field) {
  if (apiKeyOf(config, opts) !== void 0) return void 0;
  if (isLoopback(baseUrlOf(config, opts)) || hasCredentialHeader(config.headers)) return void 0;
  if (config.key_withheld) return `${user} gets no API key: ${config.key_withheld}`;
  const variable = config.api_key_env ?? DEFAULT_KEY_ENV;
  const hint = config.api_key_env === void 0 ? ` (or set ${field}.api_key_env)` : "";
  return `${variable} is not set: ${user} needs it${hint}`;
}
function resolveEndpoint(config, opts, user, field) {
  const problem = keyProblem(config, opts, user, field);
  if (problem) return { ok: false, error: problem };
  const resolved = resolveEnvHeaders(config.headers ?? {});
  if (!resolved.ok) return resolved;
  const headers = resolved.headers;
  let apiKey = apiKeyOf(config, opts);
  if (apiKey === void 0) {
    apiKey = NO_KEY;
    if (hasCredentialHeader(config.headers) && !hasHeader(config.headers, "authorization")) headers.Authorization = null;
  } else {
    registerSecret(apiKey);
  }
  return { ok: true, endpoint: { baseUrl: baseUrlOf(config, opts), apiKey, headers } };
}
function apiKeyOf(config, opts) {
  if (config.key_withheld) return void 0;
  return opts.apiKey || process.env[config.api_key_env ?? DEFAULT_KEY_ENV] || void 0;
}
function isLoopback(url) {
  let host;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}
function hasCredentialHeader(headers) {
  return Object.keys(headers ?? {}).some((name) => CREDENTIAL_HEADERS.has(name.toLowerCase()));
}
function hasHeader(headers, wanted) {
  return Object.keys(headers ?? {}).some((name) => name.toLowerCase() === wanted);
}

export {
  DEFAULT_KEY_ENV,
  registerHostSecrets,
  registerEndpointSecrets,
  keyProblem,
  resolveEndpoint
};
