"""A private desktop for one run of the real app with its accessibility bus: its own X server (Xvfb),
its own D-Bus session, the AT-SPI bus launcher, then the app with accessibility always on.

The offscreen platform the other GUI tests use never reaches the accessibility bus, so this is the
only way to hear what a screen reader hears. Every process started here is ended here, by its id.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
PROBE = Path(__file__).with_name("atspi_probe.py")
APP_NAME = "Briefing"  # the application's name on the bus (QApplication's display name)


def missing_tools() -> list[str]:
    """The Debian packages this needs that are not installed (their names, for the skip reason)."""
    missing = []
    if not shutil.which("Xvfb"):
        missing.append("xvfb")
    if not shutil.which("dbus-daemon"):
        missing.append("dbus")
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    has_pyatspi = Path(SYSTEM_PYTHON).exists() and (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode == 0
    )
    if not has_pyatspi:
        missing.append("python3-pyatspi")
    return missing


class AtspiSession:
    """Use as a context manager; `probe(steps)` reads the app through AT-SPI (see atspi_probe.py)."""

    def __init__(self, workdir: Path, app_args: list[str]) -> None:
        self.workdir = workdir
        self.app_args = app_args
        self.procs: list[subprocess.Popen] = []
        self.env: dict[str, str] = {}

    def __enter__(self) -> AtspiSession:
        try:
            self._start()
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def _spawn(self, name: str, cmd: list[str], **kw) -> subprocess.Popen:
        with open(self.workdir / f"{name}.log", "wb") as log:
            kw.setdefault("stdout", log)
            proc = subprocess.Popen(cmd, stderr=log, env=self.env, **kw)
        self.procs.append(proc)
        return proc

    def _start(self) -> None:
        home = self.workdir / "home"
        runtime = self.workdir / "runtime"
        for d in (home, runtime):
            d.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "AT_SPI"))}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local/share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_RUNTIME_DIR=str(runtime),
            BRIEFING_DATA_DIR=str(home / "briefing-data"),
            BRIEFING_CACHE_DIR=str(home / "briefing-cache"),
        )
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        self.env = env

        # Xvfb picks a free display itself and writes its number to the pipe.
        read_fd, write_fd = os.pipe()
        self._spawn(
            "xvfb",
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            display = pipe.readline().strip()
        if not display:
            raise RuntimeError(f"Xvfb did not start: {self.log('xvfb')}")
        env["DISPLAY"] = f":{display}"

        bus = self._spawn(
            "dbus",
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
        )
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError(f"dbus-daemon did not start: {self.log('dbus')}")
        env["DBUS_SESSION_BUS_ADDRESS"] = address

        self._spawn("at-spi-bus-launcher", [BUS_LAUNCHER, "--launch-immediately"])
        self._wait_for_bus_name("org.a11y.Bus")

        env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
        env["QT_QPA_PLATFORM"] = "xcb"
        app = Path(sys.executable).with_name("briefing-app")
        cmd = [str(app)] if app.exists() else [sys.executable, "-m", "briefing_app"]
        self._spawn("app", cmd + self.app_args)

    def _wait_for_bus_name(self, name: str, timeout: float = 10) -> None:
        # So the app finds the launcher already there, rather than D-Bus starting a second one.
        ask = [
            "dbus-send",
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
        ]
        ask += ["org.freedesktop.DBus.NameHasOwner", f"string:{name}"]
        deadline = time.monotonic() + timeout
        while "boolean true" not in subprocess.run(ask, env=self.env, capture_output=True, text=True).stdout:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} never appeared: {self.log('at-spi-bus-launcher')}")
            time.sleep(0.1)

    def probe(self, steps: list[dict], timeout: float = 120) -> dict:
        """Runs the steps through AT-SPI: {"dumps": the trees by label, "events": those heard}. Fails
        with the events and the app's log if a step did."""
        done = subprocess.run(
            [SYSTEM_PYTHON, str(PROBE), APP_NAME, json.dumps(steps)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        try:
            out = json.loads(done.stdout)
        except json.JSONDecodeError:
            out = {"error": f"the probe printed no JSON; its errors:\n{done.stderr[-3000:]}"}
        if "error" in out:
            heard = "\n".join(f"  {e}" for e in out.get("events", [])[-20:])
            raise AssertionError(
                f"{out['error']}\n--- events heard:\n{heard}\n--- app log:\n{self.log('app')}"
            )
        return out

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def _stop(self) -> None:
        # The app first, the X server last: each ends before what it depends on.
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            for stream in (proc.stdout,):
                if stream is not None:
                    stream.close()
        self.procs.clear()
