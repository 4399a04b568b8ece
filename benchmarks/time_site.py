"""Time the two slow things of working on nnref: the strict site build and the whole test run.

    python benchmarks/time_site.py                  # both, once each
    python benchmarks/time_site.py --build --runs 3 # only the build, best of three
    python benchmarks/time_site.py --tests          # only the README's test command
    python benchmarks/time_site.py --root ../old --label before --test-command "python -m pytest"

Each command runs as a child process in the checkout ``--root`` (default: this repository)
with this Python; the script records its wall time and the CPU time of all its processes (user
+ system), the machine (cores, CPU model, load before the run) and stores them under
``--label`` in ``benchmarks/results/site_timings.json`` (or ``--out``), next to the records of
other labels. Wall time is what a person waits for; CPU time says how much work there was, and
moves less when other programs share the machine. Nothing here asserts: the numbers are for
the README and for comparing before and after a change.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "site_timings.json"
BUILD = [sys.executable, "-m", "mkdocs", "build", "--strict"]
TESTS = "python -m pytest -n auto -q -p no:cacheprovider"  # the README's, quieter


def machine() -> dict[str, object]:
    """Cores, CPU model and Python: what the numbers depend on."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cores": os.cpu_count(),
        "cpu": model or platform.processor(),
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
    }


def timed(command: list[str], env: dict[str, str], root: Path) -> dict[str, object]:
    """Run ``command``; its wall and CPU seconds, exit code and the load before it started."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        print((result.stdout + result.stderr)[-3000:], file=sys.stderr)
    return {
        "command": " ".join(Path(c).name if c == sys.executable else c for c in command),
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "returncode": result.returncode,
        "load_before": None if load is None else round(load, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="time the strict build")
    parser.add_argument("--tests", action="store_true", help="time the test command")
    parser.add_argument("--runs", type=int, default=1, help="runs of each; the best is kept")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to time")
    parser.add_argument("--label", default="current", help="name of this record in the file")
    parser.add_argument("--test-command", default=TESTS, help="how to run the tests")
    parser.add_argument("--note", default="", help="a word about the machine or the change")
    args = parser.parse_args()
    both = not (args.build or args.tests)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    record: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "note": args.note,
    }
    tests = [
        sys.executable if word == "python" else word for word in shlex.split(args.test_command)
    ]
    failed = False
    if args.build or both:
        runs = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as out:
                runs.append(timed([*BUILD, "-d", out], env, args.root))
        record["strict_build"] = min(runs, key=lambda r: float(r["wall_s"]))  # type: ignore[arg-type]
        record["strict_build_runs"] = runs
        failed |= any(r["returncode"] for r in runs)
    if args.tests or both:
        runs = [timed(tests, env, args.root) for _ in range(args.runs)]
        record["test_run"] = min(runs, key=lambda r: float(r["wall_s"]))  # type: ignore[arg-type]
        record["test_run_runs"] = runs
        failed |= any(r["returncode"] for r in runs)
    results = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    results[args.label] = {**results.get(args.label, {}), **record}  # keep what was not rerun
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for key in ("strict_build", "test_run"):
        if key in record:
            r = record[key]
            print(
                f"{key}: {r['wall_s']} s wall, {r['cpu_s']} s CPU (load before {r['load_before']})"
            )  # type: ignore[index]
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
