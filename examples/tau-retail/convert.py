#!/usr/bin/env python3
"""Converts a tau-bench checkout's tasks into an evalgate project.

  python3 convert.py <tau-bench checkout> <out folder> [--split test] [--domain retail]
                     [--agent-command "..."] [--name tau_retail]

writes
  <out>/thresholds.yml
  <out>/golden-tasks/tau_<domain>/workflow.yml     permissions of every tool, the tools backend
  <out>/golden-tasks/tau_<domain>/tools.json       the tools' own JSON schemas (get_info())
  <out>/golden-tasks/tau_<domain>/tasks/<split>.jsonl

Each task is graded as tau-bench grades it: the data after the agent's calls must equal the data
after replaying the gold actions (`state_equals_replay`), and its outputs must occur in the
agent's message (`message_contains`). The gold actions are `expected.actions` (the replay uses
them); the ones the end state does not need (reads, writes the tool refuses, a write a later one
overwrites) are `optional`, list arguments are `unordered`, and they match as `superset`, so that
the calls add no condition of their own beyond "each write the end state needs was made"
(README.md of this folder: why).
"""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, HERE)
from tau_checkout import RESPOND, Checkout, CheckoutError, required_actions, task_id  # noqa: E402

TIER_RULE = (
    "T1: the gold actions move money (a state-changing write of a tool whose code touches payments, "
    "balances or refunds); T2: another state-changing write; T3: nothing changes (questions, refusals, transfers)"
)
ID_SUFFIXES = ("_id", "_ids")


def relative(path, start):
    """`path` from `start` when they share a folder below the root (a project in the repository), else absolute."""
    path = os.path.abspath(path)
    if os.path.commonpath([path, os.path.abspath(start)]) == os.path.sep:
        return path
    return os.path.relpath(path, start)


def convert_task(checkout, tools, task, index, split):
    """The evalgate task for one tau-bench task."""
    actions = [{"name": a.name, "kwargs": a.kwargs} for a in task.actions if a.name != RESPOND]
    for position, action in enumerate(actions):
        if action["name"] not in tools:
            raise CheckoutError(f"task {index}: gold action {position} calls an unknown tool '{action['name']}'")
    needed = set(required_actions(checkout, actions))
    changes = [i in needed for i in range(len(actions))]
    expected_actions = []
    for action, changed in zip(actions, changes):
        entry = {"tool": action["name"], "args": action["kwargs"]}
        if not changed:
            entry["optional"] = True
        lists = sorted(k for k, v in action["kwargs"].items() if isinstance(v, list))
        if lists:
            entry["unordered"] = lists
        expected_actions.append(entry)
    changed_tools = [tools[a["name"]] for a, changed in zip(actions, changes) if changed]
    if any(info.moves_money for info in changed_tools):
        tier, risk = "T1", "high"
    elif changed_tools:
        tier, risk = "T2", "medium"
    else:
        tier, risk = "T3", "low"
    expected = {
        "actions": expected_actions,
        "actions_match": "superset",
        "state_equals_replay": True,
    }
    if task.outputs:
        expected["message_contains"] = list(task.outputs)
    writes = sorted({info.name for info in changed_tools})
    return {
        "id": task_id(checkout.domain, split, index),
        "tier": tier,
        "risk": risk,
        "tags": ["tau-bench", split] + [f"writes:{name}" for name in writes],
        "description": f"tau-bench {checkout.domain} {split} task {index}",
        "input": {"instruction": task.instruction, "user_id": task.user_id},
        "expected": expected,
    }


def id_fields(tools, data):
    names = set()
    for info in tools.values():
        names.update(info.parameters.get("properties", {}).keys())

    def walk(value, depth):
        if depth > 6:
            return
        if isinstance(value, dict):
            for key, child in value.items():
                names.add(key)
                walk(child, depth + 1)
        elif isinstance(value, list):
            for child in value[:50]:
                walk(child, depth + 1)

    walk(data, 0)
    return sorted(n for n in names if isinstance(n, str) and n.endswith(ID_SUFFIXES))


def yaml_string(value):
    return json.dumps(value)


def workflow_yaml(name, checkout, tools, ids, workflow_dir, agent_command, split):
    backend = [
        "python3",
        relative(os.path.join(HERE, "backend.py"), workflow_dir),
        "--tau",
        relative(checkout.root, workflow_dir),
        "--domain",
        checkout.domain,
    ]
    lines = [
        "# Written by examples/tau-retail/convert.py from a tau-bench checkout; convert again rather than edit.",
        f"name: {name}",
        "description: >-",
        f"  tau-bench's {checkout.domain} tasks ({split} split), served by its own tools over its own data",
        "  (the tools backend), graded by its reward rule: the end state must equal the gold actions'",
        "  replay, and the answer must contain the task's outputs.",
        "inputs: { sources: [chat], required: [instruction, user_id] }",
        "",
        f"# Reads and writes from each tool's code (does invoke change anything reached from `data`?);",
        "# risk high: a write whose code touches payments, balances or refunds.",
        "permissions:",
    ]
    width = max(len(n) for n in tools) + 1
    for tool_name in sorted(tools):
        info = tools[tool_name]
        scope = "write" if info.writes else "read"
        risk = "high" if info.moves_money else "medium" if info.writes else "low"
        lines.append(f"  {(tool_name + ':').ljust(width)} {{ scope: {scope}, risk: {risk}, approval: none }}")
    lines += [
        "",
        "tool_schemas: tools.json",
        "",
        "# The checkout's tools over its data: reset loads the data fresh, every call runs the real tool.",
        "tools_backend:",
        f"  command: [{', '.join(yaml_string(part) for part in backend)}]",
        "  timeout_s: 30",
        "",
        "data_governance:",
        "  redact: [email, phone, card]",
        "# Ids of the synthetic data are not personal data.",
        f"redact_ignore: [{', '.join(ids)}]",
        "",
        "# The agent under test. The default replays recorded trajectories (trajectory_agent.py,",
        "# TAU_TRAJECTORIES=<file.jsonl>); put your own agent here.",
        "agent:",
        "  type: command",
        f"  command: {agent_command}",
        "",
    ]
    return "\n".join(lines)


THRESHOLDS = """# Written by examples/tau-retail/convert.py. Tiers: {rule}.
tiers:
  T1: 0.80
  T2: 0.80
  T3: 0.70
budgets:
  task_timeout_s: 60
  max_tool_calls_per_task: 200
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description="tau-bench tasks -> an evalgate project")
    parser.add_argument("checkout", help="a tau-bench checkout (the folder holding tau_bench/)")
    parser.add_argument("out", help="the evalgate project folder to write")
    parser.add_argument("--split", default="test", help="test (default), train or dev")
    parser.add_argument("--domain", default="retail", help="retail (default) or airline")
    parser.add_argument("--name", help="the workflow name (default tau_<domain>)")
    parser.add_argument("--agent-command", help="the agent's command (a shell string); default: trajectory_agent.py")
    args = parser.parse_args(argv)
    try:
        checkout = Checkout(args.checkout, args.domain)
        tools = checkout.tools()
        tasks = checkout.tasks(args.split)
        converted = [convert_task(checkout, tools, t, i, args.split) for i, t in enumerate(tasks)]
        ids = id_fields(tools, checkout.fresh_data())
    except CheckoutError as err:
        print(f"convert.py: {err}", file=sys.stderr)
        return 2
    name = args.name or f"tau_{args.domain}"
    workflow_dir = os.path.join(os.path.abspath(args.out), "golden-tasks", name)
    os.makedirs(os.path.join(workflow_dir, "tasks"), exist_ok=True)
    if args.agent_command:
        agent_command = yaml_string(args.agent_command)
    else:
        agent = relative(os.path.join(HERE, "trajectory_agent.py"), workflow_dir)
        agent_command = f"[python3, {yaml_string(agent)}]"
    with open(os.path.join(workflow_dir, "workflow.yml"), "w", encoding="utf-8") as f:
        f.write(workflow_yaml(name, checkout, tools, ids, workflow_dir, agent_command, args.split))
    with open(os.path.join(workflow_dir, "tools.json"), "w", encoding="utf-8") as f:
        json.dump([tools[n].info for n in sorted(tools)], f, indent=2)
        f.write("\n")
    with open(os.path.join(workflow_dir, "tasks", f"{args.split}.jsonl"), "w", encoding="utf-8") as f:
        for task in converted:
            f.write(json.dumps(task) + "\n")
    with open(os.path.join(args.out, "thresholds.yml"), "w", encoding="utf-8") as f:
        f.write(THRESHOLDS.format(rule=TIER_RULE))
    tiers = {tier: sum(1 for t in converted if t["tier"] == tier) for tier in ("T1", "T2", "T3")}
    writes = sorted(n for n, info in tools.items() if info.writes)
    print(
        f"convert.py: {len(converted)} tasks ({', '.join(f'{k} {v}' for k, v in tiers.items())}), "
        f"{len(tools)} tools ({len(writes)} write: {', '.join(writes)}) -> {relative(workflow_dir, os.getcwd())}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
