#!/usr/bin/env python3
"""A command agent that replays a recorded trajectory instead of thinking.

It reads its task ({"task_id", ...}) on stdin, finds the line of $TAU_TRAJECTORIES (a JSONL file
of {"task_id", "actions": [{"name", "kwargs"}]}) for that task, calls each tool through
$EVALGATE_TOOLS_URL (`POST <url>/<tool>` with the kwargs), whatever the answers, and prints
{"message": <the respond contents, one per line>}. It stops after an episode-ending tool, as
tau-bench's environment does.
"""

import json
import os
import sys
import urllib.error
import urllib.request

TERMINATE_TOOLS = ("transfer_to_human_agents",)


def fail(message):
    print(f"trajectory_agent.py: {message}", file=sys.stderr)
    sys.exit(1)


def find_trajectory(path, task_id):
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    trajectory = json.loads(line)
                    if trajectory.get("task_id") == task_id:
                        return trajectory
    except OSError as err:
        fail(f"cannot read TAU_TRAJECTORIES {path}: {err}")
    fail(f"no trajectory for task {task_id} in {path}")


def call(url, tool, args):
    request = urllib.request.Request(
        f"{url}/{urllib.request.quote(tool, safe='')}",
        data=json.dumps(args).encode("utf-8"),
        headers={"content-type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as err:  # a refused call is part of the trajectory
        return err.code


def main():
    task = json.loads(sys.stdin.read() or "{}")
    path = os.environ.get("TAU_TRAJECTORIES")
    url = os.environ.get("EVALGATE_TOOLS_URL", "").rstrip("/")
    if not path:
        fail("TAU_TRAJECTORIES is not set (a JSONL file of trajectories)")
    if not url:
        fail("EVALGATE_TOOLS_URL is not set (run me under evalgate)")
    trajectory = find_trajectory(path, task.get("task_id"))
    messages = []
    for action in trajectory.get("actions", []):
        if action["name"] == "respond":
            messages.append(str(action.get("kwargs", {}).get("content", "")))
            continue
        call(url, action["name"], action.get("kwargs", {}))
        if action["name"] in TERMINATE_TOOLS:
            break
    print(json.dumps({"message": "\n".join(messages)}))


if __name__ == "__main__":
    main()
