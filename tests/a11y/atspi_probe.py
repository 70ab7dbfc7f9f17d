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
    {"key": "Alt+Down"}                        press a key (a letter or a name in KEYSYMS), with
                                               modifiers held
    {"wait_text": {"name": N, "text": T}}      until node N's text is T
    {"wait_rows": {"name": N, "min": K, "timeout": S}}  until node N has K named children
    {"listen": ["object:announcement", ...]}   from now on, record these events
    {"wait_event": {"type": T, "source": N, "contains": W}}  until a recorded event matches (from
                                               node N, its data holding W; both optional)
It prints {"dumps": {label: tree}, "events": [...]} or {"error": "what did not happen"}, and exits
0 or 1. Events are {"type", "source" (the node's name), "data" (what the event carries, as text), "detail"
(its first number: 1 for a state gained, 0 for one lost)}.
"""

import json
import sys
import time

import pyatspi
from gi.repository import GLib

MAX_NODES = 5000  # a bound on one walk, far above the window's few hundred nodes
MAX_TEXT = 500_000
KEYSYMS = {
    "Return": 0xFF0D,
    "Tab": 0xFF09,
    "Escape": 0xFF1B,
    "Up": 0xFF52,
    "Down": 0xFF54,
    "Left": 0xFF51,
    "Right": 0xFF53,
    "Home": 0xFF50,
    "End": 0xFF57,
    "F6": 0xFFC3,
    "F7": 0xFFC4,
}
MODIFIERS = {"Shift": 1, "Ctrl": 4, "Alt": 8}  # X modifier masks (Alt is Mod1)


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


def pump(seconds):
    """Lets AT-SPI deliver the events that arrived (they come through GLib's main loop)."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.iteration(False):
            pass
        time.sleep(0.02)


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
        pump(0.25)


class Probe:
    """Does the steps in order against one application; `dumps` holds the trees recorded."""

    def __init__(self, app_name):
        self.app_name = app_name
        self.app = None
        self.dumps = {}
        self.events = []

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

    def key(self, chord):
        *held, name = chord.split("+")
        mask = sum(MODIFIERS[m] for m in held)
        if mask:
            pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
        keysym = ord(name.lower()) if len(name) == 1 else KEYSYMS[name]  # a letter is its own keysym
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        if mask:
            pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)

    def listen(self, types):
        for kind in types:
            pyatspi.Registry.registerEventListener(self._record, kind)

    def _record(self, event):
        try:
            source = event.source.name or "" if event.source is not None else ""
            data = event.any_data
            # An accessible (the child that took the focus, say) is recorded by its name.
            data = (getattr(data, "name", None) or str(data)) if data is not None else ""
        except Exception:  # the node went away before we looked
            return
        self.events.append({"type": event.type, "source": source, "data": data, "detail": event.detail1})

    def wait_event(self, arg):
        def matches(e):
            same_source = arg.get("source", e["source"]) == e["source"]
            return e["type"] == arg["type"] and same_source and arg.get("contains", "") in e["data"]

        def matched():
            return any(matches(e) for e in self.events)

        poll(f"no {arg} event", arg.get("timeout", 10), matched)

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


STEPS = ("wait", "dump", "focus", "type", "key", "wait_text", "wait_rows", "listen", "wait_event")


def main():
    app_name, steps = sys.argv[1], json.loads(sys.argv[2])
    probe = Probe(app_name)
    try:
        for step in steps:
            ((kind, arg),) = step.items()
            if kind not in STEPS:
                raise StepFailed(f"unknown step {kind!r}")
            getattr(probe, kind)(arg)
    except StepFailed as e:
        print(json.dumps({"error": str(e), "events": probe.events}))
        return 1
    print(json.dumps({"dumps": probe.dumps, "events": probe.events}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
