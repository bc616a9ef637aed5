import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  BYTES_READ_BEFORE,
  networkError
} from "./chunk-7FOM6VON.js";

// src/http/client.ts
var routes;
var loadRoutes = () => routes ??= import("./routes-UFXRP7OJ.js");
async function send(request) {
  const route = (await loadRoutes()).routeFor(request.url);
  const first = await sendOnce(route, request);
  const settled = "failure" in first && first.stale ? await sendOnce(route, request) : first;
  if ("answer" in settled) return settled.answer;
  throw settled.failure;
}
function sendOnce(route, request) {
  const { url, signal, maxBodyBytes } = request;
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ failure: abortError(), stale: false });
    let controller;
    let settled = false;
    let status = 0;
    let statusText = "";
    let headers = {};
    let chunks = [];
    let size = 0;
    const settle = (attempt) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      resolve(attempt);
    };
    const answer = (truncated) => {
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      settle({
        answer: { status, statusText, headers, body, truncated, ...route.proxy ? { proxy: route.proxy } : {} }
      });
    };
    const onAbort = () => {
      settle({ failure: abortError(), stale: false });
      controller?.abort(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const handler = {
      onRequestStart(started) {
        controller = started;
        if (settled) started.abort(abortError());
      },
      onResponseStart(_controller, statusCode, responseHeaders, statusMessage) {
        if (statusCode < 200) return;
        status = statusCode;
        statusText = statusMessage ?? "";
        headers = responseHeaders;
        chunks = [];
        size = 0;
      },
      onResponseData(current, chunk) {
        size += chunk.length;
        if (size <= maxBodyBytes) return void chunks.push(chunk);
        chunks.push(chunk.subarray(0, chunk.length - (size - maxBodyBytes)));
        answer(true);
        current.abort(new Error("the answer is over the size limit"));
      },
      onResponseEnd() {
        answer(false);
      },
      onResponseError(_controller, err) {
        if (settled) return;
        settle({ failure: networkError(err, url, route.proxy, status !== 0), stale: staleSocket(err, status) });
      }
    };
    route.dispatcher.dispatch(
      {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        // Only the caller's signal ends a request: a model may think for longer than undici's 300 s.
        headersTimeout: 0,
        bodyTimeout: 0,
        idempotent: false,
        blocking: true
      },
      handler
    );
  });
}
function staleSocket(err, status) {
  if (status !== 0) return false;
  const error = err;
  const bytesRead = error.socket?.bytesRead ?? error[BYTES_READ_BEFORE] ?? 0;
  const dropped = error.code === "UND_ERR_SOCKET" || error.code === "ECONNRESET" || error.code === "EPIPE";
  return dropped && bytesRead > 0;
}
function abortError() {
  return new DOMException("This operation was aborted", "AbortError");
}

// src/http/post-json.ts
async function postJson(url, headers, body, timeoutMs, maxBodyBytes) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("timed out", "TimeoutError")), timeoutMs);
  const { signal } = controller;
  try {
    const answer = await send({ method: "POST", url, headers, body, signal, maxBodyBytes });
    const text = answer.body.toString("utf8");
    if (answer.truncated) return { ok: false, reason: "too_large", status: answer.status, body: text };
    return { ok: true, status: answer.status, body: text, ...answer.proxy ? { proxy: answer.proxy } : {} };
  } catch (err) {
    if (signal.aborted || err.name === "AbortError") return { ok: false, reason: "timeout" };
    return { ok: false, reason: "network", message: err.message };
  } finally {
    clearTimeout(timer);
  }
}

export {
  send,
  postJson
};
