"""python -m briefing_app.reaper PARENT FOLDER PID...: when PARENT dies, kill its worker processes
and remove the folder they were writing. The search index builder (search/store.py) starts one:
Whoosh's writer processes wait on their job queue for ever once the builder is gone, and nothing
of theirs can notice it."""

import contextlib
import errno
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


def watch_workers(folder: Path, processes: int, reaper: subprocess.Popen | None) -> subprocess.Popen | None:
    """Called as a build goes on. Once its writer processes have started: this module run as a
    small process that, should the builder die (even by kill -9), kills them and removes the
    half-built `folder`. From then on: OSError once every writer has died (Whoosh's builder would
    wait for them for ever when its queue of jobs is full; a part lost by one is found at the end)."""
    workers = multiprocessing.active_children()
    if reaper is not None:
        if not workers:
            raise OSError(errno.EIO, "the processes writing the index have stopped")
        return reaper
    if processes < 2 or len(workers) < processes:
        return None
    argv = [sys.executable, "-m", "briefing_app.reaper", str(os.getpid()), str(folder)]
    return subprocess.Popen([*argv, *(str(p.pid) for p in workers)], stdin=subprocess.DEVNULL)


def main(builder: int, folder: str, workers: list[int]) -> None:
    while os.getppid() == builder:  # the builder started this process: while it lives, wait
        time.sleep(0.2)
    for pid in workers:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                mine = b"multiprocessing" in fh.read()  # not another process given the number
        except OSError:
            mine = sys.platform != "linux"
        if mine:
            with contextlib.suppress(OSError):  # gone already
                os.kill(pid, signal.SIGKILL)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], [int(a) for a in sys.argv[3:]])
