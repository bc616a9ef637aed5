import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  atPhases
} from "./chunk-XBNOCITY.js";
import {
  tooSmallTiers
} from "./chunk-TVW5B2US.js";
import {
  loadProject
} from "./chunk-XQTKVAIB.js";
import "./chunk-RXXAL5VI.js";
import {
  judgedPhases
} from "./chunk-ZSNDDX2B.js";
import "./chunk-2AYC2KJ6.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import "./chunk-WLFZI5ID.js";
import {
  formatProblem
} from "./chunk-NQKQZFN6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-7FOM6VON.js";
import "./chunk-XRLF5WSR.js";
import "./chunk-BX4ROB6G.js";

// src/cli/validate-command.ts
async function validateCommand(args) {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: "string", default: "golden-tasks" },
      thresholds: { type: "string", default: "thresholds.yml" }
    }
  });
  const project = await loadProject({ tasksDir: values.tasks, thresholdsFile: values.thresholds });
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
