#!/usr/bin/env python3
"""evalgate tools backend over a tau-bench checkout (JSON lines on stdin and stdout).

  python3 backend.py --tau <checkout> [--domain retail]

{"op":"reset","state":null}        -> {"ok":true}      the checkout's data, fresh
{"op":"reset","state":{...}}       -> {"ok":true}      that data instead
{"op":"call","tool":T,"args":{}}   -> {"result":...}   the checkout's own tool on the data
                                      {"error":"..."}  its answer when it starts with "Error"
{"op":"state"}                     -> {"state":{...}}  the data now
"""

import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tau_checkout import Checkout, CheckoutError, observation_answer  # noqa: E402


class Backend:
    def __init__(self, checkout):
        self.checkout = checkout
        self.data = None

    def handle(self, request):
        if not isinstance(request, dict):
            return {"error": "a request is a JSON object with an op"}
        op = request.get("op")
        if op == "reset":
            state = request.get("state")
            # A given state is parsed from the request line: it is already this process's own copy.
            self.data = self.checkout.fresh_data() if state is None else state
            return {"ok": True}
        if self.data is None:
            self.data = self.checkout.fresh_data()
        if op == "call":
            tool, args = request.get("tool"), request.get("args", {})
            if not isinstance(tool, str):
                return {"error": "call needs a tool name"}
            if args is None:
                args = {}
            if not isinstance(args, dict):
                return {"error": f"arguments of {tool} must be a JSON object"}
            return observation_answer(self.checkout.invoke(self.data, tool, args))
        if op == "state":
            return {"state": self.data}
        return {"error": f"unknown op: {op!r} (reset, call, state)"}


def main(argv=None):
    parser = argparse.ArgumentParser(description="evalgate tools backend over a tau-bench checkout")
    parser.add_argument("--tau", required=True, help="the tau-bench checkout")
    parser.add_argument("--domain", default="retail")
    args = parser.parse_args(argv)
    out = sys.stdout
    # A tool that prints must not break the protocol: prints go to stderr, the backend's log.
    sys.stdout = sys.stderr
    try:
        checkout = Checkout(args.tau, args.domain)
        checkout.tools()
    except CheckoutError as err:
        print(f"backend.py: {err}", file=sys.stderr)
        return 2
    backend = Backend(checkout)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError as err:
            answer = {"error": f"request is not JSON: {err}"}
        else:
            try:
                answer = backend.handle(request)
            except CheckoutError as err:
                print(f"backend.py: {err}", file=sys.stderr)
                return 2
        out.write(json.dumps(answer) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
