import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  gitCommitSource,
  gitTopLevel
} from "./chunk-YTPH24MI.js";
import {
  OUTPUTS
} from "./chunk-77A2QBA5.js";
import {
  headline,
  tierColumns
} from "./chunk-ZI6PSATX.js";
import {
  largest
} from "./chunk-2OAFEBTW.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import {
  PHASES,
  phaseNamed
} from "./chunk-7LLJMACG.js";

// src/report/table.ts
function renderTierTable(report) {
  const { header, rows } = tierColumns(report);
  const widths = header.map(
    (h, i) => largest(
      rows.map((r) => r[i].length),
      h.length
    )
  );
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const table = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  return [...table, "", headline(report), ...report.reasons.map((r) => `  - ${r}`)].join("\n");
}

// src/cli/base-ref.ts
async function cliRepoRoot() {
  return await gitTopLevel(process.cwd()) ?? process.cwd();
}
async function baseRefSource(ref) {
  const root = await gitTopLevel(process.cwd());
  if (!root) throw new InputError(`--base-ref ${ref}: ${process.cwd()} is not in a git repository`);
  const source = await gitCommitSource(root, ref);
  if (!source) throw new InputError(`--base-ref ${ref}: not a commit in the git repository at ${root}`);
  return source;
}

// src/cli/written-files.ts
var LABEL_WIDTH = largest(OUTPUTS.map((o) => o.name.length)) + 2;
function writtenFiles(paths) {
  return OUTPUTS.flatMap((output) => {
    const path = paths[output.name];
    return path === void 0 ? [] : [`${`${output.name}:`.padEnd(LABEL_WIDTH)}${path}
`];
  }).join("");
}

// src/cli/phase-option.ts
function phaseOption(value) {
  const phase = phaseNamed(value);
  if (!phase) throw new InputError(`--phase must be one of ${PHASES.join(", ")}, got "${value}"`);
  return phase;
}

export {
  renderTierTable,
  cliRepoRoot,
  baseRefSource,
  writtenFiles,
  phaseOption
};
