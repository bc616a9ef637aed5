import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  EXIT,
  didYouMean
} from "./chunks/chunk-DCNRK4SB.js";
import {
  scrubStandardStreams,
  sealEnvironment
} from "./chunks/chunk-45WAZNP6.js";
import {
  exitOnStopSignals
} from "./chunks/chunk-7TXSYVOI.js";
import {
  InputError,
  formatProblem
} from "./chunks/chunk-NQKQZFN6.js";
import {
  registerHostSecrets
} from "./chunks/chunk-5FUXRJRG.js";
import "./chunks/chunk-AO5R7NBC.js";
import {
  scrubSecrets
} from "./chunks/chunk-N6PE7UBE.js";
import "./chunks/chunk-BX4ROB6G.js";

// src/cli/usage.ts
var SYNOPSIS = {
  run: `evalgate run [--tasks DIR] [--thresholds FILE] [--out DIR] [--concurrency N]
             [--repeat K] [--shard I/N] [--baseline REPORT.json]
             [--workflow NAME] [--filter EXPR] [--cache DIR] [--openai-base-url URL]
             [--base-ref REF] [--phase PHASE] [--otlp-endpoint URL]`,
  validate: `evalgate validate [--tasks DIR] [--thresholds FILE] [--no-cache]`,
  merge: `evalgate merge REPORT.json... [--thresholds FILE] [--tasks DIR] [--base-ref REF] [--phase PHASE]
               [--out DIR]`,
  scorecard: `evalgate scorecard REPORT.json... [--out DIR]`,
  readiness: `evalgate readiness [--tasks DIR] [--thresholds FILE] [--strict]`,
  evidence: `evalgate evidence [--tasks DIR] [--thresholds FILE] [--report REPORT.json] [--out DIR]`
};
var COMMAND_NAMES = Object.keys(SYNOPSIS);
var EXIT_CODES = "Exit codes: 0 gate passed, 1 gate failed, 2 invalid input or undecidable run.\n";
var OWN_EXIT_CODES = {
  readiness: "Exit codes: 0 scored, 1 a section is missing (with --strict), 2 invalid input.\n",
  evidence: "Exit codes: 0 written, 2 invalid input (a missing or invalid report, a problem in the files).\n"
};
var FILES = `  --tasks DIR          the golden tasks, one folder per workflow (default golden-tasks)
  --thresholds FILE    the gate rules (default thresholds.yml)`;
var BASE_REF = `  --base-ref REF       judge as on commit REF of the cwd's git repository (a pull request's
                       base): each gate rule the stricter of REF's and the working tree's,
                       removed and changed golden tasks counted in REF's form`;
var USAGE = `evalgate: gate an AI agent workflow on its tiered golden tasks

Usage:
${COMMAND_NAMES.map((name) => `  ${SYNOPSIS[name].replace(/\n/g, "\n  ")}`).join("\n")}
  evalgate help <command>      (or evalgate <command> --help): the command's options
  evalgate --version

${EXIT_CODES}`;
var DETAILS = {
  run: `Runs the golden tasks against the agent, grades and gates them, and writes report.json,
summary.md, traces.jsonl (and the other outputs) into --out; prints the per-tier table.

${FILES}
  --out DIR            the output folder (default evalgate-report)
  --concurrency N      tasks at a time (default 8)
  --repeat K           a fixed K attempts per task instead of adaptive rounds (the rate is
                       the mean pass rate)
  --shard I/N          run shard I of N; \`evalgate merge\` decides on all N reports
  --baseline REPORT.json  a report of the base branch, compared task by task
  --workflow NAME      only this workflow
  --filter EXPR        comma-separated terms that must all hold, e.g. "tier=T1,tag=fraud",
                       "id=t2-*", "risk!=low" (keys: id, tier, risk, tag, workflow; values
                       are globs). A gated tier the filter leaves without a task is not
                       evaluated: the decision is then never pass (error instead).
  --cache DIR          reuse model responses for identical requests (each attempt number apart)
  --openai-base-url URL  the OpenAI-compatible endpoint of openai agents and the judge
  --otlp-endpoint URL  export every attempt as an OpenTelemetry trace over OTLP/HTTP
                       (URL/v1/traces; default OTEL_EXPORTER_OTLP_ENDPOINT); a backend
                       that is down costs one warning
${BASE_REF}
  --phase PHASE        judge every workflow at rollout phase draft, propose or autonomous
                       instead of its own rollout.phase ("is it ready for the next phase?"):
                       that phase's sandbox rules and the tier rules of thresholds.yml
                       phases.<PHASE>

The API key of openai agents and the judge comes from OPENAI_API_KEY (or agent.api_key_env).
Progress goes to stderr: a bar with the elapsed time and an estimate of the time left on a
terminal, plain lines when CI=true, TERM=dumb or stderr is not a terminal.`,
  validate: `Checks the workflow manifests, golden tasks and thresholds without running anything, and
prints every problem as file:line: message.

${FILES}
  --no-cache           read every task file afresh. Outside CI, validate keeps what it read
                       of each task file, by its bytes and evalgate's build, in
                       EVALGATE_CACHE_DIR (else $XDG_CACHE_HOME/evalgate/load, else
                       ~/.cache/evalgate/load); never when CI or GITHUB_ACTIONS is set, nor
                       with EVALGATE_NO_CACHE=1`,
  merge: `Merges the shard reports of one sharded run and decides the gate on them, by the rules of
--thresholds (never a shard's own record of them). Refuses (exit 2) a missing or repeated
shard, shards run by other rules, task ids not of the shards' set, and a task status its
attempts contradict.

  --thresholds FILE    the gate rules (default thresholds.yml)
  --tasks DIR          also check the shards' tasks against this golden set
${BASE_REF}
  --phase PHASE        the --phase its shards ran with
  --out DIR            the output folder (default evalgate-report)`,
  scorecard: `The trend over a series of reports (e.g. one a week): one column per report, ordered by
created_at, oldest first; writes DIR/scorecard.md and DIR/scorecard.html.

  --out DIR            the output folder (default evalgate-scorecard)`,
  readiness: `Scores the workflows against the ten sections of the Agent Production Readiness Kit
(workflow manifest, permission matrix, data governance, golden tasks, regression gate, tracing,
escalation & fallback, cost controls, phased rollout, monthly review): each met, partial or
missing, with what evidences it and what is still missing. From the files alone; every run's
report has the same checklist, scored with the run.

${FILES}
  --strict             exit 1 when a section is missing (else 0 whatever the checklist says)`,
  evidence: `Writes the evidence pack a security reviewer reads: index.html and one page each for the
workflow manifest, the permission matrix, data governance, the eval report, a trace sample, the
incident runbook and the readiness checklist; each page also as markdown (index.md, ...). Self-
contained HTML that prints to PDF a sheet per workflow.

${FILES}
  --report REPORT.json the run to show (report.json; its traces.jsonl and report.html beside it).
                       Without it the eval report and trace sample say that no run was given.
  --out DIR            the output folder (default evidence)`
};
function commandHelp(name) {
  return `Usage: ${SYNOPSIS[name]}

${DETAILS[name]}

${OWN_EXIT_CODES[name] ?? EXIT_CODES}`;
}
function isCommandName(word) {
  return word !== void 0 && Object.hasOwn(SYNOPSIS, word);
}

// src/cli/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-unbundled";

// src/cli/main.ts
var COMMANDS = {
  run: async () => (await import("./chunks/run-command-ILL5HGMS.js")).runCommand,
  validate: async () => (await import("./chunks/validate-command-BB64XDCE.js")).validateCommand,
  merge: async () => (await import("./chunks/merge-command-KHK6R77M.js")).mergeCommand,
  scorecard: async () => (await import("./chunks/scorecard-command-FESGPKZG.js")).scorecardCommand,
  readiness: async () => (await import("./chunks/readiness-command-V7ZB65O7.js")).readinessCommand,
  evidence: async () => (await import("./chunks/evidence-command-CAMMW6HN.js")).evidenceCommand
};
async function main(argv) {
  const [command, ...rest] = argv;
  try {
    if (isCommandName(command) && asksForHelp(rest)) {
      process.stdout.write(commandHelp(command));
      return EXIT.pass;
    }
    if (isCommandName(command)) return await (await COMMANDS[command]())(rest);
    switch (command) {
      case "help":
        if (rest.length > 0) return helpOn(rest[0]);
        process.stdout.write(USAGE);
        return EXIT.pass;
      case void 0:
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        return command === void 0 ? EXIT.error : EXIT.pass;
      case "--version":
      case "-v":
        process.stdout.write(`${VERSION}
`);
        return EXIT.pass;
      default:
        throw unknownCommand(command);
    }
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) process.stderr.write(scrubSecrets(formatProblem(p)) + "\n");
      return EXIT.error;
    }
    if (isParseArgsError(err)) {
      const help = isCommandName(command) ? `evalgate ${command} --help` : "evalgate --help";
      process.stderr.write(`evalgate ${command}: ${err.message}
See ${help} for its options.
`);
      return EXIT.error;
    }
    process.stderr.write(scrubSecrets(`evalgate: internal error: ${err?.message ?? String(err)}
`));
    if (process.env.EVALGATE_DEBUG) process.stderr.write(scrubSecrets(`${err?.stack}
`));
    return EXIT.error;
  }
}
function asksForHelp(args) {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}
function helpOn(name) {
  if (!isCommandName(name)) throw unknownCommand(name);
  process.stdout.write(commandHelp(name));
  return EXIT.pass;
}
function unknownCommand(name) {
  const expected = `${COMMAND_NAMES.slice(0, -1).join(", ")} or ${COMMAND_NAMES[COMMAND_NAMES.length - 1]}`;
  return new InputError(
    `unknown command "${name}"${didYouMean(name, COMMAND_NAMES)}; expected ${expected} (see evalgate --help)`
  );
}
function isParseArgsError(err) {
  const code = err?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

// src/cli/index.ts
sealEnvironment();
exitOnStopSignals();
registerHostSecrets();
scrubStandardStreams();
process.exitCode = await main(process.argv.slice(2));
