import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  DECISION_DEFAULTS,
  decisionSettingsSchema,
  economicsRuleSchema,
  expectedSchema,
  incidentSchema,
  passKRuleSchema,
  readUserText,
  tierRuleSchema
} from "./chunk-WWFOR4K3.js";
import {
  shapeProblemsOf
} from "./chunk-23PSGEKM.js";
import {
  append,
  jsonMessage
} from "./chunk-2OAFEBTW.js";
import {
  definedOnly
} from "./chunk-RXXAL5VI.js";
import {
  sortProblems
} from "./chunk-NQKQZFN6.js";
import {
  isNeverPassed
} from "./chunk-OK5TKKTO.js";
import {
  envReferences,
  referencesIn,
  secretHeaders,
  withoutReferences
} from "./chunk-AO5R7NBC.js";
import {
  compiledSchema,
  jsonSchemaLoading
} from "./chunk-CEYCZK43.js";
import {
  LIMIT_KINDS,
  PHASES,
  POSITIVE,
  READ_ONCE,
  REQUEST_APPROVAL,
  RETENTION_KINDS,
  TIERS,
  endpointFields,
  fixturesSchema,
  fraction,
  isPlainMap,
  kindsNotFor,
  nonNegative,
  nonNegativeInt,
  phaseOf,
  positiveInt,
  strictMap,
  stringMap,
  taskCoreShape,
  text,
  textList,
  toolSchemaSchema,
  workflowFields
} from "./chunk-7LLJMACG.js";
import {
  MAX_FILE_DEPTH
} from "./chunk-JNHVC7HD.js";
import {
  preview
} from "./chunk-2AYC2KJ6.js";
import {
  _enum,
  array,
  boolean,
  custom,
  discriminatedUnion,
  literal,
  number,
  object,
  record,
  string,
  union
} from "./chunk-WE7CPBA2.js";

// src/load/index.ts
import path10 from "node:path";

// node_modules/yocto-queue/index.js
var Node = class {
  value;
  next;
  constructor(value) {
    this.value = value;
  }
};
var Queue = class {
  #head;
  #tail;
  #size;
  constructor() {
    this.clear();
  }
  enqueue(value) {
    const node = new Node(value);
    if (this.#head) {
      this.#tail.next = node;
      this.#tail = node;
    } else {
      this.#head = node;
      this.#tail = node;
    }
    this.#size++;
  }
  dequeue() {
    const current = this.#head;
    if (!current) {
      return;
    }
    this.#head = this.#head.next;
    this.#size--;
    if (!this.#head) {
      this.#tail = void 0;
    }
    return current.value;
  }
  peek() {
    if (!this.#head) {
      return;
    }
    return this.#head.value;
  }
  clear() {
    this.#head = void 0;
    this.#tail = void 0;
    this.#size = 0;
  }
  get size() {
    return this.#size;
  }
  *[Symbol.iterator]() {
    let current = this.#head;
    while (current) {
      yield current.value;
      current = current.next;
    }
  }
  *drain() {
    while (this.#head) {
      yield this.dequeue();
    }
  }
};

// node_modules/p-limit/index.js
function pLimit(concurrency) {
  let rejectOnClear = false;
  if (typeof concurrency === "object") {
    ({ concurrency, rejectOnClear = false } = concurrency);
  }
  validateConcurrency(concurrency);
  if (typeof rejectOnClear !== "boolean") {
    throw new TypeError("Expected `rejectOnClear` to be a boolean");
  }
  const queue = new Queue();
  let activeCount = 0;
  const resumeNext = () => {
    if (activeCount < concurrency && queue.size > 0) {
      activeCount++;
      queue.dequeue().run();
    }
  };
  const next = () => {
    activeCount--;
    resumeNext();
  };
  const run = async (function_, resolve, arguments_) => {
    const result = (async () => function_(...arguments_))();
    resolve(result);
    try {
      await result;
    } catch {
    }
    next();
  };
  const enqueue = (function_, resolve, reject, arguments_) => {
    const queueItem = { reject };
    new Promise((internalResolve) => {
      queueItem.run = internalResolve;
      queue.enqueue(queueItem);
    }).then(run.bind(void 0, function_, resolve, arguments_));
    if (activeCount < concurrency) {
      resumeNext();
    }
  };
  const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
    enqueue(function_, resolve, reject, arguments_);
  });
  Object.defineProperties(generator, {
    activeCount: {
      get: () => activeCount
    },
    pendingCount: {
      get: () => queue.size
    },
    clearQueue: {
      value() {
        if (!rejectOnClear) {
          queue.clear();
          return;
        }
        const abortError = AbortSignal.abort().reason;
        while (queue.size > 0) {
          queue.dequeue().reject(abortError);
        }
      }
    },
    concurrency: {
      get: () => concurrency,
      set(newConcurrency) {
        validateConcurrency(newConcurrency);
        concurrency = newConcurrency;
        queueMicrotask(() => {
          while (activeCount < concurrency && queue.size > 0) {
            resumeNext();
          }
        });
      }
    },
    map: {
      async value(iterable, function_) {
        const promises = [];
        try {
          Array.from(iterable, (value, index) => {
            const promise = generator(function_, value, index);
            promises.push(promise);
            return promise;
          });
        } catch (error) {
          for (const promise of promises) {
            promise.catch(() => {
            });
          }
          throw error;
        }
        return Promise.all(promises);
      }
    }
  });
  return generator;
}
function validateConcurrency(concurrency) {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
    throw new TypeError("Expected `concurrency` to be a number from 1 and up");
  }
}

// src/load/discover.ts
import { lstatSync, readdirSync, realpathSync as realpathSync2 } from "node:fs";
import path3 from "node:path";

// src/load/paths.ts
import path from "node:path";
function displayPath(absPath) {
  return path.relative(process.cwd(), absPath) || ".";
}

// src/util/path-kind.ts
import { statSync } from "node:fs";
async function isFile(absPath) {
  try {
    return statSync(absPath, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
async function isDirectory(absPath) {
  try {
    return statSync(absPath, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

// src/load/repo-root.ts
import { existsSync, realpathSync, statSync as statSync2 } from "node:fs";
import path2 from "node:path";
function findRepoRoot(from = process.cwd()) {
  const start = path2.resolve(from);
  for (let dir = start; ; dir = path2.dirname(dir)) {
    if (existsSync(path2.join(dir, ".git"))) return dir;
    if (path2.dirname(dir) === dir) return start;
  }
}
async function repoPathProblem(field, absPath, kind, root, shown) {
  const missing = `${field} names a ${kind} that does not exist: ${shown}`;
  let real;
  try {
    real = realpathSync.native(absPath);
  } catch {
    return missing;
  }
  let realRoot;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    realRoot = path2.resolve(root);
  }
  const named = insideOf(path2.resolve(root), absPath) ? real : absPath;
  if (!insideOf(realRoot, real)) return `${field} resolves to ${named}, outside the repository (${realRoot})`;
  if (path2.relative(realRoot, real).split(path2.sep).includes(".git"))
    return `${field} resolves to ${real}, inside a .git folder`;
  const stats = statSync2(real);
  return (kind === "file" ? stats.isFile() : stats.isDirectory()) ? void 0 : missing;
}
function insideOf(root, absPath) {
  const rel = path2.relative(root, absPath);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${path2.sep}`) && !path2.isAbsolute(rel);
}
function repositoryPath(root, absPath) {
  const relative = path2.relative(root, path2.resolve(absPath));
  if (relative.startsWith("..") || path2.isAbsolute(relative)) return void 0;
  return relative.split(path2.sep).join("/");
}

// src/load/discover.ts
var MANIFEST_NAMES = ["workflow.yml", "workflow.yaml"];
var TASK_FILE_EXTENSIONS = /* @__PURE__ */ new Set([".yaml", ".yml", ".json", ".jsonl"]);
var NOT_TASK_FILES = /* @__PURE__ */ new Set(["package.json", "package-lock.json", "tsconfig.json"]);
async function findManifests(tasksDir) {
  const root = path3.resolve(tasksDir);
  const problem = (absPath, message) => ({
    file: displayPath(absPath),
    message,
    severity: "error"
  });
  if (!await isDirectory(root)) return { manifests: [], problems: [problem(root, "tasks folder not found")] };
  const own = await manifestIn(root);
  if (own) return { manifests: [own], problems: [] };
  const manifests = [];
  const problems = [];
  for (const entry of visibleEntries(root, problems)) {
    const absPath = path3.join(root, entry.name);
    if (await isFolder(entry, absPath)) {
      const manifest = await manifestIn(absPath);
      if (manifest) manifests.push(manifest);
      else
        problems.push(
          problem(absPath, `folder has no workflow.yml (every folder in ${displayPath(root)} is a workflow)`)
        );
    } else if (isTaskFileName(entry.name)) {
      problems.push(
        problem(absPath, `task file outside a workflow folder (expected ${displayPath(root)}/<workflow>/...)`)
      );
    }
  }
  if (manifests.length === 0 && problems.length === 0) {
    problems.push(problem(root, `no workflow found (expected ${displayPath(root)}/<workflow>/workflow.yml)`));
  }
  return { manifests, problems };
}
async function findTaskFiles(dir, exclude, repoRoot = dir) {
  const files = [];
  const problems = [];
  const start = path3.resolve(dir);
  let realStart = start;
  try {
    realStart = realpathSync2.native(start);
  } catch {
  }
  const covered = [realStart];
  const walk2 = async (folder, depth) => {
    for (const entry of visibleEntries(folder, problems)) {
      const absPath = path3.join(folder, entry.name);
      if (await isFolder(entry, absPath)) {
        const refused = entry.isDirectory() ? void 0 : await folderLinkProblem(absPath, covered, repoRoot);
        if (refused) problems.push({ file: displayPath(absPath), message: refused, severity: "error" });
        else await walk2(absPath, depth + 1);
        continue;
      }
      if (exclude.has(absPath) || !isTaskFileName(entry.name)) continue;
      if (depth > 0 && MANIFEST_NAMES.includes(entry.name)) {
        problems.push({
          file: displayPath(absPath),
          message: "a workflow manifest inside a workflow folder: workflows do not nest",
          severity: "error"
        });
        continue;
      }
      if (entry.isFile() || await isFile(absPath)) files.push(absPath);
    }
  };
  await walk2(start, 0);
  return { files, problems };
}
async function folderLinkProblem(absPath, covered, repoRoot) {
  if (!lstatSync(absPath).isSymbolicLink()) return void 0;
  const outside = await repoPathProblem("the folder link", absPath, "folder", repoRoot, displayPath(absPath));
  if (outside) return `${outside}; links are not followed out of the repository`;
  const real = realpathSync2.native(absPath);
  const overlap = covered.find((folder) => isWithin(folder, real) || isWithin(real, folder));
  if (overlap)
    return `the folder link leads back into the task folders (to ${displayPath(real)}); links into folders already read are not followed`;
  covered.push(real);
  return void 0;
}
function isWithin(folder, absPath) {
  const rel = path3.relative(folder, absPath);
  return rel === "" || !rel.startsWith(`..${path3.sep}`) && rel !== ".." && !path3.isAbsolute(rel);
}
async function manifestIn(folder) {
  for (const name of MANIFEST_NAMES) {
    const candidate = path3.join(folder, name);
    if (await isFile(candidate)) return candidate;
  }
  return void 0;
}
function isTaskFileName(name) {
  return TASK_FILE_EXTENSIONS.has(path3.extname(name).toLowerCase()) && !NOT_TASK_FILES.has(name);
}
async function isFolder(entry, absPath) {
  return entry.isDirectory() || !entry.isFile() && await isDirectory(absPath);
}
function visibleEntries(folder, problems) {
  try {
    const entries = readdirSync(folder, { withFileTypes: true });
    return entries.filter(({ name }) => !name.startsWith(".") && name !== "node_modules").sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  } catch (err) {
    problems.push({
      file: displayPath(folder),
      message: `cannot read folder: ${err.message}`,
      severity: "error"
    });
    return [];
  }
}

// src/redact/builtin-rules.ts
var BUILTIN_REDACTIONS = {
  email: String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`,
  phone: String.raw`(?<![\w+])(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}|\(\d{3}\)[\s.-]?\d{3}[\s.-]?\d{4}|\d{3}(?:[\s.-]\d{3}[\s.-]?|\d{3}[\s.-])\d{4})(?!\w)`,
  card: String.raw`(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)`,
  national_id: String.raw`\b(?:\d{3}-\d{2}-\d{4}|[A-CEGHJ-PR-TW-Z]{2}\d{6}[A-D])\b`
};

// src/redact/card-scanner.ts
var CANDIDATES = new RegExp(BUILTIN_REDACTIONS.card, "g");
function cardSpans(text2, first = false) {
  const spans = [];
  CANDIDATES.lastIndex = 0;
  for (let match = CANDIDATES.exec(text2); match !== null; match = CANDIDATES.exec(text2)) {
    if (!luhnValid(match[0])) continue;
    spans.push([match.index, match.index + match[0].length]);
    if (first) break;
  }
  return spans;
}
function luhnValid(text2) {
  let sum = 0;
  let double = false;
  for (let i = text2.length - 1; i >= 0; i--) {
    const code = text2.charCodeAt(i) - 48;
    if (code < 0 || code > 9) continue;
    const digit = double ? code * 2 : code;
    sum += digit > 9 ? digit - 9 : digit;
    double = !double;
  }
  return sum % 10 === 0;
}

// src/redact/email-scanner.ts
var LOCAL = charTable("A-Za-z0-9._%+-");
var DOMAIN = charTable("A-Za-z0-9.-");
var LETTER = charTable("A-Za-z");
function emailSpans(text2, first = false) {
  const spans = [];
  let from = 0;
  let at = text2.indexOf("@");
  while (at !== -1) {
    let start = at;
    while (start > from && LOCAL[text2.charCodeAt(start - 1)]) start--;
    const end = start < at ? domainEnd(text2, at + 1) : -1;
    if (end === -1) {
      at = text2.indexOf("@", at + 1);
      continue;
    }
    spans.push([start, end]);
    if (first) break;
    from = end;
    at = text2.indexOf("@", end);
  }
  return spans;
}
function domainEnd(text2, begin) {
  let stop = begin;
  while (stop < text2.length && DOMAIN[text2.charCodeAt(stop)]) stop++;
  for (let dot = stop - 3; dot > begin; dot--) {
    if (text2.charCodeAt(dot) !== 46 || !LETTER[text2.charCodeAt(dot + 1)] || !LETTER[text2.charCodeAt(dot + 2)])
      continue;
    let end = dot + 3;
    while (end < stop && LETTER[text2.charCodeAt(end)]) end++;
    return end;
  }
  return -1;
}
function charTable(spec) {
  const table = new Uint8Array(128);
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === "-" && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) table[c] = 1;
      i += 2;
    } else {
      table[spec.charCodeAt(i)] = 1;
    }
  }
  return table;
}

// src/redact/matchers.ts
var SCANNERS = {
  email: { spans: emailSpans, holds: "@" },
  card: { spans: cardSpans }
};
function matcherFor(rule) {
  const scanner = BUILTIN_REDACTIONS[rule.name] === rule.pattern ? SCANNERS[rule.name] : void 0;
  if (scanner) return scannerMatcher(scanner.spans, scanner.holds);
  const global = new RegExp(rule.pattern, "g");
  const once = new RegExp(rule.pattern);
  return {
    replace: (text2, mark) => {
      global.lastIndex = 0;
      return text2.replace(global, () => mark);
    },
    test: (text2) => once.test(text2)
  };
}
function scannerMatcher(spans, holds) {
  const test = (text2) => spans(text2, true).length > 0;
  return {
    replace: (text2, mark) => {
      const found = spans(text2);
      if (found.length === 0) return text2;
      let out = "";
      let last = 0;
      for (const [start, end] of found) {
        out += text2.slice(last, start) + mark;
        last = end;
      }
      return out + text2.slice(last);
    },
    test: holds === void 0 ? test : (text2) => text2.includes(holds) && test(text2)
  };
}

// src/redact/redactor.ts
var NONE = { active: false, text: (v) => v, value: (v) => v };
function workflowRedactor(workflow) {
  return createRedactor(workflow.data_governance?.redact, workflow.redact_ignore);
}
function createRedactor(rules, ignore = []) {
  if (!rules || rules.length === 0) return NONE;
  const ignored = new Set(ignore);
  const compiled = rules.map((rule) => ({ matcher: matcherFor(rule), mark: `[REDACTED:${rule.name}]` }));
  const text2 = (input) => {
    let out = input;
    for (const { matcher, mark } of compiled) out = matcher.replace(out, mark);
    return out;
  };
  const walk2 = (value) => {
    if (typeof value === "string") return text2(value);
    if (Array.isArray(value)) return value.map(walk2);
    if (value !== null && typeof value === "object") {
      const copy = {};
      for (const [key, inner] of Object.entries(value)) copy[key] = ignored.has(key) ? inner : walk2(inner);
      return copy;
    }
    return value;
  };
  return { active: true, text: text2, value: (value) => walk2(value) };
}
function matchFinder(rules, ignore = []) {
  const matchers = rules.map((rule) => ({ name: rule.name, matcher: matcherFor(rule) }));
  const ignored = new Set(ignore);
  const walk2 = (inner, at, found) => {
    if (typeof inner === "string") {
      for (let m = 0; m < matchers.length; m++)
        if (matchers[m].matcher.test(inner)) found.push({ path: [...at], rule: matchers[m].name });
    } else if (Array.isArray(inner)) {
      for (let i = 0; i < inner.length; i++) {
        at.push(i);
        walk2(inner[i], at, found);
        at.pop();
      }
    } else if (inner !== null && typeof inner === "object") {
      const keys = Object.keys(inner);
      for (let k = 0; k < keys.length; k++) {
        if (ignored.has(keys[k])) continue;
        at.push(keys[k]);
        walk2(inner[keys[k]], at, found);
        at.pop();
      }
    }
  };
  return (value, path11 = []) => {
    const found = [];
    walk2(value, [...path11], found);
    return found;
  };
}

// src/load/issues.ts
function issueProblems(issues, at, file, what) {
  return issues.flatMap((issue) => describe(issue, issue.path, at, what)).map(({ line, message }) => ({
    file,
    line,
    message,
    severity: "error"
  }));
}
function describe(issue, path11, at, what) {
  const value = valueAt(at.value, path11);
  const name = shortName(path11);
  const one = (message) => [{ line: at.lineOf(path11), message }];
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ line: at.keyLineOf(path11, key), message: unknownKeyMessage(path11, key) }));
  }
  if (value === void 0 && path11.length > 0) return one(`missing required field "${name}"${within(path11)}`);
  switch (issue.code) {
    case "invalid_type":
      if (path11.length === 0)
        return one(`${what} must be ${expectedWords(issue.expected)}, got ${describeDocument(value)}`);
      return one(
        `"${name}" must be ${expectedWords(issue.expected)}, got ${describeValue(value)}${quoteHint(issue.expected, value)}`
      );
    case "invalid_value":
      return one(notOneOf(name, value, issue.values));
    case "invalid_union":
      if (issue.discriminator !== void 0 && "options" in issue && issue.options) {
        return one(notOneOf(fieldName(path11), value, issue.options));
      }
      return describeUnion(issue.errors, path11, at, what, value);
    case "too_small":
    case "too_big":
    case "invalid_format":
      if (issue.message.startsWith("must ")) return one(`"${name}" ${issue.message}, got ${describeValue(value)}`);
      return one(describeBound(issue, name, value));
    case "custom":
      if (issue.message.startsWith("must ")) return one(`"${name}" ${issue.message}, got ${describeValue(value)}`);
      return one(issue.message === "Invalid input" ? `"${name}" is not valid` : issue.message);
    default:
      return one(`"${name}": ${issue.message}`);
  }
}
function describeUnion(options, path11, at, what, value) {
  const wrongType = (issues) => issues.some((i) => i.code === "invalid_type" && i.path.length === 0);
  const fitting = options.filter((issues) => issues.length > 0 && !wrongType(issues));
  if (fitting.length > 0) {
    const closest = fitting.reduce((a, b) => b.length < a.length ? b : a);
    return closest.flatMap((issue) => describe(issue, [...path11, ...issue.path], at, what));
  }
  const expected = options.flat().filter((i) => i.code === "invalid_type" && i.path.length === 0);
  const words = [...new Set(expected.map((i) => expectedWords(i.expected)))];
  const name = path11.length === 0 ? what : `"${shortName(path11)}"`;
  const got = path11.length === 0 ? describeDocument(value) : describeValue(value);
  return [{ line: at.lineOf(path11), message: `${name} must be ${orList(words)}, got ${got}` }];
}
function describeBound(issue, name, value) {
  if (issue.code === "invalid_format") return `"${name}" is not a valid ${issue.format}, got ${describeValue(value)}`;
  const small = issue.code === "too_small";
  const bound = small ? issue.minimum : issue.maximum;
  if (issue.origin === "array")
    return `"${name}" must have ${small ? "at least" : "at most"} ${bound} item${bound === 1 ? "" : "s"}`;
  if (issue.origin === "string") {
    return small && bound === 1 ? `"${name}" must not be empty` : `"${name}" must have ${small ? "at least" : "at most"} ${bound} characters`;
  }
  const relation = small ? issue.inclusive ? "at least" : "more than" : issue.inclusive ? "at most" : "less than";
  return `"${name}" must be ${relation} ${bound}, got ${describeValue(value)}`;
}
function unknownKeyMessage(path11, key) {
  const parent = path11[path11.length - 1];
  if (parent === "tiers" || parent === "max_drop") return `unknown tier "${key}" (tiers are ${TIERS.join(", ")})`;
  if (parent === "phases") return `unknown phase "${key}" (phases are ${PHASES.join(", ")})`;
  if (path11[path11.length - 2] === "limits")
    return `unknown limit kind "${key}"${within([...path11, key])} (limits are ${LIMIT_KINDS.join(", ")})`;
  return `unknown field "${key}"${within([...path11, key])}`;
}
function notOneOf(name, value, allowed) {
  const list = allowed.map(String);
  if (typeof value === "string") return `${name} "${value}" is not one of ${list.join(", ")}`;
  return `${name} must be ${orList(list)}, got ${describeValue(value)}`;
}
function quoteHint(expected, value) {
  return expected === "string" && (typeof value === "number" || typeof value === "boolean") ? ` (put it in quotes: "${value}")` : "";
}
var EXPECTED_WORDS = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  tuple: "a list",
  object: "a map",
  record: "a map",
  map: "a map",
  null: "empty"
};
function expectedWords(expected) {
  return EXPECTED_WORDS[expected] ?? expected;
}
function describeDocument(value) {
  if (typeof value === "string") return "plain text (not shown; is it the right file?)";
  return typeof value === "number" || typeof value === "boolean" ? `a single ${typeof value}` : describeValue(value);
}
function describeValue(value) {
  if (value === null) return "nothing (an empty value)";
  if (value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return JSON.stringify(preview(value, 60, { mark: "...", markInside: true }));
  return String(value);
}
function orList(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
function shortName(path11) {
  let start = path11.length - 1;
  while (start > 0 && typeof path11[start] === "number") start--;
  return fieldName(path11.slice(start));
}
function within(path11) {
  return path11.length > 1 ? ` in ${fieldName(path11.slice(0, -1))}` : "";
}
function fieldName(path11) {
  return path11.reduce((name, segment) => {
    if (typeof segment === "number") return `${name}[${segment}]`;
    return name === "" ? String(segment) : `${name}.${String(segment)}`;
  }, "");
}
function valueAt(root, path11) {
  let current = root;
  for (const segment of path11) {
    if (typeof current !== "object" || current === null) return void 0;
    current = current[segment];
  }
  return current;
}

// src/load/task-checks.ts
function taskChecksAgainst(workflow) {
  const pii = piiFinder(workflow);
  return (task) => checkAgainstWorkflow(task, workflow, pii);
}
function checkAgainstWorkflow({ task, at }, workflow, pii) {
  const problems = [];
  const error = (line, message) => problems.push({ file: task.source.file, line, message, severity: "error" });
  const allowed = (tool) => tool === REQUEST_APPROVAL || tool in workflow.permissions;
  const unlisted = `which the permissions of workflow "${workflow.name}" do not list`;
  const required = workflow.inputs.required;
  if (required.length > 0 && !isPlainMap(task.input)) {
    error(
      at.lineOf(["input"]),
      `input must be a map with the fields workflow "${workflow.name}" requires (${required.join(", ")}), got ${describeValue(task.input)}`
    );
  } else {
    for (const field of required) {
      if (valueAtDottedPath(task.input, field) === void 0) {
        error(
          at.lineOf(["input"]),
          `input is missing required field "${field}" (inputs.required of workflow "${workflow.name}")`
        );
      }
    }
  }
  for (const tool of Object.keys(task.fixtures)) {
    if (!allowed(tool)) error(at.keyLineOf(["fixtures"], tool), `fixture for tool "${tool}", ${unlisted}`);
  }
  task.expected.actions?.forEach(({ tool }, i) => {
    if (!allowed(tool))
      error(at.lineOf(["expected", "actions", i, "tool"]), `expected action on tool "${tool}", ${unlisted}`);
  });
  task.expected.forbidden_actions?.forEach((tool, i) => {
    if (!allowed(tool))
      error(at.lineOf(["expected", "forbidden_actions", i]), `forbidden action on tool "${tool}", ${unlisted}`);
  });
  append(problems, piiWarnings({ task, at }, pii));
  if (!workflow.tools_backend) {
    const needsBackend = (path11, what) => error(
      at.lineOf(path11),
      `${what} needs a tools backend: add "tools_backend: { command: [...] }" (or { url }) to workflow "${workflow.name}"`
    );
    if (task.initial_state !== void 0) needsBackend(["initial_state"], "initial_state");
    if (task.expected.state !== void 0) needsBackend(["expected", "state"], "expected.state");
    if (task.expected.state_equals_replay !== void 0)
      needsBackend(["expected", "state_equals_replay"], "expected.state_equals_replay");
  }
  if (task.expected.judge !== void 0 && !workflow.judge) {
    error(
      at.lineOf(["expected", "judge"]),
      `expected.judge needs a judge model: add "judge: { model: ... }" to workflow "${workflow.name}" (or use an openai agent)`
    );
  }
  return problems;
}
var PII_DETECTORS = Object.entries(BUILTIN_REDACTIONS).map(([name, pattern]) => ({ name, pattern }));
var PII_WARNINGS_PER_TASK = 3;
function piiFinder(workflow) {
  const rules = [
    ...PII_DETECTORS,
    ...(workflow.data_governance?.redact ?? []).filter((r) => !(r.name in BUILTIN_REDACTIONS))
  ];
  return matchFinder(rules, workflow.redact_ignore);
}
function piiWarnings({ task, at }, find) {
  const matches = [...find(task.input, ["input"]), ...find(fixtureValues(task), ["fixtures"])];
  return matches.slice(0, PII_WARNINGS_PER_TASK).map(({ path: path11, rule }) => ({
    file: task.source.file,
    line: at.lineOf(path11),
    message: `task "${task.id}": ${path11.join(".")} looks like PII (${rule}); golden tasks should be synthetic`,
    severity: "warning"
  }));
}
function fixtureValues(task) {
  return Object.fromEntries(
    Object.entries(task.fixtures).map(([tool, f]) => [tool, f.kind === "value" ? f.value : f.cases])
  );
}
function checkDuplicateIds(tasks) {
  const first = /* @__PURE__ */ new Map();
  const problems = [];
  for (const located2 of tasks) {
    const { id, source } = located2.task;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, located2);
      continue;
    }
    const where = `${earlier.task.source.file}:${earlier.at.lineOf(["id"])}`;
    problems.push({
      file: source.file,
      line: located2.at.lineOf(["id"]),
      message: `duplicate task id "${id}" (first defined at ${where})`,
      severity: "error"
    });
  }
  return problems;
}
function valueAtDottedPath(value, dotted) {
  let current = value;
  for (const key of dotted.split(".")) {
    if (!isPlainMap(current)) return void 0;
    current = current[key];
  }
  return current;
}

// src/load/grader-files.ts
import { access, constants } from "node:fs/promises";
import path4 from "node:path";
async function graderProblems({ task, at }, dir, repoRoot) {
  const grader = task.expected.grader;
  if (!grader) return [];
  const problem = (where2, message) => [
    { file: task.source.file, line: at.lineOf(["expected", "grader", ...where2]), message, severity: "error" }
  ];
  if ("module" in grader) {
    const abs2 = path4.resolve(dir, grader.module);
    const outside = await repoPathProblem("expected.grader.module", abs2, "file", repoRoot, displayPath(abs2));
    return outside ? problem(["module"], outside) : [];
  }
  const listed = Array.isArray(grader.command);
  const program = listed ? grader.command[0] : grader.command.trim().split(/\s+/)[0];
  if (!program.includes("/")) return [];
  const where = listed ? ["command", 0] : ["command"];
  const field = listed ? "expected.grader.command[0]" : "the program of expected.grader.command";
  const abs = path4.resolve(dir, program);
  const shown = displayPath(abs);
  if (!path4.isAbsolute(program)) {
    const outside = await repoPathProblem(field, abs, "file", repoRoot, shown);
    if (outside) return problem(where, outside);
  }
  try {
    await access(abs, constants.X_OK);
    return [];
  } catch (err) {
    const missing = err.code === "ENOENT";
    return problem(
      where,
      missing ? `${field} names a file that does not exist: ${shown}` : `${field} names a file that is not executable: ${shown} (chmod +x it, or run it through its interpreter)`
    );
  }
}

// src/load/problem-list.ts
var problemList = array(
  object({
    file: string(),
    line: number().optional(),
    message: string(),
    severity: _enum(["error", "warning"])
  })
);

// src/load/read-data-file.ts
import path5 from "node:path";

// src/load/json-duplicate-keys.ts
var TOKEN = /["[\]{}]/g;
var COLON_NEXT = /[ \t\n\r]*:/y;
function firstDuplicateKey(json) {
  const open = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.test(json)) {
    const at = TOKEN.lastIndex - 1;
    const ch = json.charCodeAt(at);
    if (ch === 123) open.push(/* @__PURE__ */ new Set());
    else if (ch === 91) open.push(null);
    else if (ch === 125 || ch === 93) open.pop();
    else {
      const end = stringEnd(json, at);
      const keys = open[open.length - 1];
      if (keys && isFollowedByColon(json, end + 1)) {
        const raw = json.slice(at + 1, end);
        const key = raw.includes("\\") ? JSON.parse(json.slice(at, end + 1)) : raw;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      TOKEN.lastIndex = end + 1;
    }
  }
  return void 0;
}
function stringEnd(json, start) {
  let quote = json.indexOf('"', start + 1);
  while (quote !== -1 && isEscaped(json, quote)) quote = json.indexOf('"', quote + 1);
  return quote === -1 ? json.length : quote;
}
function isEscaped(json, at) {
  let before = at - 1;
  while (json.charCodeAt(before) === 92) before--;
  return (at - 1 - before) % 2 === 1;
}
function isFollowedByColon(json, from) {
  if (json.charCodeAt(from) === 58) return true;
  COLON_NEXT.lastIndex = from;
  return COLON_NEXT.test(json);
}

// src/load/located.ts
function onOneLine(value, line) {
  return {
    value,
    line,
    lineOf: () => line,
    keyLineOf: () => line,
    elements: () => Array.isArray(value) ? value.map((v) => onOneLine(v, line)) : []
  };
}

// src/load/yaml-fast.ts
var MapShape = class {
  constructor(line) {
    this.line = line;
  }
  line;
  keys = [];
  keyLines = [];
  kids = [];
  add(key, keyLine, kid) {
    this.keys.push(key);
    this.keyLines.push(keyLine);
    this.kids.push(kid);
  }
};
var SeqShape = class {
  constructor(line) {
    this.line = line;
  }
  line;
  kids = [];
};
var UNREADABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\r(?!\n)/;
var LONGEST_KEY = 1e3;
var CORE_INT = /^[-+]?[0-9]+$/;
var CORE_OCT = /^0o[0-7]+$/;
var CORE_HEX = /^0x[0-9a-fA-F]+$/;
var CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
var CORE_INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
var CORE_NAN = /^\.(?:nan|NaN|NAN)$/;
var EXACT_DIGITS = 15;
var CORE_WORDS = /* @__PURE__ */ new Map([
  ["~", null],
  ["null", null],
  ["Null", null],
  ["NULL", null],
  ["true", true],
  ["True", true],
  ["TRUE", true],
  ["false", false],
  ["False", false],
  ["FALSE", false]
]);
var SPACE = 32;
var TAB = 9;
var LF = 10;
var CR = 13;
var HASH = 35;
var DASH = 45;
var COLON = 58;
var COMMA = 44;
var DQUOTE = 34;
var SQUOTE = 39;
var BACKSLASH = 92;
var LBRACKET = 91;
var RBRACKET = 93;
var LBRACE = 123;
var RBRACE = 125;
var PIPE = 124;
var GT = 62;
var DOT = 46;
var PLAIN_STOPS = /[:#]/g;
var KEY_STOPS = /[:#\n]/g;
var FLOW_PLAIN_STOPS = /[:#,[\]{}\n\r]/g;
var DQUOTE_SPECIAL = /[\\\n\r]/;
var INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));
var DECLINED = new Error("outside the quick subset");
function readYamlQuickly(text2, maxDepth) {
  const read = readSubset(text2, maxDepth, false);
  if (read === void 0) return void 0;
  if (read.value === null) return [];
  let shape;
  const shapeOf = () => shape ??= readSubset(text2, maxDepth, true).shape;
  const top = read.topItems;
  const items = Array.isArray(read.value) && top ? top.map((line, i) => ({ line, path: [i] })) : [];
  return [located(read.value, lineOfShape(read.shape), [], shapeOf, items)];
}
function readSubset(text2, maxDepth, keepShapes) {
  if (UNREADABLE.test(text2)) return void 0;
  const reader = new SubsetReader(text2, maxDepth, keepShapes);
  try {
    reader.start();
    reader.value = reader.indent < 0 ? null : reader.root();
  } catch (err) {
    if (err === DECLINED || err instanceof RangeError) return void 0;
    throw err;
  }
  return reader;
}
var SubsetReader = class {
  constructor(text2, maxDepth, keepShapes) {
    this.text = text2;
    this.maxDepth = maxDepth;
    this.keepShapes = keepShapes;
  }
  text;
  maxDepth;
  keepShapes;
  /** Offset of the next character to read. */
  pos = 0;
  /** 1-based line of `pos`, and the offset where that line starts. */
  line = 1;
  lineStart = 0;
  depth = 0;
  /** Whether the plain line read last ended at a comment (which ends the scalar). */
  commentEnded = false;
  documentStartAllowed = false;
  /** keyEnd's answer for the position it was last asked at. */
  keyEndOf = -1;
  keyEndAt = -1;
  /** Indentation of the content line `pos` is at (after advance), or -1 at the end of the text. */
  indent = -1;
  /** The shape of the value read last. */
  shape = 1;
  /** The lines of the items of a top-level list. */
  topItems;
  /** The text's value, once read. */
  value;
  root() {
    const c = this.code(this.pos);
    const value = c === LBRACKET || c === LBRACE ? this.rootFlow() : this.node(-1);
    if (this.indent !== -1) throw DECLINED;
    return value;
  }
  /** To the first content line, past a `---` that starts the text's one document. */
  start() {
    this.documentStartAllowed = true;
    this.advance();
    this.documentStartAllowed = false;
  }
  /** From the start of a line, past blank and comment lines to the first content character. */
  advance() {
    const text2 = this.text;
    for (; ; ) {
      let i = this.pos;
      while (text2.charCodeAt(i) === SPACE) i++;
      if (i >= text2.length) {
        this.pos = i;
        this.indent = -1;
        return;
      }
      const c = text2.charCodeAt(i);
      if (c === HASH || this.atLineEnd(i)) {
        const eol = text2.indexOf("\n", i);
        if (eol === -1) {
          this.pos = text2.length;
          this.indent = -1;
          return;
        }
        this.newLine(eol + 1);
        continue;
      }
      if (c === TAB) throw DECLINED;
      const indent = i - this.pos;
      if (indent === 0 && (c === 37 || this.startsMarker(i))) {
        if (!this.documentStartAllowed || c !== DASH) throw DECLINED;
        this.documentStartAllowed = false;
        this.pos = i + 3;
        this.endLine();
        return;
      }
      this.pos = i;
      this.indent = indent;
      return;
    }
  }
  /** A node that starts at `pos`, inside a collection indented `owner`. */
  node(owner) {
    const column = this.pos - this.lineStart;
    if (this.atSequenceEntry()) return this.sequence(column);
    if (this.keyEnd() !== -1) return this.mapping(column);
    return this.scalar(owner);
  }
  sequence(indent) {
    this.enter();
    const line = this.line;
    const shape = this.seqShape();
    const values = [];
    for (; ; ) {
      this.pos++;
      values.push(this.valueAfter(indent, false));
      shape?.kids.push(this.shape);
      if (this.indent === indent && this.atSequenceEntry()) continue;
      if (this.indent > indent) throw DECLINED;
      break;
    }
    this.leave(shape, line);
    return values;
  }
  mapping(indent) {
    this.enter();
    const line = this.line;
    const shape = this.mapShape();
    const map = {};
    for (; ; ) {
      const keyLine = this.line;
      const key = this.key();
      if (key === "__proto__" || Object.hasOwn(map, key)) throw DECLINED;
      map[key] = this.valueAfter(indent, true);
      shape?.add(key, keyLine, this.shape);
      if (this.indent === indent) {
        if (this.keyEnd() === -1) throw DECLINED;
        continue;
      }
      if (this.indent > indent) throw DECLINED;
      break;
    }
    this.leave(shape, line);
    return map;
  }
  /** The value after a mapping's `:` or a sequence's `-` (at `pos`), in a collection indented `owner`. */
  valueAfter(owner, inMapping) {
    const line = this.line;
    const c = this.code(this.pos);
    if (c !== SPACE && !this.atLineEnd(this.pos)) throw DECLINED;
    this.skipSpaces();
    if (this.atLineEnd(this.pos) || this.code(this.pos) === HASH) {
      this.endLine();
      if (this.indent > owner) return this.node(owner);
      if (inMapping && this.indent === owner && this.atSequenceEntry()) return this.sequence(owner);
      this.shape = line;
      return null;
    }
    if (!inMapping) {
      const column = this.pos - this.lineStart;
      if (this.atSequenceEntry()) return this.sequence(column);
      if (this.keyEnd() !== -1) return this.mapping(column);
    }
    return this.scalar(owner);
  }
  /** A scalar, or a flow collection on one line, at `pos`; ends past its last line. */
  scalar(owner) {
    const c = this.code(this.pos);
    const line = this.line;
    let value;
    if (c === DQUOTE) value = this.doubleQuoted();
    else if (c === SQUOTE) value = this.singleQuoted();
    else if (c === LBRACKET || c === LBRACE) {
      value = this.flow(false);
      this.endLine();
      return value;
    } else if (c === PIPE || c === GT) return this.blockScalar(owner);
    else return this.plain(owner);
    this.shape = line;
    this.endLine();
    return value;
  }
  /** A plain scalar, continued on more indented lines. */
  plain(owner) {
    const text2 = this.text;
    if (!this.plainMayStart(this.pos)) throw DECLINED;
    const line = this.line;
    let value = this.plainLine();
    let breaks = 0;
    let next = text2.indexOf("\n", this.pos);
    while (next !== -1 && !this.commentEnded) {
      let i = next + 1;
      while (text2.charCodeAt(i) === SPACE) i++;
      const c = text2.charCodeAt(i);
      if (i >= text2.length) break;
      if (this.atLineEnd(i)) {
        breaks++;
        next = text2.indexOf("\n", i);
        continue;
      }
      if (i - next - 1 <= owner || c === HASH) break;
      if (c === TAB || INDICATORS.has(c) || this.startsMarker(i)) throw DECLINED;
      this.lineUntil(next + 1);
      this.pos = i;
      value += (breaks === 0 ? " " : "\n".repeat(breaks)) + this.plainLine();
      breaks = 0;
      next = text2.indexOf("\n", this.pos);
    }
    this.shape = line;
    this.endLine();
    return resolvePlain(value);
  }
  /** The rest of the line as plain text (to a comment), leaving `pos` at its end. */
  plainLine() {
    const text2 = this.text;
    const start = this.pos;
    let eol = text2.indexOf("\n", start);
    if (eol === -1) eol = text2.length;
    else if (text2.charCodeAt(eol - 1) === CR) eol--;
    let end = eol;
    this.commentEnded = false;
    PLAIN_STOPS.lastIndex = start;
    for (let found = PLAIN_STOPS.exec(text2); found !== null && found.index < eol; found = PLAIN_STOPS.exec(text2)) {
      const i = found.index;
      if (text2.charCodeAt(i) === HASH) {
        if (!isBlank(text2.charCodeAt(i - 1))) continue;
        end = i;
        this.commentEnded = true;
        break;
      }
      if (i + 1 === eol || isBlank(text2.charCodeAt(i + 1))) throw DECLINED;
    }
    while (end > start && isBlank(text2.charCodeAt(end - 1))) end--;
    this.pos = end;
    return text2.slice(start, end);
  }
  doubleQuoted() {
    const text2 = this.text;
    const start = this.pos + 1;
    const close = text2.indexOf('"', start);
    if (close !== -1 && !DQUOTE_SPECIAL.test(text2.slice(start, close))) {
      this.pos = close + 1;
      return text2.slice(start, close);
    }
    const end = this.closingQuote(this.pos);
    if (end === -1) throw DECLINED;
    this.pos = end + 1;
    const raw = text2.slice(start, end);
    if (!raw.includes("\\")) return raw;
    try {
      return JSON.parse(`"${raw}"`);
    } catch {
      throw DECLINED;
    }
  }
  singleQuoted() {
    const end = this.closingQuote(this.pos);
    if (end === -1) throw DECLINED;
    const raw = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return raw.replaceAll("''", "'");
  }
  /** The offset of the quote closing the scalar quoted at `open` (past escapes and `''`), or -1 when its line ends first. */
  closingQuote(open) {
    const text2 = this.text;
    const quote = text2.charCodeAt(open);
    for (let i = open + 1; i < text2.length; ) {
      const c = text2.charCodeAt(i);
      if (c === LF || c === CR) return -1;
      if (quote === DQUOTE && c === BACKSLASH) i += 2;
      else if (c !== quote) i++;
      else if (quote === SQUOTE && text2.charCodeAt(i + 1) === SQUOTE) i += 2;
      else return i;
    }
    return -1;
  }
  /** A `|` or `>` block scalar, in a collection indented `owner`. */
  blockScalar(owner) {
    const text2 = this.text;
    const folded = this.code(this.pos) === GT;
    const headerLine = this.line;
    this.pos++;
    const chomp = this.code(this.pos);
    const keep = chomp === 43;
    const strip = chomp === DASH;
    if (keep || strip) this.pos++;
    const after = this.code(this.pos);
    if (after !== SPACE && !this.atLineEnd(this.pos)) throw DECLINED;
    this.skipSpaces();
    if (!this.atLineEnd(this.pos) && this.code(this.pos) !== HASH) throw DECLINED;
    let eol = text2.indexOf("\n", this.pos);
    if (eol === -1) throw DECLINED;
    const lines = [];
    let contentIndent = -1;
    let lastContent = -1;
    let leadingBlank = 0;
    let start = eol + 1;
    while (start < text2.length) {
      let i = start;
      while (text2.charCodeAt(i) === SPACE) i++;
      eol = text2.indexOf("\n", start);
      if (eol === -1) throw DECLINED;
      const end = text2.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
      const spaces = i - start;
      if (spaces === 0 && this.startsMarker(i)) throw DECLINED;
      if (i === end) {
        if (contentIndent < 0) leadingBlank = Math.max(leadingBlank, spaces);
        else if (spaces > contentIndent) throw DECLINED;
        lines.push("");
      } else {
        if (contentIndent < 0) {
          if (spaces <= owner || spaces < leadingBlank) throw DECLINED;
          contentIndent = spaces;
        }
        if (spaces < contentIndent) break;
        if (text2.charCodeAt(i) === TAB && spaces === contentIndent) throw DECLINED;
        lines.push(text2.slice(start + contentIndent, end));
        lastContent = lines.length - 1;
      }
      this.lineUntil(eol + 1);
      start = eol + 1;
    }
    if (lastContent < 0) throw DECLINED;
    const content = lines.slice(0, lastContent + 1);
    let body;
    if (folded) {
      if (content[0] === "" || content.some((l) => l !== "" && isBlank(l.charCodeAt(0)))) throw DECLINED;
      body = content[0];
      let breaks = 0;
      for (let k = 1; k < content.length; k++) {
        if (content[k] === "") breaks++;
        else {
          body += (breaks === 0 ? " " : "\n".repeat(breaks)) + content[k];
          breaks = 0;
        }
      }
    } else body = content.join("\n");
    this.pos = start;
    this.advance();
    this.shape = headerLine;
    if (strip) return body;
    return keep ? body + "\n".repeat(lines.length - lastContent) : body + "\n";
  }
  /** A flow collection at `pos`: on one line, or (`anyLines`, a JSON document) over several. */
  flow(anyLines) {
    this.enter();
    const text2 = this.text;
    const line = this.line;
    const open = this.code(this.pos);
    const close = open === LBRACKET ? RBRACKET : RBRACE;
    this.pos++;
    const shape = open === LBRACE ? this.mapShape() : this.seqShape();
    const list = [];
    const map = {};
    this.flowSpace(anyLines);
    if (this.code(this.pos) === close) this.pos++;
    else
      for (; ; ) {
        if (open === LBRACE) {
          const keyLine = this.line;
          const key = this.flowKey();
          if (key === "__proto__" || Object.hasOwn(map, key)) throw DECLINED;
          this.flowSpace(anyLines);
          if (this.code(this.pos) !== COLON) throw DECLINED;
          this.pos++;
          this.flowSpace(anyLines);
          map[key] = this.flowItem(anyLines);
          shape?.add(key, keyLine, this.shape);
        } else {
          list.push(this.flowItem(anyLines));
          shape?.kids.push(this.shape);
        }
        this.flowSpace(anyLines);
        const c = text2.charCodeAt(this.pos);
        this.pos++;
        if (c === close) break;
        if (c !== COMMA) throw DECLINED;
        this.flowSpace(anyLines);
        if (this.code(this.pos) === close) throw DECLINED;
      }
    this.leave(shape, line);
    return open === LBRACE ? map : list;
  }
  flowItem(anyLines) {
    const c = this.code(this.pos);
    if (c === LBRACKET || c === LBRACE) return this.flow(anyLines);
    const line = this.line;
    const value = this.flowScalar();
    if (this.code(this.pos) === COLON) throw DECLINED;
    this.shape = line;
    return value;
  }
  flowKey() {
    const value = this.flowScalar();
    if (typeof value !== "string" || value.length > LONGEST_KEY) throw DECLINED;
    return value;
  }
  flowScalar() {
    const text2 = this.text;
    const c = this.code(this.pos);
    if (c === DQUOTE) return this.doubleQuoted();
    if (c === SQUOTE) return this.singleQuoted();
    if (!this.plainMayStart(this.pos)) throw DECLINED;
    const start = this.pos;
    let i = text2.length;
    FLOW_PLAIN_STOPS.lastIndex = start;
    for (let found = FLOW_PLAIN_STOPS.exec(text2); found !== null; found = FLOW_PLAIN_STOPS.exec(text2)) {
      const at = found.index;
      const d = text2.charCodeAt(at);
      if (d === COLON && !endsFlowPlain(text2.charCodeAt(at + 1), this.atLineEnd(at + 1))) continue;
      if (d === HASH && !isBlank(text2.charCodeAt(at - 1))) continue;
      if (d === LBRACKET || d === LBRACE) throw DECLINED;
      i = at;
      break;
    }
    let end = i;
    while (end > start && isBlank(text2.charCodeAt(end - 1))) end--;
    this.pos = end;
    return resolvePlain(text2.slice(start, end));
  }
  /** Spaces, and (over several lines) line breaks and comments, inside a flow collection. */
  flowSpace(anyLines) {
    const text2 = this.text;
    for (; ; ) {
      const c = text2.charCodeAt(this.pos);
      if (c === SPACE) this.pos++;
      else if (c === TAB) throw DECLINED;
      else if (c === LF || c === CR || c === HASH && isBlank(text2.charCodeAt(this.pos - 1))) {
        if (!anyLines) throw DECLINED;
        const eol = text2.indexOf("\n", this.pos);
        if (eol === -1) throw DECLINED;
        this.newLine(eol + 1);
        if (this.startsMarker(this.pos)) throw DECLINED;
      } else return;
    }
  }
  rootFlow() {
    const value = this.flow(true);
    this.endLine();
    return value;
  }
  /** A mapping key at `pos` (its colon found by keyEnd), leaving `pos` at the colon. */
  key() {
    const end = this.keyEnd();
    if (end === -1) throw DECLINED;
    const text2 = this.text;
    let key;
    const c = this.code(this.pos);
    if (c === DQUOTE) key = this.doubleQuoted();
    else if (c === SQUOTE) key = this.singleQuoted();
    else {
      let last = end;
      while (last > this.pos && text2.charCodeAt(last - 1) === SPACE) last--;
      const value = resolvePlain(text2.slice(this.pos, last));
      if (typeof value !== "string") throw DECLINED;
      key = value;
    }
    if (key.length > LONGEST_KEY || key.includes("	")) throw DECLINED;
    this.pos = end + 1;
    return key;
  }
  /** The offset of the `:` ending a mapping key that starts at `pos`, or -1 when the line holds no key. */
  keyEnd() {
    if (this.keyEndOf !== this.pos) {
      this.keyEndOf = this.pos;
      this.keyEndAt = this.findKeyEnd();
    }
    return this.keyEndAt;
  }
  findKeyEnd() {
    const text2 = this.text;
    const start = this.pos;
    const c = text2.charCodeAt(start);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.closingQuote(start);
      return close !== -1 && text2.charCodeAt(close + 1) === COLON && this.endsKey(close + 2) ? close + 1 : -1;
    }
    if (!this.plainMayStart(start)) return -1;
    KEY_STOPS.lastIndex = start;
    for (let found = KEY_STOPS.exec(text2); found !== null; found = KEY_STOPS.exec(text2)) {
      const i = found.index;
      const d = text2.charCodeAt(i);
      if (d === LF) return -1;
      if (d === COLON && this.endsKey(i + 1)) return i;
      if (d === HASH && isBlank(text2.charCodeAt(i - 1))) return -1;
    }
    return -1;
  }
  /** After a key's colon: a space or the line's end. */
  endsKey(at) {
    return this.code(at) === SPACE || this.atLineEnd(at);
  }
  /** A plain scalar may start at `at`: not an indicator, except `-?:` before a non-space. */
  plainMayStart(at) {
    const c = this.text.charCodeAt(at);
    if (!INDICATORS.has(c)) return !isBlank(c);
    if (c !== DASH && c !== 63 && c !== COLON) return false;
    const next = this.text.charCodeAt(at + 1);
    return !(isBlank(next) || this.atLineEnd(at + 1) || next === COMMA || INDICATORS.has(next));
  }
  atSequenceEntry() {
    return this.code(this.pos) === DASH && (this.code(this.pos + 1) === SPACE || this.atLineEnd(this.pos + 1));
  }
  /** Past spaces and a comment to the end of the line, then to the next content line. */
  endLine() {
    const text2 = this.text;
    this.skipSpaces();
    const c = text2.charCodeAt(this.pos);
    if (c === HASH && isBlank(text2.charCodeAt(this.pos - 1))) {
      const eol = text2.indexOf("\n", this.pos);
      this.pos = eol === -1 ? text2.length : eol;
    } else if (!this.atLineEnd(this.pos)) throw DECLINED;
    if (this.pos >= text2.length) {
      this.indent = -1;
      return;
    }
    this.newLine(text2.indexOf("\n", this.pos) + 1);
    this.advance();
  }
  skipSpaces() {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
    if (this.text.charCodeAt(this.pos) === TAB) throw DECLINED;
  }
  atLineEnd(at) {
    const c = this.text.charCodeAt(at);
    return at >= this.text.length || c === LF || c === CR && this.text.charCodeAt(at + 1) === LF;
  }
  /** `---` or `...` at `at` followed by a space or the line's end. */
  startsMarker(at) {
    const text2 = this.text;
    const c = text2.charCodeAt(at);
    if (c !== DASH && c !== DOT || text2.charCodeAt(at + 1) !== c || text2.charCodeAt(at + 2) !== c) return false;
    return isBlank(text2.charCodeAt(at + 3)) || this.atLineEnd(at + 3);
  }
  /** Moves to the line starting at `start`, counting the lines passed. */
  newLine(start) {
    this.line++;
    this.lineStart = start;
    this.pos = start;
  }
  /** Counts lines up to the one starting at `start` (from the current one, one line break apart or more). */
  lineUntil(start) {
    for (let i = this.text.indexOf("\n", this.lineStart); i !== -1 && i < start; i = this.text.indexOf("\n", i + 1))
      this.line++;
    this.lineStart = start;
  }
  // Deeper than maxDepth is declined, as a `__proto__` key is: a reading holds no value that
  // shapeProblems (src/util/value-shape.ts) would refuse, so it needs no walk of its own.
  enter() {
    if (++this.depth > this.maxDepth) throw DECLINED;
  }
  // Shapes are kept when asked for (a line is wanted); otherwise a collection's shape is its line,
  // and only the top list keeps its items' lines (each task's line). Half the allocations go.
  mapShape() {
    return this.keepShapes ? new MapShape(this.line) : void 0;
  }
  seqShape() {
    return this.keepShapes || this.depth === 1 ? new SeqShape(this.line) : void 0;
  }
  leave(shape, line) {
    if (this.depth === 1 && shape instanceof SeqShape) this.topItems = shape.kids;
    this.depth--;
    this.shape = this.keepShapes && shape ? shape : line;
  }
  code(at) {
    return this.text.charCodeAt(at);
  }
};
function endsFlowPlain(next, atLineEnd) {
  return atLineEnd || isBlank(next) || next === COMMA || next === RBRACKET || next === RBRACE || next === LBRACKET || next === LBRACE;
}
function isBlank(c) {
  return c === SPACE || c === TAB;
}
function resolvePlain(source) {
  const first = source.charCodeAt(0);
  if (first >= 48 && first <= 57 || first === DASH || first === 43 || first === DOT) return coreNumber(source);
  if (source.length === 0) return null;
  const word = source.length <= 5 ? CORE_WORDS.get(source) : void 0;
  return word === void 0 ? source : word;
}
function coreNumber(source) {
  if (CORE_INT.test(source)) {
    if (source.length > EXACT_DIGITS) throw DECLINED;
    return Number(source);
  }
  if (CORE_FLOAT.test(source)) return parseFloat(source);
  if (CORE_OCT.test(source) || CORE_HEX.test(source)) {
    if (source.length > EXACT_DIGITS) throw DECLINED;
    return parseInt(source.slice(2), source.charCodeAt(1) === 111 ? 8 : 16);
  }
  if (CORE_INFINITY.test(source)) return source.charCodeAt(0) === DASH ? -Infinity : Infinity;
  if (CORE_NAN.test(source)) return NaN;
  return source;
}
function located(value, line, at, shapeOf, items) {
  return {
    value,
    line,
    lineOf: (path11) => path11.length === 0 ? line : lineOfShape(walk(shapeOf(), [...at, ...path11])),
    keyLineOf: (path11, key) => {
      const map = walk(shapeOf(), [...at, ...path11]);
      const index = map instanceof MapShape ? map.keys.indexOf(key) : -1;
      return index === -1 ? lineOfShape(map) : map.keyLines[index];
    },
    elements: () => {
      if (!Array.isArray(value)) return [];
      if (items) return items.map((item, i) => located(value[i], item.line, item.path, shapeOf));
      const shape = walk(shapeOf(), at);
      if (!(shape instanceof SeqShape)) return [];
      return shape.kids.map((kid, i) => located(value[i], lineOfShape(kid), [...at, i], shapeOf));
    }
  };
}
function walk(shape, path11) {
  let current = shape;
  for (const segment of path11) {
    let next;
    if (current instanceof MapShape) {
      const index = current.keys.indexOf(String(segment));
      next = index === -1 ? void 0 : current.kids[index];
    } else if (current instanceof SeqShape) next = current.kids[Number(segment)];
    if (next === void 0) break;
    current = next;
  }
  return current;
}
function lineOfShape(shape) {
  return typeof shape === "number" ? shape : shape.line;
}

// src/load/read-data-file.ts
async function readDataFile(absPath, file) {
  const read = await readUserText(absPath, file);
  if (!read.ok) return { values: [], problems: [read.problem] };
  return { ...await parseDataText(read.text, absPath, file), sha256: read.sha256 };
}
async function parseDataText(text2, absPath, file) {
  return isJsonLines(absPath) ? parseJsonLines(text2, file) : parseYaml(text2, file);
}
function parseDataTextAgain(text2, absPath, file) {
  if (isJsonLines(absPath)) return parseJsonLines(text2, file);
  const source = withoutBom(text2);
  const quick = readYamlQuickly(source, MAX_FILE_DEPTH);
  if (quick) return { values: quick, problems: [] };
  if (!slowReader) throw new Error(`${file} is read again before the yaml package was loaded for it`);
  return slowReader.parseYamlSlowly(source, file);
}
function isJsonLines(file) {
  return path5.extname(file).toLowerCase() === ".jsonl";
}
async function parseYaml(text2, file) {
  const source = withoutBom(text2);
  const quick = readYamlQuickly(source, MAX_FILE_DEPTH);
  if (quick) return { values: quick, problems: [] };
  return { ...(await loadSlowReader()).parseYamlSlowly(source, file), slow: true };
}
var slowReader;
async function loadSlowReader() {
  return slowReader ??= await import("./yaml-slow-5LF3ZNPT.js");
}
function withoutBom(text2) {
  return text2.replace(/^\uFEFF/, "");
}
function parseJsonLines(text2, file) {
  const values = [];
  const problems = [];
  withoutBom(text2).split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    let located2;
    try {
      located2 = onOneLine(JSON.parse(raw), i + 1);
    } catch (err) {
      problems.push({
        file,
        line: i + 1,
        message: `not valid JSON: ${jsonMessage(err.message)}`,
        severity: "error"
      });
      return;
    }
    const duplicate = firstDuplicateKey(raw);
    const shape = shapeProblemsOf(located2, file);
    if (duplicate !== void 0) problems.push(duplicateKeyProblem(file, i + 1, duplicate));
    append(problems, shape);
    if (duplicate === void 0 && shape.length === 0) values.push(located2);
  });
  return { values, problems };
}
function duplicateKeyProblem(file, line, key) {
  return {
    file,
    line,
    message: `Map keys must be unique: "${key.length > 60 ? `${key.slice(0, 57)}...` : key}" is given twice`,
    severity: "error"
  };
}

// src/load/task-schema.ts
var taskSchema = strictMap({ ...taskCoreShape, expected: expectedSchema });

// src/load/tasks.ts
var taskFileReading = object({
  tasks: array(
    object({
      data: custom((v) => typeof v === "object" && v !== null),
      line: number(),
      value: number(),
      element: number().optional()
    })
  ),
  problems: problemList,
  /** Read by the yaml package: a line asked for is found with it (loaded before the reading is used). */
  slow: boolean()
});
async function loadTaskFile(absPath, file, workflow, cache) {
  const read = await readUserText(absPath, file);
  if (!read.ok) return { tasks: [], problems: [read.problem] };
  const kept = cache && taskFileReading.safeParse(await cache.get("tasks", file, read.sha256));
  let reading;
  let places;
  let values;
  const parsed = () => values ??= parseDataTextAgain(read.text, absPath, file).values;
  const foundWhenAsked = (i) => {
    const { value, element, line } = reading.tasks[i];
    return lazyLocated(() => element === void 0 ? parsed()[value] : elementsOf(parsed(), value)[element], line);
  };
  if (kept?.success) {
    reading = kept.data;
    places = foundWhenAsked;
    if (reading.slow) await loadSlowReader();
  } else {
    const fresh = await readTaskFile(read.text, absPath, file);
    reading = fresh.reading;
    places = isJsonLines(absPath) ? (i) => fresh.places[i] : foundWhenAsked;
    await cache?.set("tasks", file, read.sha256, reading);
  }
  const tasks = reading.tasks.map(({ data, line }, i) => ({
    // Object.assign, not a spread: V8 (Node 20) would give each of 100,000 tasks a hidden class of its own.
    task: Object.assign(data, { workflow, source: { file, line } }),
    at: places(i)
  }));
  return { tasks, problems: reading.problems };
}
async function readTaskFile(text2, absPath, file) {
  const { values, problems, slow } = await parseDataText(text2, absPath, file);
  if (values.length === 0 && problems.length === 0) {
    problems.push({ file, message: "file is empty (no golden tasks)", severity: "warning" });
  }
  const tasks = [];
  const places = [];
  values.forEach((located2, value) => {
    const list = Array.isArray(located2.value);
    for (const [element, at] of (list ? located2.elements() : [located2]).entries()) {
      const parsed = taskSchema.safeParse(at.value);
      if (parsed.success) {
        tasks.push({ data: parsed.data, line: at.line, value, element: list ? element : void 0 });
        places.push(at);
      } else append(problems, issueProblems(parsed.error.issues, at, file, "a golden task"));
    }
  });
  return { reading: { tasks, problems, slow: slow === true }, places };
}
var elementLists = /* @__PURE__ */ new WeakMap();
function elementsOf(values, index) {
  const list = values[index];
  let elements = elementLists.get(list);
  if (!elements) elementLists.set(list, elements = list.elements());
  return elements;
}
function lazyLocated(find, line) {
  let found;
  const at = () => found ??= find();
  return {
    get value() {
      return at().value;
    },
    line,
    lineOf: (path11) => at().lineOf(path11),
    keyLineOf: (path11, key) => at().keyLineOf(path11, key),
    elements: () => at().elements()
  };
}

// src/load/thresholds.ts
import path6 from "node:path";

// src/model/thresholds.ts
var DEFAULT_BUDGETS = {
  max_model_calls_per_task: 20,
  max_tool_calls_per_task: 200,
  max_retries: 3,
  task_timeout_s: 60,
  max_error_rate: 0.1
};
var budgetsSchema = strictMap({
  max_model_calls_per_task: positiveInt.default(DEFAULT_BUDGETS.max_model_calls_per_task),
  max_tool_calls_per_task: positiveInt.default(DEFAULT_BUDGETS.max_tool_calls_per_task).describe("Tool calls one attempt may make; past it the sandbox answers 429 and the task fails."),
  max_retries: nonNegativeInt.default(DEFAULT_BUDGETS.max_retries),
  max_context_tokens: positiveInt.optional(),
  task_timeout_s: number().positive(POSITIVE).default(DEFAULT_BUDGETS.task_timeout_s),
  max_cost_usd: nonNegative.optional().describe("The cost cap of the whole run, in USD."),
  max_error_rate: fraction.default(DEFAULT_BUDGETS.max_error_rate).describe("The share of attempts that may error for infrastructure reasons; above it the decision is `error`.")
});
var modelPriceSchema = strictMap({ input_per_mtok: nonNegative, output_per_mtok: nonNegative });
var overrideRulesSchema = strictMap({
  approvers: textList.default(() => []).describe("Logins and `org/team` slugs."),
  min_permission: _enum(["write", "maintain", "admin"]).default("write"),
  allow_author: boolean().default(false).describe("Whether a PR author may override their own PR.")
});

// src/load/thresholds-schema.ts
var decision = strictMap(decisionSettingsSchema.shape);
var tierRule = union([
  fraction.describe("The minimum success rate of the tier."),
  strictMap({
    ...tierRuleSchema.shape,
    // In the file's words ("must be a whole number"); z.int() would also hide the file's unknown keys.
    min_tasks: nonNegativeInt.optional(),
    pass_k: strictMap(passKRuleSchema.shape).optional()
  })
]);
var tierRules = strictMap({ T1: tierRule.optional(), T2: tierRule.optional(), T3: tierRule.optional() });
var maxDrop = union([
  fraction,
  strictMap({ T1: fraction.optional(), T2: fraction.optional(), T3: fraction.optional() })
]);
var baseline = strictMap({
  max_drop: maxDrop.optional().describe("With --baseline: the largest drop of a tier's success rate allowed against the baseline run."),
  block_high_risk_regressions: boolean().optional().describe("A high-risk task that regressed consistently fails the gate (default true).")
});
var costLimit = union([
  nonNegative,
  strictMap({ T1: nonNegative.optional(), T2: nonNegative.optional(), T3: nonNegative.optional() })
]);
var maxCostPerSuccess = costLimit.optional().describe(
  "Per tier the most one successful attempt may cost in USD (the tier's model cost over its passed attempts); above it the gate fails."
);
var economics = strictMap({
  value_per_success_usd: economicsRuleSchema.shape.value_per_success_usd.describe(
    "What one successful task is worth, in USD: gross margin = 1 - cost per success / this value."
  ),
  min_gross_margin: economicsRuleSchema.shape.min_gross_margin.describe(
    "The lowest gross margin (0 to 1) of a workflow's run; under it the gate fails."
  ),
  max_margin_drop: economicsRuleSchema.shape.max_margin_drop.describe(
    "evalgate scorecard flags a report whose margin fell more than this from the report before (default 0.05)."
  )
});
var budgets = strictMap({ ...budgetsSchema.shape, max_cost_per_success_usd: maxCostPerSuccess });
var workflowBudgets = strictMap({ max_cost_per_success_usd: maxCostPerSuccess });
var gateSections = {
  tiers: tierRules.optional().describe("Per tier the minimum success rate, or `{ min_success, min_tasks, ... }`; a tier absent is not gated."),
  baseline: baseline.optional(),
  decision: decision.optional().describe("Defaults for every tier's confidence, margin and max_attempts."),
  economics: economics.optional().describe(
    "The value of a successful task and the gross margin the gate requires (`value_per_success_usd`, `min_gross_margin`)."
  )
};
var phaseRules = strictMap({ tiers: tierRules.optional() });
var phases = strictMap({
  draft: phaseRules.optional(),
  propose: phaseRules.optional(),
  autonomous: phaseRules.optional()
});
var thresholdsSchema = strictMap({
  ...gateSections,
  workflows: record(text, strictMap({ ...gateSections, budgets: workflowBudgets.optional() })).optional().describe(
    "Per workflow name, overrides of tiers, baseline, decision, economics and budgets.max_cost_per_success_usd."
  ),
  phases: phases.optional(),
  budgets: budgets.optional(),
  pricing: record(text, modelPriceSchema).optional().describe("Per model `{ input_per_mtok, output_per_mtok }` in USD, over the built-in table."),
  override: overrideRulesSchema.optional().describe("Who may override a failed gate with `/evalgate override`.")
}).superRefine((file, ctx) => {
  const check = (tiers, at, ...defaults) => {
    for (const tier of TIERS) {
      const rule = tiers?.[tier];
      if (typeof rule !== "object" || !rule.pass_k) continue;
      const limit = rule.max_attempts ?? defaults.find((d) => d?.max_attempts !== void 0)?.max_attempts;
      const maxAttempts = limit ?? DECISION_DEFAULTS.max_attempts;
      if (rule.pass_k.k > maxAttempts)
        ctx.addIssue({
          code: "custom",
          path: [...at, tier, "pass_k", "k"],
          message: `must be at most the tier's max_attempts (${maxAttempts}${limit === void 0 ? ", the default" : ""})`,
          input: rule.pass_k.k
        });
    }
  };
  const needsValue = (economics2, at, fallback) => {
    if (economics2?.min_gross_margin === void 0) return;
    if ((economics2.value_per_success_usd ?? fallback?.value_per_success_usd) !== void 0) return;
    ctx.addIssue({
      code: "custom",
      path: [...at, "economics", "min_gross_margin"],
      message: `"min_gross_margin" needs "value_per_success_usd" (what one successful task is worth, in USD) ${at.length > 0 ? "in the workflow or at the top level" : "beside it"}: the margin is 1 - cost per success / value`,
      input: economics2.min_gross_margin
    });
  };
  needsValue(file.economics, []);
  for (const [name, rules] of Object.entries(file.workflows ?? {}))
    needsValue(rules.economics, ["workflows", name], file.economics);
  check(file.tiers, ["tiers"], file.decision);
  for (const phase of PHASES) check(file.phases?.[phase]?.tiers, ["phases", phase, "tiers"], file.decision);
  for (const [name, rules] of Object.entries(file.workflows ?? {})) {
    check(rules.tiers, ["workflows", name, "tiers"], rules.decision, file.decision);
    if (rules.decision?.max_attempts === void 0) continue;
    const fitsOwnLimit = (t) => {
      const rule = file.tiers?.[t];
      if (typeof rule !== "object" || !rule.pass_k) return false;
      return rule.pass_k.k <= (rule.max_attempts ?? file.decision?.max_attempts ?? DECISION_DEFAULTS.max_attempts);
    };
    const inherited = Object.fromEntries(
      TIERS.filter((t) => rules.tiers?.[t] === void 0 && fitsOwnLimit(t)).map((t) => [t, file.tiers?.[t]])
    );
    check(inherited, ["tiers"], rules.decision);
  }
});

// src/load/thresholds.ts
function defaultThresholds() {
  return {
    rules: { tiers: {}, max_drop: {} },
    workflows: {},
    budgets: { ...DEFAULT_BUDGETS },
    pricing: {},
    override: { approvers: [], min_permission: "write", allow_author: false }
  };
}
async function loadThresholds(thresholdsFile) {
  const { thresholds, problems } = await readThresholds(thresholdsFile);
  return { thresholds, problems: sortProblems(problems) };
}
async function readThresholds(thresholdsFile) {
  const absPath = path6.resolve(thresholdsFile);
  const file = displayPath(absPath);
  const noLines = () => void 0;
  if (!await isFile(absPath)) {
    return { problems: [{ file, message: "thresholds file not found", severity: "error" }], workflowLine: noLines };
  }
  const { values, problems, sha256 } = await readDataFile(absPath, file);
  if (problems.some((p) => p.severity === "error")) return { problems, workflowLine: noLines };
  const digest = sha256 ? { sha256 } : {};
  const thresholds = defaultThresholds();
  thresholds.source = { file, line: 1 };
  if (values.length === 0) {
    problems.push({ file, message: "file is empty: no tier is gated", severity: "warning" });
    return { thresholds, problems, workflowLine: noLines, ...digest };
  }
  const at = values[0];
  const workflowLine = (name) => at.keyLineOf(["workflows"], name);
  if (values.length > 1) {
    problems.push({
      file,
      line: values[1].line,
      message: "a thresholds file holds one YAML document",
      severity: "error"
    });
    return { problems, workflowLine };
  }
  const parsed = thresholdsSchema.safeParse(at.value, READ_ONCE);
  if (!parsed.success) {
    append(problems, issueProblems(parsed.error.issues, at, file, "a thresholds file"));
    return { problems, workflowLine };
  }
  if (!parsed.data.tiers)
    problems.push({
      file,
      line: at.line,
      message: 'no "tiers": every tier is reported, none is gated',
      severity: "warning"
    });
  return { thresholds: resolveThresholds(parsed.data, thresholds), problems, workflowLine, ...digest };
}
function resolveThresholds(data, defaults) {
  const workflows = {};
  for (const [name, rules] of Object.entries(data.workflows ?? {})) {
    const partial = {};
    if (rules.tiers) partial.tiers = toTierRules(rules.tiers);
    if (rules.baseline?.max_drop !== void 0) partial.max_drop = toMaxDrop(rules.baseline.max_drop);
    workflows[name] = {
      ...partial,
      ...decisionRules(rules.decision, rules.baseline),
      ...economicsRules(rules.budgets?.max_cost_per_success_usd, rules.economics)
    };
  }
  const phases2 = {};
  for (const phase of PHASES) {
    const tiers = data.phases?.[phase]?.tiers;
    if (tiers) phases2[phase] = { tiers: toTierRules(tiers) };
  }
  const { max_cost_per_success_usd: costLimit2, ...budgets2 } = data.budgets ?? { ...defaults.budgets };
  return {
    ...defaults,
    ...Object.keys(phases2).length > 0 ? { phases: phases2 } : {},
    rules: {
      tiers: data.tiers ? toTierRules(data.tiers) : {},
      max_drop: data.baseline?.max_drop !== void 0 ? toMaxDrop(data.baseline.max_drop) : {},
      ...decisionRules(data.decision, data.baseline),
      ...economicsRules(costLimit2, data.economics)
    },
    workflows,
    budgets: budgets2,
    pricing: data.pricing ?? {},
    override: data.override ?? defaults.override
  };
}
function toTierRules(tiers) {
  const rules = {};
  for (const tier of TIERS) {
    const rule = tiers[tier];
    if (rule !== void 0) rules[tier] = typeof rule === "number" ? { min_success: rule } : rule;
  }
  return rules;
}
function decisionRules(decision2, baseline2) {
  return definedOnly({ decision: decision2, block_high_risk_regressions: baseline2?.block_high_risk_regressions });
}
function economicsRules(costLimit2, economics2) {
  return definedOnly({
    max_cost_per_success_usd: costLimit2 === void 0 ? void 0 : perTier(costLimit2),
    economics: economics2
  });
}
function toMaxDrop(maxDrop2) {
  return perTier(maxDrop2);
}
function perTier(value) {
  const values = {};
  for (const tier of TIERS) {
    const v = typeof value === "number" ? value : value[tier];
    if (v !== void 0) values[tier] = v;
  }
  return values;
}

// src/load/workflow.ts
import path9 from "node:path";

// src/agents/command.ts
import path7 from "node:path";

// src/agents/agent-type.ts
function agentSchema(name, fields) {
  return strictMap({ type: literal(name), ...fields });
}

// src/agents/command-settings.ts
var commandSchema = agentSchema("command", {
  command: union([text, array(text).min(1)]).describe("The program: an argv list or a string, started in the folder of workflow.yml."),
  env: stringMap.optional().describe("Variables set for the agent: a literal, or `${VAR}` / `$VAR` read from evalgate's environment."),
  persistent: boolean().optional().describe(
    "Start up to `concurrency` processes once and send each one task per line of JSON on stdin; each answers one JSON line on stdout carrying its `task_id`. Absent or false: one process per task."
  ),
  max_tasks_per_worker: number().int().positive().optional().describe("With `persistent`: a process is ended and replaced after this many tasks (default: never).")
});

// src/agents/loaded-on-first-run.ts
function loadedOnFirstRun(load) {
  let loading;
  return async (ctx, agent) => (await (loading ??= load()))(ctx, agent);
}

// src/agents/command.ts
var commandAgent = {
  name: "command",
  runsTeamCode: true,
  schema: commandSchema,
  killSwitch: { field: "env" },
  // `env` may name host variables, but never those no agent gets.
  check: (agent) => [
    ...Object.entries(agent.env ?? {}).flatMap(
      ([name, template]) => envReferences(template).filter(isNeverPassed).map((variable) => ({
        at: ["env", name],
        message: `agent.env.${name} names ${variable}, which evalgate never passes to an agent (the action's inputs, the runner's tokens and command files)`
      }))
    ),
    ...agent.max_tasks_per_worker !== void 0 && !agent.persistent ? [
      {
        at: ["max_tasks_per_worker"],
        message: "max_tasks_per_worker applies to persistent agents only: set `persistent: true`"
      }
    ] : []
  ],
  asOnBase: (mine, theirs, notes) => {
    if (!mine.env) return mine;
    const envRefs = {};
    for (const [name, template] of Object.entries(mine.env)) {
      const passedByBase = referencesIn(theirs?.env?.[name]);
      const own = referencesIn(template);
      envRefs[name] = own.filter((v) => passedByBase.includes(v));
      const withheld = own.filter((v) => !passedByBase.includes(v));
      if (withheld.length > 0)
        notes.add(
          `agent.env.${name}`,
          `passes ${withheld.map((v) => `$${v}`).join(", ")} only in this PR (the base's same entry does not): left out`
        );
    }
    return { ...mine, env_refs: envRefs };
  },
  code: async (agent, dir) => ({
    paths: await commandPaths(agent, dir),
    // `npm run agent`, `python -m agent`: the code is out of sight, as an http agent's is.
    unseen: (manifest) => `the command agent of \`${manifest}\` names no file or folder of the repository, so its code cannot be seen`
  }),
  run: loadedOnFirstRun(async () => (await import("./command-run-B3QOKA2D.js")).runCommand)
};
async function commandPaths(agent, dir) {
  const argv = Array.isArray(agent.command) ? agent.command : agent.command.split(/\s+/);
  const found = [];
  for (const arg of argv) {
    if (arg === "" || arg.startsWith("-")) continue;
    const abs = path7.resolve(dir, arg);
    if (await isFile(abs)) found.push({ abs, kind: "file" });
    else if (arg !== "." && await isDirectory(abs)) found.push({ abs, kind: "folder" });
  }
  return found;
}

// src/llm/canonical-json.ts
function canonicalJson(value) {
  return JSON.stringify(sortKeys(value)) ?? "null";
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const sorted = /* @__PURE__ */ Object.create(null);
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (item !== void 0) sorted[key] = sortKeys(item);
  }
  return sorted;
}

// src/llm/endpoint-as-on-base.ts
var EndpointNotes = class {
  items = [];
  add(field, note) {
    const unprefixed = (f) => f.replace(/^(agent|judge)\b/, "");
    if (this.items.some((n) => n.note === note && unprefixed(n.field) === unprefixed(field))) return;
    this.items.push({ field, note });
  }
};
var ENDPOINT_FIELDS = ["base_url", "api_key_env", "headers"];
function endpointAsOnBase(mine, theirs, field, notes) {
  if (theirs) {
    for (const name of ENDPOINT_FIELDS) {
      if (canonicalJson(mine[name]) === canonicalJson(theirs[name])) continue;
      notes.add(
        `${field}.${name}`,
        `changed in this PR (${show(name, mine[name])}; base: ${show(name, theirs[name])}): the base's is used`
      );
    }
    return { base_url: theirs.base_url, api_key_env: theirs.api_key_env, headers: theirs.headers };
  }
  const own = [
    ...mine.base_url !== void 0 ? ["base_url"] : [],
    ...mine.api_key_env !== void 0 ? ["api_key_env"] : [],
    ...secretHeaders(mine.headers).map((h) => `header "${h}"`)
  ];
  if (own.length === 0) return mine;
  const reason = `${own.join(", ")} ${own.length === 1 ? "is" : "are"} set only in this PR (endpoints that receive a key come from the base)`;
  notes.add(field, `runs without the API key and without secret headers: ${reason}`);
  return { ...mine, headers: stripHeaders(mine.headers), key_withheld: reason };
}
function stripHeaders(headers) {
  if (!headers) return headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, withoutReferences(value)]));
}
function show(name, value) {
  if (value === void 0) return `no ${name}`;
  if (name === "headers") {
    const names = Object.keys(value);
    return names.length > 0 ? `headers ${names.join(", ")}` : "no headers";
  }
  return String(value);
}

// src/agents/http-settings.ts
var httpSchema = agentSchema("http", {
  url: text.describe("The agent service; each task is POSTed to it."),
  headers: stringMap.optional().describe("Request headers; a value `${NAME}` is read from the environment.")
});

// src/agents/http.ts
var httpAgent = {
  name: "http",
  runsTeamCode: true,
  schema: httpSchema,
  killSwitch: { field: "header" },
  credentials: (agent) => [{ headers: agent.headers }],
  asOnBase: httpAsOnBase,
  code: async () => ({
    paths: [],
    unseen: (manifest) => `\`${manifest}\` has an http agent, whose code evalgate cannot see`
  }),
  run: loadedOnFirstRun(async () => (await import("./http-run-STH5XQMB.js")).runHttpAgent)
};
function httpAsOnBase(mine, theirs, notes) {
  const secret = [...secretHeaders(mine.headers), ...secretHeaders(theirs?.headers)];
  if (secret.length === 0) return mine;
  if (theirs) {
    if (mine.url !== theirs.url)
      notes.add(
        "agent.url",
        `changed in this PR (${mine.url}; base: ${theirs.url}): the base's is used, it receives secret headers`
      );
    if (canonicalJson(mine.headers) !== canonicalJson(theirs.headers))
      notes.add(
        "agent.headers",
        `changed in this PR (${show("headers", mine.headers)}; base: ${show("headers", theirs.headers)}): the base's are used`
      );
    return { ...mine, url: theirs.url, headers: theirs.headers };
  }
  const referencing = Object.entries(mine.headers ?? {}).filter(([, v]) => referencesIn(v).length > 0);
  if (referencing.length === 0) return mine;
  const names = referencing.map(([name]) => `"${name}"`).join(", ");
  notes.add("agent.headers", `header ${names} reads environment variables only this PR names: sent without them`);
  return { ...mine, headers: stripHeaders(mine.headers) };
}

// src/agents/openai-settings.ts
var openaiSchema = agentSchema("openai", {
  model: text,
  prompt: text.describe("The system prompt file."),
  policy: text.optional().describe("A file appended to the system prompt."),
  tools: text.describe("The OpenAI function-tool schema file."),
  base_url: endpointFields.base_url,
  temperature: number().min(0).max(2).optional(),
  tool_timeout_s: number().positive(POSITIVE).optional().describe("How long the loop waits for one tool's answer before telling the model it did not answer (default 10)."),
  judge_model: text.optional().describe("The model of the LLM judge (default: `model`)."),
  headers: endpointFields.headers,
  api_key_env: endpointFields.api_key_env
});

// src/agents/openai.ts
var openaiAgent = {
  name: "openai",
  runsTeamCode: false,
  schema: openaiSchema,
  killSwitch: {
    notApplicable: "kill_switch does not apply to an openai agent: evalgate runs its tool-calling loop itself, so there is no switch of the team's to test"
  },
  files: [
    { field: "prompt", kind: "text", defines: "prompt" },
    { field: "policy", kind: "text", defines: "policy" },
    { field: "tools", kind: "tool_schemas", defines: "tools" }
  ],
  judge: (agent) => ({
    model: agent.judge_model ?? agent.model,
    base_url: agent.base_url,
    headers: agent.headers,
    api_key_env: agent.api_key_env
  }),
  model: (agent) => ({ name: agent.model, endpoint: agent }),
  credentials: (agent) => [agent],
  asOnBase: (mine, theirs, notes) => ({ ...mine, ...endpointAsOnBase(mine, theirs, "agent", notes) }),
  run: loadedOnFirstRun(async () => (await import("./openai-run-WARK27Y3.js")).runWithRuntime)
};

// src/agents/registry.ts
var AGENT_TYPES = [commandAgent, httpAgent, openaiAgent];
var agentSchema2 = discriminatedUnion(
  "type",
  AGENT_TYPES.map((type) => type.schema)
);
var BY_NAME = new Map(AGENT_TYPES.map((type) => [type.name, type]));
function agentTypeOf(agent) {
  const type = BY_NAME.get(agent.type);
  if (!type) throw new Error(`no agent type "${agent.type}" is registered`);
  return type;
}
var AGENT_FILE_FIELDS = [
  ...new Set(AGENT_TYPES.flatMap((type) => (type.files ?? []).map((file) => file.field)))
];

// src/load/incidents.ts
import path8 from "node:path";
var INCIDENTS_NAMES = ["incidents.yml", "incidents.yaml"];
async function findIncidentsFile(dir) {
  for (const name of INCIDENTS_NAMES) {
    const candidate = path8.join(dir, name);
    if (await isFile(candidate)) return candidate;
  }
  return void 0;
}
async function loadIncidents(absPath, repoRoot) {
  const file = displayPath(absPath);
  const loaded = { absPath, file, incidents: [], problems: [] };
  const error = (line, message) => loaded.problems.push({ file, line, message, severity: "error" });
  const outside = await repoPathProblem("the incidents file", absPath, "file", repoRoot, file);
  if (outside) {
    error(void 0, outside);
    return loaded;
  }
  const { values, problems } = await readDataFile(absPath, file);
  append(loaded.problems, problems);
  if (values.length === 0) return loaded;
  if (values.length > 1) error(values[1].line, "an incidents file holds one YAML document");
  const list = values[0];
  if (!Array.isArray(list.value)) {
    error(list.line, "an incidents file holds a list of incidents ({ id, date, severity, summary, tasks })");
    return loaded;
  }
  const seen = /* @__PURE__ */ new Map();
  for (const at of list.elements()) {
    const id = isPlainMap(at.value) && typeof at.value.id === "string" ? at.value.id : void 0;
    const line = at.lineOf(["id"]);
    const first = id === void 0 ? void 0 : seen.get(id);
    if (first !== void 0) error(line, `incident id "${id}" is also used at line ${first}`);
    else if (id !== void 0) seen.set(id, line);
    const parsed = incidentSchema.safeParse(at.value);
    if (parsed.success) loaded.incidents.push({ incident: parsed.data, at });
    else append(loaded.problems, issueProblems(parsed.error.issues, at, file, "an incident"));
  }
  return loaded;
}
function incidentTaskProblems(loaded, workflow, taskIds) {
  const problems = [];
  for (const { incident, at } of loaded.incidents) {
    if (incident.tasks.length === 0)
      problems.push({
        file: loaded.file,
        line: at.line,
        message: `incident "${incident.id}" names no golden task that reproduces it (tasks: [...]): the gate cannot tell whether it could happen again`,
        severity: "warning"
      });
    incident.tasks.forEach((id, i) => {
      if (!taskIds.has(id))
        problems.push({
          file: loaded.file,
          line: at.lineOf(["tasks", i]),
          message: `incident "${incident.id}" names task "${id}", which is not a golden task of workflow "${workflow}"`,
          severity: "error"
        });
    });
  }
  return problems;
}

// src/load/governance-checks.ts
function governanceWarnings(governance, manifest, file) {
  const { retention, retention_days } = governance;
  if (retention_days === void 0 || !retention) return [];
  if (RETENTION_KINDS.some((kind) => retention[`${kind}_days`] === void 0)) return [];
  const listed = RETENTION_KINDS.map((kind) => `${kind}_days`).join(", ");
  return [
    {
      file,
      line: manifest.lineOf(["data_governance", "retention_days"]),
      message: `data_governance.retention_days is not used: retention sets ${listed}`,
      severity: "warning"
    }
  ];
}

// src/load/kill-switch.ts
var FIELDS = ["env", "header"];
function killSwitchProblems(killSwitch, type, form) {
  if ("notApplicable" in form) return [{ at: ["kill_switch"], message: form.notApplicable }];
  const given = FIELDS.filter((field) => killSwitch[field] !== void 0);
  const wrong = given.filter((field) => field !== form.field);
  if (wrong.length > 0)
    return wrong.map((field) => ({
      at: ["kill_switch", field],
      message: `kill_switch.${field} does not apply to a ${type} agent: its switch is kill_switch.${form.field}`
    }));
  if (given.length === 0)
    return [{ at: ["kill_switch"], message: `kill_switch of a ${type} agent needs kill_switch.${form.field}` }];
  return [];
}
function drillSizeProblem(drillTasks, taskCount) {
  return drillTasks > taskCount ? `kill_switch.drill_tasks is ${drillTasks}, more than the ${taskCount} golden task${taskCount === 1 ? "" : "s"} of this workflow` : void 0;
}

// src/load/manifest-files.ts
function manifestFiles(raw) {
  if (!isPlainMap(raw)) return [];
  const agent = isPlainMap(raw.agent) ? raw.agent : {};
  return [
    ...AGENT_FILE_FIELDS.map((field) => agent[field]),
    raw.tool_schemas,
    raw.runbook,
    raw.state_file,
    raw.fixtures_file
  ].filter(isText);
}
function isText(value) {
  return typeof value === "string" && value !== "";
}

// src/load/policy-checks.ts
function policyProblems(workflow, manifest, file) {
  const problems = [];
  const at = (path11, message, severity) => problems.push({ file, line: manifest.lineOf(path11), message, severity });
  const schemas = new Map((workflow.tool_schemas ?? []).map((s) => [s.name, s]));
  for (const [tool, permission] of Object.entries(workflow.permissions)) {
    const properties = argumentsOf(schemas.get(tool));
    for (const [arg, limit] of Object.entries(permission.limits ?? {})) {
      if (!properties) continue;
      const where = ["permissions", tool, "limits", arg];
      if (!Object.hasOwn(properties, arg)) {
        const known = Object.keys(properties);
        const list = known.length > 0 ? `its arguments are ${known.join(", ")}` : "it declares no arguments";
        at(where, `limit on "${arg}", which the tool schema of ${tool} does not have (${list})`, "error");
        continue;
      }
      const type = typeOf(properties[arg]);
      const wrong = type === void 0 ? [] : kindsNotFor(limit, type);
      if (wrong.length > 0)
        at(where, `limit ${wrong.join(", ")} on "${arg}" cannot apply: its tool schema type is ${type}`, "error");
    }
    if (unguardedHighRiskWrite(permission))
      at(
        ["permissions", tool],
        `${tool} is a high-risk write tool with neither approval: required nor limits: at phase autonomous the agent may call it on its own with any arguments`,
        "warning"
      );
  }
  const autonomousWrites = Object.keys(workflow.permissions).filter(
    (tool) => isAutonomousHighRiskWrite(workflow.permissions[tool])
  );
  if (workflow.identity?.model === "user_impersonation" && phaseOf(workflow) === "autonomous" && autonomousWrites.length)
    at(
      ["identity", "model"],
      `identity user_impersonation with autonomous high-risk writes (${autonomousWrites.join(", ")}): the agent acts as the user with no human approving; require approval for them or use delegated_service`,
      "warning"
    );
  return problems;
}
function isAutonomousHighRiskWrite(p) {
  return p.scope === "write" && p.risk === "high" && p.approval !== "required";
}
function unguardedHighRiskWrite(p) {
  return isAutonomousHighRiskWrite(p) && Object.keys(p.limits ?? {}).length === 0;
}
function argumentsOf(schema) {
  const properties = schema?.parameters?.properties;
  return isPlainMap(properties) ? properties : void 0;
}
function typeOf(property) {
  return isPlainMap(property) && typeof property.type === "string" ? property.type : void 0;
}

// src/load/redact.ts
function toRedactRule(entry) {
  if (typeof entry === "string") {
    const pattern = BUILTIN_REDACTIONS[entry];
    if (pattern === void 0) {
      return {
        error: `unknown redaction "${entry}" (built-in: ${Object.keys(BUILTIN_REDACTIONS).join(", ")}; or give { name, pattern })`
      };
    }
    return { name: entry, pattern };
  }
  try {
    new RegExp(entry.pattern, "g");
  } catch (err) {
    return { error: `redaction "${entry.name}" has an invalid regular expression: ${err.message}` };
  }
  return entry;
}

// src/util/escape-regexp.ts
function escapeRegExp(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/model/runbook.ts
var JOIN = "[\\s\\u2010\\u2011_-]?";
var RUNBOOK_SECTIONS = [
  {
    id: "escalation",
    title: "when to escalate",
    pattern: /escalat/i,
    words: '"escalat" (escalate, escalation)',
    example: "## When to escalate"
  },
  {
    id: "fallback",
    title: "fallback behaviour",
    pattern: new RegExp(`fall${JOIN}back`, "i"),
    words: '"fallback" or "fall back"',
    example: "## Fallback behaviour"
  },
  {
    id: "on_call",
    title: "on-call",
    pattern: new RegExp(`on${JOIN}call`, "i"),
    words: '"on-call", "on call" or "oncall"',
    example: "## On-call"
  },
  {
    id: "disable",
    title: "how to disable automation",
    pattern: new RegExp(`disabl|kill${JOIN}switch`, "i"),
    words: '"disable" (disabling) or "kill switch"',
    example: "## How to disable automation"
  }
];
function runbookSections(markdown) {
  const headings = markdownHeadings(markdown);
  const found = [];
  const missing = [];
  for (const kind of RUNBOOK_SECTIONS) {
    const matching = headings.filter((h) => kind.pattern.test(h.text));
    const filled = matching.filter((h) => hasContent(h.body));
    if (filled.length > 0) {
      found.push({ id: kind.id, title: kind.title, headings: filled });
      continue;
    }
    const expected = `a heading containing ${kind.words}, e.g. "${kind.example}"`;
    missing.push({ id: kind.id, title: kind.title, expected, ...matching[0] ? { empty: matching[0] } : {} });
  }
  return { headings, found, missing };
}
function sectionNames(section, name, kind) {
  const word = kind === "env" ? "[A-Za-z0-9_]" : "[A-Za-z0-9_-]";
  const pattern = new RegExp(`(?<!${word})${escapeRegExp(name)}(?!${word})`, kind === "env" ? "" : "i");
  return section.headings.some((h) => pattern.test(h.text) || pattern.test(h.body));
}
var ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
var SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
var FENCE = /^ {0,3}(`{3,}|~{3,})/;
var NOT_PARAGRAPH = /^(?: {4}|\t| {0,3}(?:[-*+>|]|\d+[.)]|<!--)|\s*$)/;
function markdownHeadings(markdown) {
  const lines = markdown.split(/\r\n|\r|\n/);
  const marks = [];
  let fence;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const opening = FENCE.exec(line);
    if (fence) {
      if (opening && opening[1][0] === fence.marker && opening[1].length >= fence.length && closesFence(line))
        fence = void 0;
      continue;
    }
    if (opening) {
      fence = { marker: opening[1][0], length: opening[1].length };
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      marks.push({ index: i, level: atx[1].length, text: (atx[2] ?? "").trim(), bodyFrom: i + 1 });
      continue;
    }
    const next = lines[i + 1];
    const underline = next === void 0 ? null : SETEXT.exec(next);
    if (underline && !NOT_PARAGRAPH.test(line)) {
      marks.push({ index: i, level: underline[1][0] === "=" ? 1 : 2, text: line.trim(), bodyFrom: i + 2 });
      i++;
    }
  }
  return marks.map((mark, k) => {
    const end = marks.slice(k + 1).find((m) => m.level <= mark.level)?.index ?? lines.length;
    return {
      line: mark.index + 1,
      level: mark.level,
      text: mark.text,
      body: lines.slice(mark.bodyFrom, end).join("\n")
    };
  });
}
function closesFence(line) {
  return /^ {0,3}(`{3,}|~{3,})[ \t]*$/.test(line);
}
function hasContent(body) {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, "").trim() !== "";
}

// src/load/runbook.ts
async function loadRunbook(absPath, killSwitch, at) {
  const file = displayPath(absPath);
  const read = await readUserText(absPath, file);
  if (!read.ok) return { problems: [read.problem] };
  const sections = runbookSections(read.text);
  const problems = [...missingSections(sections, file, at), ...killSwitchProblems2(sections, killSwitch, file)];
  return { runbook: { path: absPath, file, text: read.text, sections }, problems };
}
function missingSections(sections, file, at) {
  return sections.missing.map((section) => {
    if (section.empty)
      return {
        file,
        line: section.empty.line,
        message: `the runbook's section "${section.empty.text}" (${section.title}) has nothing under it`,
        severity: "error"
      };
    return {
      ...at,
      message: `runbook ${file} has no section on ${section.title}: add ${section.expected}`,
      severity: "error"
    };
  });
}
function killSwitchProblems2(sections, killSwitch, file) {
  const disable = sections.found.find((s) => s.id === "disable");
  const field = killSwitch?.env !== void 0 ? "env" : killSwitch?.header !== void 0 ? "header" : void 0;
  if (!disable || !killSwitch || !field) return [];
  const name = killSwitch[field];
  if (sectionNames(disable, name, field)) return [];
  const howTo = field === "env" ? `${name}=${killSwitch.value}` : `${name}: ${killSwitch.value}`;
  const heading = disable.headings[0];
  return [
    {
      file,
      line: heading.line,
      message: `the runbook's section "${heading.text}" does not name the kill switch ${name} (kill_switch.${field}): say how to turn automation off with it, e.g. ${howTo}`,
      severity: "error"
    }
  ];
}

// src/load/shared-fixtures.ts
async function loadFixturesFile(absPath, file, permissions) {
  const { values, problems } = await readDataFile(absPath, file);
  const error = (line, message) => problems.push({ file, line, message, severity: "error" });
  if (values.length > 1) error(values[1].line, "a fixtures file holds one map of tool name -> fixture");
  const map = values[0];
  if (!map) {
    if (problems.length === 0) error(void 0, "the fixtures file is empty");
    return { problems };
  }
  if (!isPlainMap(map.value)) {
    error(map.line, `a fixtures file holds a map of tool name -> fixture (as a task's "fixtures")`);
    return { problems };
  }
  const parsed = fixturesSchema.safeParse(map.value);
  if (!parsed.success) {
    append(problems, issueProblems(parsed.error.issues, map, file, "a fixtures file"));
    return { problems };
  }
  append(problems, unlistedFixtures(parsed.data, map, [], file, permissions));
  return { fixtures: parsed.data, problems };
}
function unlistedFixtures(fixtures, at, where, file, permissions) {
  return Object.keys(fixtures).filter((tool) => tool !== REQUEST_APPROVAL && !Object.hasOwn(permissions, tool)).map((tool) => ({
    file,
    line: at.keyLineOf(where, tool),
    message: `shared fixture for tool "${tool}", which the workflow's permissions do not list`,
    severity: "error"
  }));
}

// src/load/workflow-schema.ts
var workflowSchema = strictMap({ ...workflowFields, agent: agentSchema2 });
var openaiToolSchema = object({ type: literal("function"), function: toolSchemaSchema });
var plainToolSchema = toolSchemaSchema;

// src/util/plain-json-schema.ts
var JSON_TYPES = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null", "object", "array"]);
var MAX_DEPTH = 64;
var isJsonType = (v) => typeof v === "string" && JSON_TYPES.has(v);
var isNumber = (v) => typeof v === "number" && Number.isFinite(v);
var isCount = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
var isString = (v) => typeof v === "string";
var isPrimitive = (v) => v === null || isString(v) || typeof v === "boolean" || isNumber(v);
var isStringList = (v) => Array.isArray(v) && v.every(isString);
var isAnything = () => true;
function isPlainObject(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
function isUnicodePattern(v) {
  if (typeof v !== "string") return false;
  try {
    new RegExp(v, "u");
    return true;
  } catch {
    return false;
  }
}
var schemaList = (v, walk2) => Array.isArray(v) && v.length > 0 && v.every((s) => isSchema(s, walk2));
var KEYWORDS = /* @__PURE__ */ new Map([
  [
    "type",
    (v) => isJsonType(v) || Array.isArray(v) && v.length > 0 && v.every(isJsonType) && new Set(v).size === v.length
  ],
  ["properties", (v, walk2) => isPlainObject(v) && Object.values(v).every((s) => isSchema(s, walk2))],
  ["required", isStringList],
  ["additionalProperties", isSchema],
  ["items", isSchema],
  ["not", isSchema],
  ["anyOf", schemaList],
  ["oneOf", schemaList],
  ["allOf", schemaList],
  ["enum", (v) => Array.isArray(v) && v.length > 0 && v.every(isPrimitive)],
  ["const", isPrimitive],
  ["minimum", isNumber],
  ["maximum", isNumber],
  ["exclusiveMinimum", isNumber],
  ["exclusiveMaximum", isNumber],
  ["multipleOf", (v) => isNumber(v) && v > 0],
  ["minLength", isCount],
  ["maxLength", isCount],
  ["minItems", isCount],
  ["maxItems", isCount],
  ["minProperties", isCount],
  ["maxProperties", isCount],
  ["uniqueItems", (v) => typeof v === "boolean"],
  ["pattern", isUnicodePattern],
  ["format", isString],
  // Annotations: ajv generates no code for them. Strings only where its walk for `$id`s would
  // look inside an object; `default` it never looks inside.
  ["description", isString],
  ["title", isString],
  ["$comment", isString],
  ["$schema", isString],
  ["examples", (v) => Array.isArray(v)],
  ["default", isAnything],
  ["deprecated", (v) => typeof v === "boolean"],
  ["readOnly", (v) => typeof v === "boolean"],
  ["writeOnly", (v) => typeof v === "boolean"]
]);
function isSchema(value, walk2) {
  if (typeof value === "boolean") return true;
  if (!isPlainObject(value)) return false;
  const known = walk2.seen.get(value);
  if (known !== void 0) return known;
  if (walk2.depth >= MAX_DEPTH) return false;
  walk2.seen.set(value, false);
  walk2.depth++;
  const sure = Object.entries(value).every(([key, inner]) => KEYWORDS.get(key)?.(inner, walk2) ?? false);
  walk2.depth--;
  walk2.seen.set(value, sure);
  return sure;
}
function compilesSurely(schema) {
  return isPlainObject(schema) && isSchema(schema, { seen: /* @__PURE__ */ new Map(), depth: 0 });
}

// src/load/tool-schemas.ts
async function loadToolSchemas(absPath, file, permissions, cache) {
  const { values, problems, sha256 } = await readDataFile(absPath, file);
  const digest = sha256 ? { sha256 } : {};
  const schemas = [];
  const list = values[0];
  if (values.length > 1)
    problems.push({
      file,
      line: values[1].line,
      message: "a tool schema file holds one list of tools",
      severity: "error"
    });
  if (!list) return { schemas, problems, ...digest };
  if (!Array.isArray(list.value)) {
    problems.push({ file, line: list.line, message: "a tool schema file must hold a list of tools", severity: "error" });
    return { schemas, problems, ...digest };
  }
  const withParameters = [];
  for (const entry of list.elements()) {
    const schema = parseToolSchema(entry, file, problems);
    if (!schema) continue;
    schemas.push(schema);
    if (schema.parameters) withParameters.push({ schema, entry });
    if (!(schema.name in permissions) && schema.name !== REQUEST_APPROVAL) {
      problems.push({
        file,
        line: entry.line,
        message: `tool schema for "${schema.name}", which the workflow's permissions do not list (the agent may not call it)`,
        severity: "warning"
      });
    }
  }
  append(problems, await compileProblems(withParameters, file, sha256, cache));
  return { schemas, problems, ...digest };
}
async function compileProblems(tools, file, sha256, cache) {
  if (!cache || sha256 === void 0) return uncompilable(tools, file);
  const kept = problemList.safeParse(await cache.get("tool-schemas", file, sha256));
  if (kept.success) return kept.data;
  const problems = await uncompilable(tools, file);
  await cache.set("tool-schemas", file, sha256, problems);
  return problems;
}
async function uncompilable(tools, file) {
  const doubtful = tools.filter(({ schema }) => !compilesSurely(schema.parameters));
  if (doubtful.length === 0) return [];
  await jsonSchemaLoading();
  return doubtful.flatMap(({ schema, entry }) => {
    const compiled = compiledSchema(schema.parameters);
    if (compiled.ok) return [];
    const where = isPlainMap(entry.value) && "function" in entry.value ? ["function", "parameters"] : ["parameters"];
    const message = `the parameters of tool "${schema.name}" are not a JSON schema ajv can compile: ${compiled.error}`;
    return [{ file, line: entry.lineOf(where), message, severity: "error" }];
  });
}
function parseToolSchema(entry, file, problems) {
  if (isPlainMap(entry.value) && ("function" in entry.value || "type" in entry.value)) {
    const parsed2 = openaiToolSchema.safeParse(entry.value);
    if (parsed2.success) return parsed2.data.function;
    append(problems, issueProblems(parsed2.error.issues, entry, file, "a tool schema"));
    return void 0;
  }
  const parsed = plainToolSchema.safeParse(entry.value);
  if (parsed.success) return parsed.data;
  append(problems, issueProblems(parsed.error.issues, entry, file, "a tool schema"));
  return void 0;
}

// src/load/versioned-files.ts
import { createHash } from "node:crypto";
import { createReadStream, readFileSync, statSync as statSync3 } from "node:fs";
function versionedFile(file, repoRoot) {
  return { path: repositoryPath(repoRoot, file.abs) ?? file.abs, kind: file.defines, sha256: file.sha256 };
}
async function agentCodeFiles(type, agent, dir, repoRoot) {
  const code = await type.code?.(agent, dir);
  const hashed = [];
  for (const { abs, kind } of code?.paths ?? []) {
    if (kind !== "file" || await repoPathProblem("the agent code", abs, "file", repoRoot, abs)) continue;
    const sha256 = await fileSha256(abs);
    if (sha256) hashed.push({ abs, defines: "agent_code", sha256 });
  }
  return hashed;
}
var READ_AT_ONCE = 1024 * 1024;
async function fileSha256(abs) {
  const hash = createHash("sha256");
  try {
    const stat = statSync3(abs);
    if (stat.isFile() && stat.size <= READ_AT_ONCE) hash.update(readFileSync(abs));
    else for await (const chunk of createReadStream(abs)) hash.update(chunk);
  } catch {
    return void 0;
  }
  return hash.digest("hex");
}

// src/load/workflow.ts
async function loadWorkflow(manifestPath, repoRoot = findRepoRoot(), cache) {
  const dir = path9.dirname(manifestPath);
  const file = displayPath(manifestPath);
  const outside = await repoPathProblem("the manifest", manifestPath, "file", repoRoot, file);
  const { values, problems, sha256 } = outside ? { values: [], problems: [{ file, message: outside, severity: "error" }], sha256: void 0 } : await readDataFile(manifestPath, file);
  const loaded = {
    name: path9.basename(dir),
    file,
    nameLine: 1,
    namedFiles: [],
    taskDirs: [dir],
    problems
  };
  const error = (line, message) => problems.push({ file, line, message, severity: "error" });
  const incidentsFile = outside ? void 0 : await findIncidentsFile(dir);
  if (incidentsFile) {
    loaded.incidents = await loadIncidents(incidentsFile, repoRoot);
    append(problems, loaded.incidents.problems);
  }
  if (values.length === 0) {
    if (problems.length === 0) error(void 0, "the workflow manifest is empty");
    return loaded;
  }
  if (values.length > 1) error(values[1].line, "a workflow manifest holds one YAML document");
  const manifest = values[0];
  if (isPlainMap(manifest.value)) {
    const raw = manifest.value;
    if (typeof raw.name === "string" && raw.name !== "") loaded.name = raw.name;
    loaded.nameLine = manifest.lineOf(["name"]);
    loaded.namedFiles = manifestFiles(raw).map((p) => path9.resolve(dir, p));
  }
  const parsed = workflowSchema.safeParse(manifest.value, READ_ONCE);
  if (!parsed.success) {
    append(problems, issueProblems(parsed.error.issues, manifest, file, "a workflow manifest"));
    return loaded;
  }
  const at = { manifest, manifestPath, dir, file, repoRoot, problems, cache };
  const workflow = await deriveWorkflow(parsed.data, at, sha256);
  if (loaded.incidents) workflow.incidents = loaded.incidents.incidents.map((i) => i.incident);
  append(problems, policyProblems(workflow, manifest, file));
  append(loaded.taskDirs, await sharedTaskDirs(parsed.data, at));
  checkAgent(parsed.data.agent, at);
  if (parsed.data.kill_switch) {
    checkKillSwitch(parsed.data.kill_switch, parsed.data.agent, at);
    if (isPlainMap(manifest.value) && isPlainMap(manifest.value.kill_switch) && "drill_tasks" in manifest.value.kill_switch)
      loaded.drillTasksLine = manifest.lineOf(["kill_switch", "drill_tasks"]);
  }
  if (!problems.some((p) => p.severity === "error")) loaded.workflow = workflow;
  return loaded;
}
async function namedPath(at, where, relative, kind) {
  const absolute = path9.resolve(at.dir, relative);
  const field = where.filter((key) => typeof key === "string").join(".");
  const problem = await repoPathProblem(field, absolute, kind, at.repoRoot, displayPath(absolute));
  if (!problem) return absolute;
  at.problems.push({ file: at.file, line: at.manifest.lineOf(where), message: problem, severity: "error" });
  return void 0;
}
async function sharedTaskDirs(data, at) {
  const dirs = [];
  for (const [i, relative] of (data.tasks_from ?? []).entries()) {
    const absolute = await namedPath(at, ["tasks_from", i], relative, "folder");
    if (absolute) dirs.push(absolute);
  }
  return dirs;
}
function checkAgent(agent, at) {
  for (const problem of agentTypeOf(agent).check?.(agent) ?? []) {
    const where = ["agent", ...problem.at];
    at.problems.push({ file: at.file, line: at.manifest.lineOf(where), message: problem.message, severity: "error" });
  }
}
async function deriveWorkflow(data, at, manifestSha256) {
  const {
    agent: agentFile,
    data_governance,
    judge: judgeFile,
    tool_schemas,
    tasks_from: _tasksFrom,
    runbook: runbookFile,
    fixtures: _fixtures,
    fixtures_file: _fixturesFile,
    ...own
  } = data;
  const type = agentTypeOf(agentFile);
  const governance = data_governance && resolveRedactions(data_governance, at);
  if (governance) append(at.problems, governanceWarnings(governance, at.manifest, at.file));
  const { agent, toolSchemaFile, read } = await agentFiles(type, agentFile, tool_schemas, at);
  const judge = judgeFile ?? type.judge?.(agent);
  const tools = toolSchemaFile && await readToolSchemas(toolSchemaFile.abs, data.permissions, at);
  const toolSchemas = tools?.schemas;
  if (toolSchemaFile && tools?.sha256) read.push({ ...toolSchemaFile, sha256: tools.sha256 });
  if (manifestSha256) read.unshift({ abs: at.manifestPath, defines: "manifest", sha256: manifestSha256 });
  append(read, await agentCodeFiles(type, agent, at.dir, at.repoRoot));
  const runbook = runbookFile === void 0 ? void 0 : await readRunbook(runbookFile, data.kill_switch, at);
  const state = data.state_file === void 0 ? void 0 : await readStateFile(data.state_file, data, at);
  const fixtures = await readSharedFixtures(data, at);
  const derived = {
    dir: at.dir,
    source: { file: at.file, line: at.manifest.line },
    agent,
    ...governance ? { data_governance: governance } : {},
    ...judge ? { judge } : {},
    ...toolSchemas ? { tool_schemas: toolSchemas } : {},
    versioned_files: read.map((f) => versionedFile(f, at.repoRoot)),
    ...runbook ? { runbook } : {},
    ...state ? { initial_state: state.value } : {}
  };
  return { ...own, ...fixtures ? { fixtures } : {}, ...derived };
}
async function readSharedFixtures(data, at) {
  const { fixtures, fixtures_file: relative, permissions } = data;
  if (fixtures !== void 0 && relative !== void 0) {
    const message = "fixtures and fixtures_file are both set: give the shared fixtures in one of them";
    at.problems.push({ file: at.file, line: at.manifest.lineOf(["fixtures_file"]), message, severity: "error" });
    return void 0;
  }
  if (fixtures !== void 0) {
    append(at.problems, unlistedFixtures(fixtures, at.manifest, ["fixtures"], at.file, permissions));
    return fixtures;
  }
  if (relative === void 0) return void 0;
  const absolute = await namedPath(at, ["fixtures_file"], relative, "file");
  if (!absolute) return void 0;
  const loaded = await loadFixturesFile(absolute, displayPath(absolute), permissions);
  append(at.problems, loaded.problems);
  return loaded.fixtures;
}
async function readRunbook(relative, killSwitch, at) {
  const absolute = await namedPath(at, ["runbook"], relative, "file");
  if (!absolute) return void 0;
  const loaded = await loadRunbook(absolute, killSwitch, { file: at.file, line: at.manifest.lineOf(["runbook"]) });
  append(at.problems, loaded.problems);
  return loaded.runbook;
}
async function readStateFile(relative, data, at) {
  const line = at.manifest.lineOf(["state_file"]);
  const error = (message) => at.problems.push({ file: at.file, line, message, severity: "error" });
  if (!data.tools_backend) error("state_file needs a tools_backend: only a backend is reset with an initial state");
  const absolute = await namedPath(at, ["state_file"], relative, "file");
  if (!absolute) return void 0;
  const read = await readDataFile(absolute, displayPath(absolute));
  append(at.problems, read.problems);
  if (read.problems.some((p) => p.severity === "error")) return void 0;
  if (read.values.length !== 1) {
    error(`state_file ${displayPath(absolute)} must hold one JSON or YAML value, it holds ${read.values.length}`);
    return void 0;
  }
  return { value: read.values[0].value };
}
function checkKillSwitch(killSwitch, agent, at) {
  for (const problem of killSwitchProblems(killSwitch, agent.type, agentTypeOf(agent).killSwitch))
    at.problems.push({
      file: at.file,
      line: at.manifest.lineOf(problem.at),
      message: problem.message,
      severity: "error"
    });
}
async function agentFiles(type, file, toolSchemas, at) {
  const agent = { ...file };
  const read = [];
  let toolSchemaFile;
  let ownToolSchemas = false;
  for (const { field, kind, defines } of type.files ?? []) {
    const relative = file[field];
    if (relative === void 0) continue;
    agent[field] = path9.resolve(at.dir, relative);
    const named = await namedPath(at, ["agent", field], relative, "file");
    if (kind === "text") {
      const text2 = named && await readUserText(named, displayPath(named));
      if (text2 && !text2.ok) at.problems.push(text2.problem);
      if (named && text2 && text2.ok) read.push({ abs: named, defines, sha256: text2.sha256 });
      continue;
    }
    ownToolSchemas = true;
    toolSchemaFile = named ? { abs: named, defines } : void 0;
    if (toolSchemas !== void 0) {
      at.problems.push({
        file: at.file,
        line: at.manifest.lineOf(["tool_schemas"]),
        message: `tool_schemas is ignored for an ${type.name} agent: its tool schemas come from agent.${field}`,
        severity: "warning"
      });
    }
  }
  if (!ownToolSchemas && toolSchemas !== void 0) {
    const named = await namedPath(at, ["tool_schemas"], toolSchemas, "file");
    toolSchemaFile = named ? { abs: named, defines: "tools" } : void 0;
  }
  return toolSchemaFile ? { agent, toolSchemaFile, read } : { agent, read };
}
async function readToolSchemas(absPath, permissions, at) {
  const file = displayPath(absPath);
  const loaded = await loadToolSchemas(absPath, file, permissions, at.cache);
  append(at.problems, loaded.problems);
  return loaded.sha256 ? { schemas: loaded.schemas, sha256: loaded.sha256 } : { schemas: loaded.schemas };
}
function resolveRedactions(governance, at) {
  const { redact: entries = [], ...rest } = governance;
  const redact = [];
  entries.forEach((entry, i) => {
    const rule = toRedactRule(entry);
    if ("error" in rule) {
      const line = at.manifest.lineOf(["data_governance", "redact", i]);
      at.problems.push({ file: at.file, line, message: rule.error, severity: "error" });
    } else {
      redact.push(rule);
    }
  });
  return { ...rest, redact };
}

// src/load/index.ts
var OPEN_FILES = 64;
async function loadProject(opts) {
  const all = [];
  const repoRoot = opts.repoRoot ?? findRepoRoot();
  const readingThresholds = readThresholds(opts.thresholdsFile);
  const found = await findManifests(opts.tasksDir);
  append(all, found.problems);
  const loaded = await Promise.all(
    found.manifests.map(async (manifest) => ({ manifest, ...await loadWorkflow(manifest, repoRoot, opts.cache) }))
  );
  const selected = opts.workflow ? loaded.filter((w) => isNamed(w, opts.workflow)) : loaded;
  if (opts.workflow && selected.length === 0 && found.manifests.length > 0) {
    const names = loaded.map((w) => w.name).join(", ");
    all.push({
      file: displayPath(path10.resolve(opts.tasksDir)),
      message: `no workflow named "${opts.workflow}" (found: ${names})`,
      severity: "error"
    });
  }
  append(all, duplicateWorkflowNames(selected));
  const workflows = [];
  const tasks = [];
  for (const w of selected) {
    append(all, w.problems);
    if (w.workflow) workflows.push(w.workflow);
    const loadedTasks = await loadWorkflowTasks(w, repoRoot, opts.cache);
    append(tasks, loadedTasks.tasks);
    append(all, loadedTasks.problems);
  }
  const read = await readingThresholds;
  append(all, read.problems);
  const manifestNames = new Set(loaded.map((w) => w.name));
  for (const name of Object.keys(read.thresholds?.workflows ?? {})) {
    if (manifestNames.has(name)) continue;
    all.push({
      file: displayPath(path10.resolve(opts.thresholdsFile)),
      line: read.workflowLine(name),
      message: `workflows.${name} matches no workflow manifest (workflows: ${[...manifestNames].join(", ") || "none"})`,
      severity: "warning"
    });
  }
  const sorted = sortProblems(all);
  const thresholdsPath = path10.resolve(opts.thresholdsFile);
  return {
    workflows,
    tasks,
    thresholds: read.thresholds ?? defaultThresholds(),
    ...read.sha256 ? {
      thresholdsFile: {
        path: repositoryPath(repoRoot, thresholdsPath) ?? displayPath(thresholdsPath),
        kind: "thresholds",
        sha256: read.sha256
      }
    } : {},
    problems: sorted.filter((p) => p.severity === "error"),
    warnings: sorted.filter((p) => p.severity === "warning")
  };
}
async function loadWorkflowTasks(w, repoRoot, cache) {
  const exclude = /* @__PURE__ */ new Set([w.manifest, ...w.namedFiles, ...w.incidents ? [w.incidents.absPath] : []]);
  const found = { files: [], problems: [] };
  for (const dir of w.taskDirs) {
    const inDir = await findTaskFiles(dir, exclude, repoRoot);
    append(found.files, inDir.files);
    append(found.problems, inDir.problems);
  }
  const reading = pLimit(OPEN_FILES);
  const perFile = await Promise.all(
    found.files.map((f) => reading(() => loadTaskFileInside(f, w.name, repoRoot, cache)))
  );
  const located2 = perFile.flatMap((r) => r.tasks);
  const problems = [...found.problems, ...perFile.flatMap((r) => r.problems), ...checkDuplicateIds(located2)];
  if (w.incidents) append(problems, incidentTaskProblems(w.incidents, w.name, new Set(located2.map((l) => l.task.id))));
  if (w.workflow) {
    const checkTask = taskChecksAgainst(w.workflow);
    for (const task of located2) append(problems, checkTask(task));
    for (const task of located2) append(problems, await graderProblems(task, w.workflow.dir, repoRoot));
    const drill = w.workflow.kill_switch;
    const tooLarge = drill && w.drillTasksLine !== void 0 && drillSizeProblem(drill.drill_tasks, located2.length);
    if (tooLarge) problems.push({ file: w.file, line: w.drillTasksLine, message: tooLarge, severity: "error" });
  }
  if (found.files.length === 0)
    problems.push({ file: w.file, message: "no golden tasks in this workflow", severity: "warning" });
  return { tasks: located2.map((l) => l.task), problems };
}
async function loadTaskFileInside(absPath, workflow, repoRoot, cache) {
  const file = displayPath(absPath);
  const outside = await repoPathProblem("the task file", absPath, "file", repoRoot, file);
  if (outside) return { tasks: [], problems: [{ file, message: outside, severity: "error" }] };
  return loadTaskFile(absPath, file, workflow, cache);
}
function isNamed(w, name) {
  return w.name === name || path10.basename(path10.dirname(w.manifest)) === name;
}
function duplicateWorkflowNames(workflows) {
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  for (const w of workflows) {
    const first = seen.get(w.name);
    if (first)
      problems.push({
        file: w.file,
        line: w.nameLine,
        message: `workflow name "${w.name}" is also used by ${first}`,
        severity: "error"
      });
    else seen.set(w.name, w.file);
  }
  return problems;
}

export {
  isFile,
  canonicalJson,
  EndpointNotes,
  endpointAsOnBase,
  agentTypeOf,
  BUILTIN_REDACTIONS,
  workflowRedactor,
  createRedactor,
  pLimit,
  displayPath,
  findRepoRoot,
  repositoryPath,
  MANIFEST_NAMES,
  findManifests,
  isJsonLines,
  parseYaml,
  loadThresholds,
  manifestFiles,
  escapeRegExp,
  loadWorkflow,
  loadProject
};
