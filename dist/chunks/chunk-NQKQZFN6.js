import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);

// src/util/problems.ts
function formatProblem(p) {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const prefix = p.severity === "warning" ? "warning: " : "";
  return `${where}: ${prefix}${p.message}`;
}
var InputError = class extends Error {
  problems;
  constructor(problems) {
    const list = typeof problems === "string" ? [{ file: "evalgate", message: problems, severity: "error" }] : problems;
    super(list.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = list;
  }
};
function sortProblems(problems) {
  return [...problems].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0));
}

export {
  formatProblem,
  InputError,
  sortProblems
};
