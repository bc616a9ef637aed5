import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  resolveEnvHeaders
} from "./chunk-AO5R7NBC.js";
import {
  postJson
} from "./chunk-2274XTFE.js";
import {
  answerPreview
} from "./chunk-3CLPDVPL.js";
import {
  agentError,
  buildPayload,
  formatSeconds,
  infraError,
  parseAnswer,
  rawOutput
} from "./chunk-3OEFYE6Q.js";
import "./chunk-CEYCZK43.js";
import "./chunk-LCFPQPNL.js";
import "./chunk-7LLJMACG.js";
import "./chunk-JNHVC7HD.js";
import "./chunk-2AYC2KJ6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-7FOM6VON.js";
import "./chunk-WE7CPBA2.js";
import "./chunk-BX4ROB6G.js";

// src/agents/http-run.ts
var MAX_BODY_BYTES = 10 * 1024 * 1024;
async function runHttpAgent(ctx, agent) {
  const url = parseUrl(agent.url);
  if (!url) return infraError(`agent url is not an http(s) URL: ${agent.url}`, "config");
  const headers = resolveEnvHeaders(agent.headers ?? {});
  if (!headers.ok) return infraError(headers.error, "config");
  const body = JSON.stringify(buildPayload(ctx.task, ctx.workflow, ctx.session.url));
  const requestHeaders = {
    "content-type": "application/json",
    accept: "application/json",
    ...headers.headers,
    ...ctx.killSwitch?.header ? { [ctx.killSwitch.header]: ctx.killSwitch.value } : {}
  };
  const response = await postJson(url, requestHeaders, body, ctx.timeoutMs, MAX_BODY_BYTES);
  if (!response.ok && response.reason === "timeout") {
    return infraError(`agent timed out after ${formatSeconds(ctx.timeoutMs)}`, "timeout");
  }
  if (!response.ok && response.reason === "network")
    return infraError(`agent unreachable: ${response.message}`, "unreachable");
  const failed = { raw_output: rawOutput(response.body) };
  const through = response.ok && response.proxy ? ` (through the proxy ${response.proxy})` : "";
  const answered = `agent answered HTTP ${response.status}${through}`;
  if (response.status >= 500) return infraError(answered, "unreachable", failed);
  if (response.status < 200 || response.status >= 300) return agentError(answered, "crash", failed);
  if (!response.ok) return agentError("agent answer is over 10 MB", "bad_output", failed);
  let value;
  try {
    value = JSON.parse(response.body);
  } catch {
    const shown = response.body.trim();
    const error = shown ? `agent answer was not JSON: ${answerPreview(shown)}` : "agent answered with an empty body";
    return agentError(error, "bad_output", failed);
  }
  const parsed = parseAnswer(value);
  return parsed.ok ? { answer: parsed.answer } : agentError(parsed.error, "bad_answer", failed);
}
function parseUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url : void 0;
  } catch {
    return void 0;
  }
}
export {
  runHttpAgent
};
