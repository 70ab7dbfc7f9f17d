"""Reads a running application's accessibility tree through AT-SPI and prints it as JSON.

Run by the system Python (/usr/bin/python3), which has Debian's python3-pyatspi: the project's own
Python has no AT-SPI bindings. test_atspi.py starts the app and then this script, in the same
private D-Bus session, and reads what it prints. Usage:

    /usr/bin/python3 atspi_probe.py APP_NAME STEPS_JSON

STEPS_JSON is a list of steps, each a one-key object, done in order:
    {"wait": {"names": [...], "timeout": S}}   until the app is on the bus and has nodes with these names
    {"dump": "label"}                          record the whole tree under "label"
    {"focus": "node name"}                     give that node the keyboard focus
    {"type": "text"}                           type text on the keyboard (XTest, through AT-SPI)
    {"key": "Return"}                          press one key (the names in KEYSYMS)
    {"wait_text": {"name": N, "text": T}}      until node N's text is T
    {"wait_rows": {"name": N, "min": K, "timeout": S}}  until node N has K named children
It prints {"dumps": {label: tree}} or {"error": "what did not happen"}, and exits 0 or 1.
"""

import json
import sys
import time

import pyatspi

MAX_NODES = 5000  # a bound on one walk, far above the window's few hundred nodes
MAX_TEXT = 500_000
KEYSYMS = {"Return": 0xFF0D, "Tab": 0xFF09, "Escape": 0xFF1B}


class StepFailed(Exception):
    pass


def node_of(acc, budget):
    """A JSON-ready dict of `acc` and everything under it."""
    budget[0] -= 1
    interfaces = sorted(pyatspi.listInterfaces(acc))
    node = {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": sorted(pyatspi.stateToString(s) for s in acc.getState().getStates()),
        "interfaces": interfaces,
        "actions": [],
        "children": [],
    }
    if "Action" in interfaces:
        action = acc.queryAction()
        node["actions"] = [action.getName(i) for i in range(action.nActions)]
    if "Text" in interfaces:
        text = acc.queryText()
        node["text"] = text.getText(0, min(text.characterCount, MAX_TEXT))
    for i in range(acc.childCount):
        if budget[0] <= 0:
            node["truncated"] = True
            break
        child = acc.getChildAtIndex(i)
        if child is not None:
            node["children"].append(node_of(child, budget))
    return node


def find_app(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def find_named(app, name):
    return pyatspi.findDescendant(app, lambda acc: acc is not None and acc.name == name)


def poll(what, timeout, check):
    """Calls check() until it returns something true, or fails saying `what` did not happen."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = check()
        except Exception:  # a node went away while we looked at it: look again
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            raise StepFailed(f"{what} within {timeout} s")
        time.sleep(0.25)


class Probe:
    """Does the steps in order against one application; `dumps` holds the trees recorded."""

    def __init__(self, app_name):
        self.app_name = app_name
        self.app = None
        self.dumps = {}

    def wait(self, arg):
        names = arg.get("names", [])

        def ready():
            app = find_app(self.app_name)
            return app if app is not None and all(find_named(app, n) for n in names) else None

        what = f"no application {self.app_name!r} with nodes named {names} on the accessibility bus"
        self.app = poll(what, arg.get("timeout", 30), ready)

    def dump(self, label):
        self.dumps[label] = node_of(self.app, [MAX_NODES])

    def focus(self, name):
        target = poll(f"no node named {name!r}", 10, lambda: find_named(self.app, name))
        # Qt moves its focus widget at once, but with no window manager on this X server the window
        # is never "active", so the focused state does not show: wait_text checks the typing.
        if not target.queryComponent().grabFocus():
            raise StepFailed(f"{name!r} refused the focus")

    def type(self, text):
        pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)

    def key(self, name):
        pyatspi.Registry.generateKeyboardEvent(KEYSYMS[name], None, pyatspi.KEY_SYM)

    def wait_text(self, arg):
        def has_text():
            text = find_named(self.app, arg["name"]).queryText()
            return text.getText(0, text.characterCount) == arg["text"]

        poll(f"{arg['name']!r} never held {arg['text']!r}", arg.get("timeout", 10), has_text)

    def wait_rows(self, arg):
        def named_rows():
            parent = find_named(self.app, arg["name"])
            children = (parent.getChildAtIndex(i) for i in range(parent.childCount)) if parent else ()
            return sum(1 for c in children if c is not None and c.name) >= arg["min"]

        what = f"{arg['name']!r} never had {arg['min']} named rows"
        poll(what, arg.get("timeout", 30), named_rows)


STEPS = ("wait", "dump", "focus", "type", "key", "wait_text", "wait_rows")


def run(app_name, steps):
    probe = Probe(app_name)
    for step in steps:
        ((kind, arg),) = step.items()
        if kind not in STEPS:
            raise StepFailed(f"unknown step {kind!r}")
        getattr(probe, kind)(arg)
    return probe.dumps


def main():
    app_name, steps = sys.argv[1], json.loads(sys.argv[2])
    try:
        dumps = run(app_name, steps)
    except StepFailed as e:
        print(json.dumps({"error": str(e)}))
        return 1
    print(json.dumps({"dumps": dumps}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
