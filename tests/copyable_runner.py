"""Run Python scripts, each in its own fresh process, a few at a time; report as JSON.

    python -W error tests/copyable_runner.py RESULTS.json JOBS SCRIPT.py [SCRIPT.py ...]

Used by ``tests/test_copyable.py`` with the working directory set to a temporary folder.
Starting a new interpreter and importing NumPy and nnref costs more than most of the
glossary's scripts, so this process imports exactly what ``import nnref`` imports, once, and
then forks a child per script: every script gets a new process, empty globals and the
interpreter state of a fresh ``python -W error`` that has run ``import nnref`` (which every
script does itself too). Nothing else is preloaded (no matplotlib, no site code), so a missing
import fails here as it fails for a reader. ``NNREF_COPYABLE_FRESH=1`` starts a brand-new
interpreter per script instead (slower; the same results).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import traceback

TIMEOUT = 300.0  # seconds for one script


def _run_in_child(script: str) -> None:
    """In the forked child: run ``script`` as ``python script`` would, then exit."""
    log = os.open(script + ".log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(log, 1)
    os.dup2(log, 2)
    status = 0
    try:
        sys.argv = [script]
        sys.path[0] = os.path.dirname(os.path.abspath(script))
        with open(script, encoding="utf-8") as f:
            code = compile(f.read(), script, "exec")
        exec(code, {"__name__": "__main__", "__file__": script, "__builtins__": __builtins__})
    except BaseException:  # noqa: BLE001 - the traceback is the report
        traceback.print_exc()
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(status)


def _start(script: str, fresh: bool) -> int | subprocess.Popen[bytes]:
    if fresh:
        with open(script + ".log", "wb") as log:
            return subprocess.Popen(
                [sys.executable, "-W", "error", script], stdout=log, stderr=subprocess.STDOUT
            )
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        _run_in_child(script)
    return pid


def main(out: str, jobs: int, scripts: list[str]) -> None:
    fresh = os.environ.get("NNREF_COPYABLE_FRESH") == "1"
    if not fresh:
        import numpy  # noqa: F401

        import nnref  # noqa: F401  (what every script imports first)
    results: dict[str, dict[str, object]] = {}
    pending = list(scripts)
    running: dict[object, tuple[str, float]] = {}
    while pending or running:
        while pending and len(running) < jobs:
            script = pending.pop(0)
            running[_start(script, fresh)] = (script, time.perf_counter())
        time.sleep(0.01)
        for handle, (script, started) in list(running.items()):
            cpu = None
            if isinstance(handle, int):
                pid, status, usage = os.wait4(handle, os.WNOHANG)
                code = None if pid == 0 else os.waitstatus_to_exitcode(status)
                cpu = usage.ru_utime + usage.ru_stime
            else:
                code = handle.poll()
            elapsed = time.perf_counter() - started
            if code is None and elapsed > TIMEOUT:
                if isinstance(handle, int):
                    os.kill(handle, 9)
                    os.waitpid(handle, 0)
                else:
                    handle.kill()
                    handle.wait()
                code = "timeout"
            if code is None:
                continue
            del running[handle]
            with open(script + ".log", encoding="utf-8", errors="replace") as f:
                log = f.read()
            results[script] = {
                "returncode": code,
                "seconds": round(elapsed, 2),
                "cpu_seconds": None if cpu is None else round(cpu, 2),
                "log": log,
            }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
