import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/http/network-failure.ts
var BYTES_READ_BEFORE = /* @__PURE__ */ Symbol("evalgate.bytes-read-before");
var NetworkError = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
    this.name = "NetworkError";
  }
  code;
};
var CONNECT_CODES = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT"
]);
function networkError(err, url, proxy, answered) {
  const cause = errnoCause(err);
  const code = cause?.code;
  const said = cause?.message ?? String(err);
  if (proxy) {
    const refused = /Proxy response \((\d+)\)|Proxy Authentication Required \((407)\)/.exec(said);
    if (refused) return new NetworkError(proxyRefusal(proxy, url, Number(refused[1] ?? refused[2])), code);
    if (code && CONNECT_CODES.has(code)) return new NetworkError(`could not reach the proxy ${proxy} (${said})`, code);
    return new NetworkError(`${closed(code, url, answered) ?? said} (through the proxy ${proxy})`, code);
  }
  return new NetworkError(closed(code, url, answered) ?? said, code);
}
function proxyRefusal(proxy, url, status) {
  if (status === 407)
    return `the proxy ${proxy} asks for credentials (HTTP 407): give them in its URL, http://user:password@host:port`;
  return `the proxy ${proxy} refused to connect to ${url.host} (HTTP ${status})`;
}
function closed(code, url, answered) {
  if (code !== "UND_ERR_SOCKET") return void 0;
  return answered ? `${url.host} closed the connection before the answer was complete` : `${url.host} closed the connection without answering`;
}
function errnoCause(err) {
  let found;
  let cause = err;
  for (let depth = 0; isError(cause) && depth < 6; depth++) {
    const error = cause;
    const inner = isError(error.errors?.[0]) ? error.errors[0].message : "";
    const message = error.message || inner || error.code;
    const code = typeof error.code === "string" ? error.code : found?.code;
    if (message) found = { message, ...code ? { code } : {} };
    cause = error.cause;
  }
  return found;
}
function isError(value) {
  return typeof value === "object" && value !== null && typeof value.message === "string";
}

export {
  BYTES_READ_BEFORE,
  NetworkError,
  networkError,
  errnoCause
};
