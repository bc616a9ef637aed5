import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  scrubSecrets
} from "./chunk-N6PE7UBE.js";

// src/util/scrub-output.ts
function scrubStandardStreams() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk, ...rest) => write(scrubChunk(chunk), ...rest));
  }
}
function scrubChunk(chunk) {
  const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : void 0;
  if (text === void 0 || text.startsWith("::add-mask::")) return chunk;
  const clean = scrubSecrets(text);
  return clean === text ? chunk : clean;
}

// src/util/seal-environment.ts
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
function sealEnvironment() {
  const problem = seal();
  if (problem)
    process.stderr.write(
      `evalgate: warning: ${problem}, so a command agent may read evalgate's environment (tokens, keys) through the operating system
`
    );
}
function seal() {
  if (process.platform !== "linux") return `the initial environment cannot be cleared on ${process.platform}`;
  let start;
  let block;
  try {
    start = envStart(readFileSync("/proc/self/stat", "utf8"));
    block = readFileSync("/proc/self/environ");
  } catch (err) {
    return `cannot read /proc/self (${err.message})`;
  }
  const ranges = resetEntries(block);
  try {
    const fd = openSync("/proc/self/mem", "r+");
    try {
      for (const [from, to] of ranges) writeSync(fd, Buffer.alloc(to - from), 0, to - from, start + from);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return `cannot clear the initial environment through /proc/self/mem (${err.message})`;
  }
  const after = readFileSync("/proc/self/environ");
  const left = entries(after).filter((e) => e.eq > 0).map((e) => after.toString("utf8", e.from, e.from + e.eq));
  return left.length > 0 ? `the initial environment still holds ${left.join(", ")}` : void 0;
}
function envStart(stat) {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const value = Number(fields[50 - 3]);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error("no env_start in /proc/self/stat");
  return value;
}
function resetEntries(block) {
  const ranges = [];
  const seen = /* @__PURE__ */ new Set();
  for (const { from, to, eq } of entries(block)) {
    if (eq <= 0) continue;
    const name = block.toString("utf8", from, from + eq);
    const value = block.toString("utf8", from + eq + 1, to);
    if (seen.has(name)) continue;
    seen.add(name);
    if (process.env[name] !== value || Buffer.byteLength(name + "=" + value) !== to - from) continue;
    process.env[name] = value;
    const last = ranges[ranges.length - 1];
    if (last && last[1] + 1 >= from) last[1] = to;
    else ranges.push([from, to]);
  }
  return ranges;
}
function entries(block) {
  const found = [];
  let from = 0;
  while (from < block.length) {
    let to = block.indexOf(0, from);
    if (to < 0) to = block.length;
    if (to > from) {
      const eq = block.indexOf(61, from);
      found.push({ from, to, eq: eq >= 0 && eq < to ? eq - from : -1 });
    }
    from = to + 1;
  }
  return found;
}

export {
  scrubStandardStreams,
  sealEnvironment
};
