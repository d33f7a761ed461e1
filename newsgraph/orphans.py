"""Worker processes never outlive the process that started them.

`watch_parent(pid)` runs in a worker: on Linux the kernel sends it SIGKILL when its
parent dies (`prctl(PR_SET_PDEATHSIG)`, through ctypes), and on every system a
daemon thread checks each `POLL_S` seconds that the parent is still its parent and
ends the worker when it is not (it was re-parented: the parent died, by any
signal). Killing `newsgraph ingest --jobs 2` therefore leaves no worker running.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

POLL_S = 0.5
PR_SET_PDEATHSIG = 1


def _death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watchdog(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            os._exit(1)  # the parent is gone: nothing here is worth finishing
        time.sleep(POLL_S)


def watch_parent(parent_pid: int, *, death_signal: bool = True) -> None:
    """End this process when `parent_pid` (its parent) dies."""
    if death_signal:
        _death_signal()
    if os.getppid() != parent_pid:  # it died before we could ask
        os._exit(1)
    threading.Thread(target=_watchdog, args=(parent_pid,), name="newsgraph-watchdog",
                     daemon=True).start()
