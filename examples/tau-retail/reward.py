#!/usr/bin/env python3
"""tau-bench's reward rule, written anew over a checkout: the reference the tests and bench/tau.mjs
compare evalgate's grades with.

A trajectory earns 1 when
  - the data after its tool calls (on fresh data) hashes the same as the data after the task's
    gold actions (on fresh data; respond and episode-ending tools are not replayed), and
  - every one of the task's outputs occurs in one of its respond messages, both lowercased and
    commas removed from the message.
Like tau-bench's environment, a tool call that raises is an "Error: ..." observation, an unknown
tool changes nothing, and the episode ends at an episode-ending tool (transfer_to_human_agents).

  python3 reward.py --tau <checkout> [--domain retail] [--split test] <trajectories.jsonl>
prints one line per trajectory: {"task_id", "kind", "reward"}.
A trajectory line: {"task_id": "...", "index": <task index>, "kind": "...",
                    "actions": [{"name": tool or "respond", "kwargs": {...}}]}.
"""

import argparse
import hashlib
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tau_checkout import RESPOND, TERMINATE_TOOLS, Checkout, CheckoutError  # noqa: E402


def hashable(value):
    """Dict entries sorted by key, lists and sets as tuples: a value whose str() is canonical."""
    if isinstance(value, dict):
        return tuple((key, hashable(value[key])) for key in sorted(value))
    if isinstance(value, list):
        return tuple(hashable(item) for item in value)
    if isinstance(value, set):
        return tuple(sorted(hashable(item) for item in value))
    return value


def data_hash(data):
    return hashlib.sha256(str(hashable(data)).encode("utf-8")).hexdigest()


def episode(actions):
    """The actions that happen: up to and including the first episode-ending tool."""
    taken = []
    for action in actions:
        taken.append(action)
        if action["name"] in TERMINATE_TOOLS:
            break
    return taken


def replay(checkout, actions, data=None):
    data = checkout.fresh_data() if data is None else data
    for action in actions:
        if action["name"] == RESPOND or action["name"] in TERMINATE_TOOLS:
            continue
        checkout.invoke(data, action["name"], action.get("kwargs", {}))
    return data


def gold_actions(task):
    return [{"name": a.name, "kwargs": a.kwargs} for a in task.actions]


class Rewarder:
    def __init__(self, checkout, tasks):
        self.checkout = checkout
        self.tasks = tasks
        self._gold_hashes = {}

    def gold_hash(self, index):
        if index not in self._gold_hashes:
            self._gold_hashes[index] = data_hash(replay(self.checkout, gold_actions(self.tasks[index])))
        return self._gold_hashes[index]

    def reward(self, index, actions):
        task = self.tasks[index]
        taken = episode(actions)
        state_ok = data_hash(replay(self.checkout, taken)) == self.gold_hash(index)
        messages = [a.get("kwargs", {}).get("content", "") for a in taken if a["name"] == RESPOND]
        normalised = [str(m).lower().replace(",", "") for m in messages]
        outputs_ok = all(any(output.lower() in m for m in normalised) for output in task.outputs)
        return 1.0 if state_ok and outputs_ok else 0.0


def main(argv=None):
    parser = argparse.ArgumentParser(description="tau-bench's reward rule over a checkout")
    parser.add_argument("--tau", required=True)
    parser.add_argument("--domain", default="retail")
    parser.add_argument("--split", default="test")
    parser.add_argument("trajectories")
    args = parser.parse_args(argv)
    try:
        checkout = Checkout(args.tau, args.domain)
        rewarder = Rewarder(checkout, checkout.tasks(args.split))
    except CheckoutError as err:
        print(f"reward.py: {err}", file=sys.stderr)
        return 2
    with open(args.trajectories, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            trajectory = json.loads(line)
            reward = rewarder.reward(trajectory["index"], trajectory["actions"])
            print(json.dumps({"task_id": trajectory["task_id"], "kind": trajectory.get("kind"), "reward": reward}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
