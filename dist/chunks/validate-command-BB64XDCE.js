import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  isFlagSet
} from "./chunk-WIQD65GD.js";
import {
  tooSmallTiers
} from "./chunk-736N62CT.js";
import {
  atPhases
} from "./chunk-UK53RQSH.js";
import {
  loadProject
} from "./chunk-3GL3DNQB.js";
import "./chunk-WWFOR4K3.js";
import "./chunk-23PSGEKM.js";
import "./chunk-2OAFEBTW.js";
import "./chunk-RXXAL5VI.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import {
  formatProblem
} from "./chunk-NQKQZFN6.js";
import "./chunk-OK5TKKTO.js";
import "./chunk-5FUXRJRG.js";
import "./chunk-AO5R7NBC.js";
import "./chunk-DOEHTZXB.js";
import "./chunk-CEYCZK43.js";
import {
  judgedPhases
} from "./chunk-7LLJMACG.js";
import "./chunk-JNHVC7HD.js";
import "./chunk-2AYC2KJ6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-WE7CPBA2.js";
import "./chunk-BX4ROB6G.js";

// src/cli/load-cache-option.ts
import os from "node:os";
import path2 from "node:path";

// src/load/load-cache.ts
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
var MAX_ENTRIES = 2e3;
var DIGEST_BYTES = 32;
var BUILD_FOLDER = /^[0-9a-f]{32}$/;
function diskLoadCache(root, build) {
  const dir = path.join(root, build.slice(0, 32));
  let prepared;
  const keyOf = (kind, file, sha256) => digest(JSON.stringify([build, kind, file, sha256]));
  return {
    async get(kind, file, sha256) {
      const key = keyOf(kind, file, sha256);
      try {
        const bytes = readFileSync(path.join(dir, key));
        const body = bytes.subarray(DIGEST_BYTES);
        if (!bytes.subarray(0, DIGEST_BYTES).equals(createHash("sha256").update(body).digest())) return void 0;
        const entry = deserialize(body);
        return entry.key === key ? entry.value : void 0;
      } catch {
        return void 0;
      }
    },
    async set(kind, file, sha256, value) {
      const key = keyOf(kind, file, sha256);
      try {
        await (prepared ??= prepare(root, dir));
        const body = serialize({ key, value });
        const temporary = path.join(dir, `${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
        await writeFile(temporary, Buffer.concat([createHash("sha256").update(body).digest(), body]), { mode: 384 });
        await rename(temporary, path.join(dir, key));
      } catch {
      }
    }
  };
}
async function prepare(root, dir) {
  await mkdir(dir, { recursive: true, mode: 448 });
  for (const name of await readdir(root)) {
    if (BUILD_FOLDER.test(name) && name !== path.basename(dir))
      await rm(path.join(root, name), { recursive: true, force: true });
  }
  const entries = await readdir(dir);
  if (entries.length > MAX_ENTRIES) await Promise.all(entries.map((name) => rm(path.join(dir, name), { force: true })));
}
function digest(text) {
  return createHash("sha256").update(text).digest("hex");
}

// src/util/build-id.ts
var BUILD_ID = true ? "77f1cc1cc2ccbf420f47ae1464c8b559a0bbbbdf89ec5ba01a6dda23d23d8a81" : void 0;

// src/cli/load-cache-option.ts
function cliLoadCache(noCache, env = process.env) {
  const off = noCache || isFlagSet(env.CI) || isFlagSet(env.GITHUB_ACTIONS) || isFlagSet(env.EVALGATE_NO_CACHE);
  if (off || BUILD_ID === void 0) return void 0;
  const root = cacheRoot(env);
  return root === void 0 ? void 0 : diskLoadCache(root, BUILD_ID);
}
function cacheRoot(env) {
  if (env.EVALGATE_CACHE_DIR) return path2.resolve(env.EVALGATE_CACHE_DIR);
  if (env.XDG_CACHE_HOME && path2.isAbsolute(env.XDG_CACHE_HOME))
    return path2.join(env.XDG_CACHE_HOME, "evalgate", "load");
  const home = os.homedir();
  return home ? path2.join(home, ".cache", "evalgate", "load") : void 0;
}

// src/cli/validate-command.ts
async function validateCommand(args) {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: "string", default: "golden-tasks" },
      thresholds: { type: "string", default: "thresholds.yml" },
      "no-cache": { type: "boolean" }
    }
  });
  const project = await loadProject({
    tasksDir: values.tasks,
    thresholdsFile: values.thresholds,
    cache: cliLoadCache(values["no-cache"])
  });
  for (const p of [...project.problems, ...project.warnings]) process.stderr.write(formatProblem(p) + "\n");
  if (project.problems.length) {
    process.stderr.write(`
${project.problems.length} problem(s) found
`);
    return EXIT.error;
  }
  const thresholds = atPhases(project.thresholds, judgedPhases(project.workflows));
  const gate = {
    rules: thresholds.rules,
    workflows: thresholds.workflows,
    max_error_rate: thresholds.budgets.max_error_rate
  };
  for (const warning of tooSmallTiers(project.tasks, gate))
    process.stderr.write(
      formatProblem({ file: thresholds.source?.file ?? values.thresholds, message: warning, severity: "warning" }) + "\n"
    );
  const tiers = /* @__PURE__ */ new Map();
  for (const t of project.tasks) tiers.set(t.tier, (tiers.get(t.tier) ?? 0) + 1);
  const byTier = [...tiers].sort().map(([tier, n]) => `${tier} ${n}`).join(", ");
  process.stdout.write(
    `ok: ${project.workflows.length} workflow(s), ${project.tasks.length} tasks (${byTier}), thresholds valid
`
  );
  return EXIT.pass;
}
export {
  validateCommand
};
