import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  MAX_FILE_DEPTH,
  shapeProblems
} from "./chunk-JNHVC7HD.js";

// src/load/value-limits.ts
function tooDeepMessage(depth) {
  return `nested more than ${depth} levels deep (evalgate reads files to a depth of ${depth})`;
}
function shapeProblemsOf(at, file) {
  return shapeProblems(at.value, MAX_FILE_DEPTH, true).map((problem) => {
    if (problem.kind === "too_deep")
      return { file, line: at.lineOf(problem.path), message: tooDeepMessage(MAX_FILE_DEPTH), severity: "error" };
    const parent = problem.path.slice(0, -1);
    const where = parent.length > 0 ? ` in ${parent.map(String).join(".")}` : "";
    return {
      file,
      line: at.keyLineOf(parent, "__proto__"),
      message: `the key "__proto__"${where} is not allowed: JavaScript objects cannot hold it as data (rename it)`,
      severity: "error"
    };
  });
}

export {
  tooDeepMessage,
  shapeProblemsOf
};
