export const USAGE = `evalgate: gate an AI agent workflow on its tiered golden tasks

Usage:
  evalgate run [--tasks DIR] [--thresholds FILE] [--out DIR] [--concurrency N]
               [--repeat K] [--shard I/N] [--baseline REPORT.json]
               [--workflow NAME] [--filter EXPR] [--cache DIR] [--openai-base-url URL]
               [--base-ref REF] [--phase PHASE]
  evalgate validate [--tasks DIR] [--thresholds FILE]
  evalgate merge REPORT.json... [--thresholds FILE] [--tasks DIR] [--base-ref REF] [--phase PHASE]
                 [--out DIR]
  evalgate scorecard REPORT.json... [--out DIR]

Defaults: --tasks golden-tasks, --thresholds thresholds.yml, --out evalgate-report,
          --concurrency 8; attempts adaptive (see --repeat).
--repeat K: a fixed K attempts per task instead of adaptive rounds (the rate is the mean pass rate).
--filter: comma-separated terms that must all hold, e.g. "tier=T1,tag=fraud",
          "id=t2-*", "risk!=low" (keys: id, tier, risk, tag, workflow; values are globs).

merge: decides by the rules of --thresholds (never a shard's own record of them) and refuses
          (exit 2) shards run by other rules, task ids not of the shards' set, and a task status
          its attempts contradict; --tasks DIR / --base-ref REF also check the shards' tasks
          against the golden set (judged as on REF, as run --base-ref does).
scorecard: one column per report (e.g. one a week), ordered by created_at, oldest first;
          writes DIR/scorecard.md and DIR/scorecard.html (default --out evalgate-scorecard).

--base-ref REF: judge the run as on commit REF of the cwd's git repository (a pull request's
          base): each gate rule the stricter of REF's and the working tree's, removed and changed
          golden tasks counted in REF's form, the changes listed in summary.md.
--phase PHASE: judge every workflow at rollout phase draft, propose or autonomous instead of its
          own rollout.phase ("is it ready for the next phase?"): that phase's sandbox rules and the
          tier rules of thresholds.yml phases.<PHASE>; merge takes the --phase its shards ran with.
--cache DIR: reuse model responses for identical requests (each attempt number apart).
The API key of openai agents and the judge comes from OPENAI_API_KEY (or agent.api_key_env).

Exit codes: 0 gate passed, 1 gate failed, 2 invalid input or undecidable run.
`
