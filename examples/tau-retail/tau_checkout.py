"""Reads a tau-bench checkout by path: its tools, its data and its task files.

Nothing of the tau_bench package is imported: it pulls in model clients and pydantic. The few
names a tool or task file imports from it (the Tool base class, Task and Action) are replaced by
small stand-ins before the files are loaded, each from its own path.
"""

import ast
import importlib.util
import json
import os
import sys
import types

RESPOND = "respond"
# A tool that ends tau-bench's episode: nothing the agent does after it happens.
TERMINATE_TOOLS = ("transfer_to_human_agents",)
# Mutating methods of lists, dicts and sets.
MUTATORS = {
    "append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault",
    "sort", "reverse", "add", "discard", "popitem",
}
# Words in a write tool's code that say it moves money (its risk is then high).
MONEY_WORDS = ("payment_history", "balance", "refund")


class CheckoutError(Exception):
    """The checkout is missing, incomplete or holds a file that does not load."""


class Action:
    def __init__(self, name, kwargs=None, **_ignored):
        if not isinstance(name, str):
            raise TypeError(f"Action name must be a string, got {name!r}")
        if kwargs is None:
            kwargs = {}
        if not isinstance(kwargs, dict):
            raise TypeError(f"Action {name} kwargs must be a dict, got {type(kwargs).__name__}")
        self.name = name
        self.kwargs = kwargs


class Task:
    def __init__(self, user_id, actions, instruction, outputs=None, **_ignored):
        self.user_id = user_id
        self.actions = actions
        self.instruction = instruction
        self.outputs = [] if outputs is None else outputs


class Tool:
    @staticmethod
    def invoke(*args, **kwargs):
        raise NotImplementedError

    @staticmethod
    def get_info():
        raise NotImplementedError


def _install_stubs():
    if getattr(sys.modules.get("tau_bench"), "__evalgate_stub__", False):
        return
    package = types.ModuleType("tau_bench")
    package.__path__ = []
    package.__evalgate_stub__ = True
    envs = types.ModuleType("tau_bench.envs")
    envs.__path__ = []
    tool = types.ModuleType("tau_bench.envs.tool")
    tool.Tool = Tool
    tau_types = types.ModuleType("tau_bench.types")
    tau_types.Action = Action
    tau_types.Task = Task
    tau_types.RESPOND_ACTION_NAME = RESPOND
    tau_types.RESPOND_ACTION_FIELD_NAME = "content"
    package.envs = envs
    package.types = tau_types
    envs.tool = tool
    sys.modules.update(
        {"tau_bench": package, "tau_bench.envs": envs, "tau_bench.envs.tool": tool, "tau_bench.types": tau_types}
    )


def _load_module(path, name):
    _install_stubs()
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as err:  # a file of the checkout that does not load: say which and why
        line = _error_line(err, path)
        where = f"{path}:{line}" if line else path
        raise CheckoutError(f"{where}: does not load: {type(err).__name__}: {err}") from None
    return module


def _error_line(err, path):
    if isinstance(err, SyntaxError) and err.lineno:
        return err.lineno
    tb = err.__traceback__
    line = None
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == os.path.abspath(path):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class Checkout:
    """One domain (retail, airline) of a tau-bench checkout."""

    def __init__(self, root, domain="retail"):
        self.root = os.path.abspath(root)
        self.domain = domain
        if not os.path.isdir(self.root):
            raise CheckoutError(f"tau-bench checkout not found: {root}")
        self.domain_dir = os.path.join(self.root, "tau_bench", "envs", domain)
        self.tools_dir = os.path.join(self.domain_dir, "tools")
        self.data_dir = os.path.join(self.domain_dir, "data")
        for folder in (self.domain_dir, self.tools_dir, self.data_dir):
            if not os.path.isdir(folder):
                rel = os.path.relpath(folder, self.root)
                raise CheckoutError(f"{root} is not a tau-bench checkout: {rel}/ not found")
        self._tools = None
        self._data_texts = None

    # ---- data -------------------------------------------------------------------------------

    def data_files(self):
        names = sorted(n for n in os.listdir(self.data_dir) if n.endswith(".json"))
        if not names:
            raise CheckoutError(f"{self.data_dir}: no data files (*.json)")
        return [os.path.join(self.data_dir, n) for n in names]

    def fresh_data(self):
        """The domain's data as loaded by tau-bench: {file stem: parsed file}, a new copy each call."""
        if self._data_texts is None:
            texts = {}
            for path in self.data_files():
                with open(path, encoding="utf-8") as f:
                    texts[os.path.basename(path)[: -len(".json")]] = f.read()
            self._data_texts = texts
        data = {}
        for stem, text in self._data_texts.items():
            try:
                data[stem] = json.loads(text)
            except ValueError as err:
                raise CheckoutError(f"{os.path.join(self.data_dir, stem + '.json')}: not JSON: {err}") from None
        return data

    # ---- tools ------------------------------------------------------------------------------

    def tools(self):
        """{name: ToolInfo} for every tool class of the domain's tools folder."""
        if self._tools is None:
            found = {}
            names = sorted(n for n in os.listdir(self.tools_dir) if n.endswith(".py") and n != "__init__.py")
            for file_name in names:
                path = os.path.join(self.tools_dir, file_name)
                module = _load_module(path, f"evalgate_tau_{self.domain}_tool_{file_name[:-3]}")
                for value in vars(module).values():
                    if isinstance(value, type) and issubclass(value, Tool) and value is not Tool:
                        if value.__module__ != module.__name__:
                            continue
                        info = ToolInfo(value, path)
                        found[info.name] = info
            if not found:
                raise CheckoutError(f"{self.tools_dir}: no tool classes (subclasses of tau_bench.envs.tool.Tool)")
            self._tools = found
        return self._tools

    def invoke(self, data, name, args):
        """What tau-bench's environment observes for one call: the tool's answer, or 'Error: ...'."""
        info = self.tools().get(name)
        if info is None:
            return f"Unknown action {name}"
        try:
            return info.cls.invoke(data=data, **args)
        except Exception as err:  # tau-bench turns every exception of a tool into its observation
            return f"Error: {err}"

    # ---- tasks ------------------------------------------------------------------------------

    def tasks_file(self, split):
        for name in (f"tasks_{split}.py", f"tasks_{split}s.py"):
            path = os.path.join(self.domain_dir, name)
            if os.path.isfile(path):
                return path
        raise CheckoutError(f"{self.root} has no task file for split '{split}' (tau_bench/envs/{self.domain}/tasks_{split}.py)")

    def tasks(self, split="test"):
        path = self.tasks_file(split)
        module = _load_module(path, f"evalgate_tau_{self.domain}_tasks_{split}")
        lists = {
            key: value
            for key, value in vars(module).items()
            if isinstance(value, list) and value and all(isinstance(t, Task) for t in value)
        }
        preferred = f"TASKS_{split.upper()}"
        if preferred in lists:
            tasks = lists[preferred]
        elif len(lists) == 1:
            tasks = next(iter(lists.values()))
        else:
            found = ", ".join(sorted(lists)) or "none"
            raise CheckoutError(f"{path}: expected one list of Task(...) (e.g. {preferred}), found: {found}")
        for index, task in enumerate(tasks):
            _check_task(task, index, path)
        return tasks


def _check_task(task, index, path):
    where = f"{path}: task {index}"
    if not isinstance(task.user_id, str):
        raise CheckoutError(f"{where}: user_id must be a string")
    if not isinstance(task.instruction, str):
        raise CheckoutError(f"{where}: instruction must be a string")
    if not isinstance(task.actions, list) or not all(isinstance(a, Action) for a in task.actions):
        raise CheckoutError(f"{where}: actions must be a list of Action(...)")
    if not isinstance(task.outputs, list) or not all(isinstance(o, str) for o in task.outputs):
        raise CheckoutError(f"{where}: outputs must be a list of strings")


class ToolInfo:
    def __init__(self, cls, path):
        self.cls = cls
        self.path = path
        try:
            self.info = cls.get_info()
            self.name = self.info["function"]["name"]
        except Exception as err:
            raise CheckoutError(f"{path}: {cls.__name__}.get_info() does not give a tool schema: {err}") from None
        self.writes, self.moves_money = _classify(cls, path)

    @property
    def parameters(self):
        return self.info["function"].get("parameters", {})


def _classify(cls, path):
    """(writes, moves money) from the code of invoke: does it change anything reached from `data`?"""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = ast.parse(source, path)
    invoke = None
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == cls.__name__:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "invoke":
                    invoke = item
    if invoke is None:
        raise CheckoutError(f"{path}: {cls.__name__} has no invoke method")
    writes = _mutates_data(invoke)
    body = ast.get_source_segment(source, invoke) or ""
    return writes, writes and any(word in body for word in MONEY_WORDS)


def _names_in(node):
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _root_name(node):
    while isinstance(node, (ast.Subscript, ast.Attribute, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _target_names(target):
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _mutates_data(function):
    # Names bound to anything reached from `data` (a fixpoint over assignments and loops).
    tainted = {"data"}
    changed = True
    while changed:
        changed = False
        for node in ast.walk(function):
            pairs = []
            if isinstance(node, ast.Assign):
                pairs = [(t, node.value) for t in node.targets]
            elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
                pairs = [(node.target, node.value)]
            elif isinstance(node, (ast.For, ast.comprehension)):
                pairs = [(node.target, node.iter)]
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                pairs = [(node.optional_vars, node.context_expr)]
            for target, value in pairs:
                if _names_in(value) & tainted:
                    new = _target_names(target) - tainted
                    if new:
                        tainted |= new
                        changed = True
    for node in ast.walk(function):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in targets:
            if isinstance(target, (ast.Subscript, ast.Attribute)) and _root_name(target) in tainted:
                return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
            if _root_name(node.func.value) in tainted:
                return True
    return False


def task_id(domain, split, index):
    """The evalgate id of tau-bench task `index` of a split."""
    return f"{domain}-{split}-{index:03d}"


def state_changes(checkout, actions, data=None):
    """For each action ({"name", "kwargs"}), whether it changed the data (on fresh data, in order).

    Only a write tool can; an episode-ending tool and respond are not run (tau-bench's replay).
    """
    data = checkout.fresh_data() if data is None else data
    tools = checkout.tools()
    before = None
    changed = []
    for action in actions:
        name = action["name"]
        info = tools.get(name)
        if name == RESPOND or name in TERMINATE_TOOLS or info is None:
            changed.append(False)
            continue
        if info.writes and before is None:
            before = json.dumps(data, sort_keys=True)
        checkout.invoke(data, name, dict(action.get("kwargs", {})))
        if info.writes:
            after = json.dumps(data, sort_keys=True)
            changed.append(after != before)
            before = after
        else:
            changed.append(False)
    return changed


def end_state(checkout, actions):
    """The data (as canonical JSON text) after `actions` on fresh data, as tau-bench replays them."""
    data = checkout.fresh_data()
    for action in actions:
        if action["name"] != RESPOND and action["name"] not in TERMINATE_TOOLS:
            checkout.invoke(data, action["name"], dict(action.get("kwargs", {})))
    return json.dumps(data, sort_keys=True)


def required_actions(checkout, actions):
    """The positions of the actions the end state needs: those that change the data and without
    which the data would end differently (a write that a later one undoes or overwrites is not).
    Replaying only these gives the same end state as all of them (checked; else every change)."""
    changed = [i for i, c in enumerate(state_changes(checkout, actions)) if c]
    if len(changed) < 2:
        return changed
    gold = end_state(checkout, actions)
    needed = [i for i in changed if end_state(checkout, actions[:i] + actions[i + 1 :]) != gold]
    if end_state(checkout, [actions[i] for i in needed]) == gold:
        return needed
    return changed


def observation_answer(observation):
    """A tool's observation as the tools backend answers it."""
    if isinstance(observation, str):
        if observation.startswith("Error") or observation.startswith("Unknown action"):
            return {"error": observation}
        try:
            return {"result": json.loads(observation)}
        except ValueError:
            return {"result": observation}
    return {"result": observation}
