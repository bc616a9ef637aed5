import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  readinessInputs,
  scoreReadiness
} from "./chunk-SMYTZZDR.js";
import "./chunk-736N62CT.js";
import "./chunk-UMWV34Y7.js";
import {
  loadProject
} from "./chunk-3GL3DNQB.js";
import {
  readinessCounts,
  sectionName
} from "./chunk-HOOUSS7H.js";
import "./chunk-WWFOR4K3.js";
import "./chunk-23PSGEKM.js";
import {
  largest
} from "./chunk-2OAFEBTW.js";
import "./chunk-RXXAL5VI.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import "./chunk-OK5TKKTO.js";
import "./chunk-5FUXRJRG.js";
import "./chunk-AO5R7NBC.js";
import "./chunk-DOEHTZXB.js";
import "./chunk-CEYCZK43.js";
import "./chunk-LCFPQPNL.js";
import "./chunk-7LLJMACG.js";
import "./chunk-JNHVC7HD.js";
import "./chunk-2AYC2KJ6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-WE7CPBA2.js";
import "./chunk-BX4ROB6G.js";

// src/cli/readiness-table.ts
var HEADER = ["Section", "Status", "Evidence (+) and what is missing (-)"];
function renderReadinessTable(readiness, workflows) {
  const rows = readiness.sections.map((s) => ({
    cells: [sectionName(s), s.status],
    lines: [...s.evidence.map((e) => `+ ${e}`), ...s.missing.map((m) => `- ${m}`)]
  }));
  const widths = [0, 1].map(
    (i) => largest(
      rows.map((r) => r.cells[i].length),
      HEADER[i].length
    )
  );
  const indent = " ".repeat(widths[0] + widths[1] + 4);
  const row = (cells, first) => `${cells.map((c, i) => c.padEnd(widths[i])).join("  ")}  ${first}`;
  const table = rows.flatMap(({ cells, lines }) => [
    row(cells, lines[0] ?? ""),
    ...lines.slice(1).map((line) => indent + line)
  ]);
  return [
    `evalgate readiness of ${workflows.join(", ")}: ${readinessCounts(readiness)}`,
    "",
    row(HEADER.slice(0, 2), HEADER[2]),
    ...table
  ].map((line) => line.trimEnd()).join("\n");
}

// src/cli/readiness-command.ts
async function readinessCommand(args) {
  const { values } = parseArgs({
    args,
    options: {
      tasks: { type: "string", default: "golden-tasks" },
      thresholds: { type: "string", default: "thresholds.yml" },
      strict: { type: "boolean", default: false }
    }
  });
  const project = await loadProject({ tasksDir: values.tasks, thresholdsFile: values.thresholds });
  if (project.problems.length > 0) throw new InputError(project.problems);
  const readiness = scoreReadiness(readinessInputs(project));
  process.stdout.write(
    `${renderReadinessTable(
      readiness,
      project.workflows.map((w) => w.name)
    )}
`
  );
  const missing = readiness.sections.filter((s) => s.status === "missing");
  if (!values.strict || missing.length === 0) return EXIT.pass;
  process.stdout.write(`
--strict: ${missing.map(sectionName).join(", ")} missing
`);
  return EXIT.fail;
}
export {
  readinessCommand
};
