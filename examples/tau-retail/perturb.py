#!/usr/bin/env python3
"""Gold trajectories of a tau-bench checkout's tasks, and perturbed ones: the agent mistakes
evalgate's grades are compared with tau-bench's reward on (bench/tau.mjs, the tests).

  python3 perturb.py --tau <checkout> [--domain retail] [--split test] [--kinds gold,dropped_write]
prints one trajectory per line: {"task_id", "index", "kind", "actions": [{"name", "kwargs"}]}.

Kinds (a task gets a kind only where it applies):
  gold              the gold actions, then one respond message holding the task's outputs
  skipped_reads     only the gold actions that change the data (no lookups at all)
  dropped_write     the last state-changing gold write left out
  changed_argument  one argument of the first state-changing write changed (another enum value,
                    a string with a digit appended, a list without its last element)
  extra_write       a write the task did not ask for, one that succeeds, after the gold actions
  swapped_writes    the first two state-changing writes in the other order
  repeated_write    a state-changing write made twice in a row (preferably one the tool then refuses)
  reordered_lists   the list arguments of the writes reversed (same pairs, other order)
  wrong_answer      the gold actions, but a message without the task's outputs (tasks with outputs)
"""

import argparse
import copy
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tau_checkout import RESPOND, TERMINATE_TOOLS, Checkout, CheckoutError, state_changes, task_id  # noqa: E402

KINDS = (
    "gold",
    "skipped_reads",
    "dropped_write",
    "changed_argument",
    "extra_write",
    "swapped_writes",
    "repeated_write",
    "reordered_lists",
    "wrong_answer",
)
EXTRA_ADDRESS = {
    "address1": "1 Extra Street",
    "address2": "Unit 9",
    "city": "Springfield",
    "state": "IL",
    "country": "USA",
    "zip": "62704",
}


def respond(content):
    return {"name": RESPOND, "kwargs": {"content": content}}


def answer_for(task):
    if task.outputs:
        return "Here is what I found: " + " and ".join(task.outputs) + "."
    return "Done: everything you asked for is taken care of."


def before_end(calls, extra):
    """`calls` with `extra` inserted before any episode-ending tool."""
    for position, call in enumerate(calls):
        if call["name"] in TERMINATE_TOOLS:
            return calls[:position] + [extra] + calls[position:]
    return calls + [extra]


def with_answer(calls, content):
    """The calls with one respond message, before any episode-ending tool (nothing happens after it)."""
    return before_end(calls, respond(content))


class Perturber:
    def __init__(self, checkout, tasks, split):
        self.checkout = checkout
        self.tasks = tasks
        self.split = split
        self.tools = checkout.tools()

    def trajectories(self, kinds=KINDS):
        for index, task in enumerate(self.tasks):
            calls = [{"name": a.name, "kwargs": copy.deepcopy(a.kwargs)} for a in task.actions if a.name != RESPOND]
            changes = state_changes(self.checkout, calls)
            writes = [i for i, changed in enumerate(changes) if changed]
            for kind in kinds:
                made = getattr(self, kind)(task, calls, writes)
                if made is None:
                    continue
                actions, note = made if isinstance(made, tuple) else (made, None)
                line = {"task_id": task_id(self.checkout.domain, self.split, index), "index": index, "kind": kind}
                if note:
                    line["note"] = note
                line["actions"] = actions
                yield line

    # ---- kinds ----------------------------------------------------------------------------------

    def gold(self, task, calls, writes):
        return with_answer(copy.deepcopy(calls), answer_for(task))

    def skipped_reads(self, task, calls, writes):
        if len(writes) == len(calls):
            return None
        return with_answer([copy.deepcopy(calls[i]) for i in writes], answer_for(task))

    def dropped_write(self, task, calls, writes):
        if not writes:
            return None
        kept = [copy.deepcopy(c) for i, c in enumerate(calls) if i != writes[-1]]
        return with_answer(kept, answer_for(task)), f"dropped {calls[writes[-1]]['name']}"

    def changed_argument(self, task, calls, writes):
        if not writes:
            return None
        changed = copy.deepcopy(calls)
        call = changed[writes[0]]
        schema = self.tools[call["name"]].parameters.get("properties", {})
        strings = [k for k, v in call["kwargs"].items() if isinstance(v, str)]
        lists = [k for k, v in call["kwargs"].items() if isinstance(v, list) and v]
        if strings:
            key = strings[-1]
            choices = [c for c in schema.get(key, {}).get("enum", []) if c != call["kwargs"][key]]
            call["kwargs"][key] = choices[0] if choices else call["kwargs"][key] + "0"
        elif lists:
            key = lists[-1]
            call["kwargs"][key] = call["kwargs"][key][:-1]
        else:
            return None
        return with_answer(changed, answer_for(task)), f"{call['name']}.{key}"

    def extra_write(self, task, calls, writes):
        end = self.checkout.fresh_data()
        for call in calls:
            if call["name"] not in TERMINATE_TOOLS:
                self.checkout.invoke(end, call["name"], copy.deepcopy(call["kwargs"]))
        for extra in self._extra_candidates(task, calls, end):
            if state_changes(self.checkout, [extra], copy.deepcopy(end))[0]:
                return with_answer(before_end(copy.deepcopy(calls), extra), answer_for(task)), extra["name"]
        return None

    def _extra_candidates(self, task, calls, data):
        if "modify_user_address" in self.tools:
            yield {"name": "modify_user_address", "kwargs": {"user_id": task.user_id, **EXTRA_ADDRESS}}
        touched = {c["kwargs"].get("order_id") for c in calls}
        user = data.get("users", {}).get(task.user_id, {})
        orders = [o for o in user.get("orders", []) if o not in touched]
        for order_id in orders:
            if "cancel_pending_order" in self.tools:
                yield {"name": "cancel_pending_order", "kwargs": {"order_id": order_id, "reason": "no longer needed"}}
            if "modify_pending_order_address" in self.tools:
                yield {"name": "modify_pending_order_address", "kwargs": {"order_id": order_id, **EXTRA_ADDRESS}}

    def swapped_writes(self, task, calls, writes):
        if len(writes) < 2:
            return None
        swapped = copy.deepcopy(calls)
        first, second = writes[0], writes[1]
        swapped[first], swapped[second] = swapped[second], swapped[first]
        return with_answer(swapped, answer_for(task)), f"{calls[first]['name']} <-> {calls[second]['name']}"

    def repeated_write(self, task, calls, writes):
        if not writes:
            return None
        chosen, refused = writes[0], False
        for position in writes:
            data = self.checkout.fresh_data()
            for call in calls[: position + 1]:
                if call["name"] not in TERMINATE_TOOLS:
                    self.checkout.invoke(data, call["name"], copy.deepcopy(call["kwargs"]))
            again = calls[position]
            answer = self.checkout.invoke(data, again["name"], copy.deepcopy(again["kwargs"]))
            if isinstance(answer, str) and answer.startswith("Error"):
                chosen, refused = position, True
                break
        repeated = copy.deepcopy(calls)
        repeated.insert(chosen + 1, copy.deepcopy(calls[chosen]))
        note = f"{calls[chosen]['name']} ({'refused' if refused else 'accepted'} the second time)"
        return with_answer(repeated, answer_for(task)), note

    def reordered_lists(self, task, calls, writes):
        reordered = copy.deepcopy(calls)
        touched = False
        for position in writes:
            for key, value in reordered[position]["kwargs"].items():
                if isinstance(value, list) and len(value) > 1 and value != value[::-1]:
                    reordered[position]["kwargs"][key] = value[::-1]
                    touched = True
        if not touched:
            return None
        return with_answer(reordered, answer_for(task))

    def wrong_answer(self, task, calls, writes):
        if not task.outputs:
            return None
        return with_answer(copy.deepcopy(calls), "Sorry, I could not work that out.")


def main(argv=None):
    parser = argparse.ArgumentParser(description="gold and perturbed trajectories of tau-bench tasks")
    parser.add_argument("--tau", required=True)
    parser.add_argument("--domain", default="retail")
    parser.add_argument("--split", default="test")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated, of: " + ", ".join(KINDS))
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        print(f"perturb.py: unknown kind {', '.join(unknown)} (kinds: {', '.join(KINDS)})", file=sys.stderr)
        return 2
    try:
        checkout = Checkout(args.tau, args.domain)
        perturber = Perturber(checkout, checkout.tasks(args.split), args.split)
        for line in perturber.trajectories(kinds):
            print(json.dumps(line))
    except CheckoutError as err:
        print(f"perturb.py: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
