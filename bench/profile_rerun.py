"""Profile what one map rerun costs the server, in one process, with cProfile.

The recipe behind the per-run CPU figures: run the app's script through
Streamlit's AppTest (the same script runner a browser session uses, minus the
websocket), warm the caches with one run, then profile N reruns that change the
selection the way readers do (an island, a year, a perspective).

    python bench/profile_rerun.py [--runs 30] [--top 25] [--sort cumulative|tottime]

Prints CPU ms per rerun (median) and the top functions. For a live server under
load, py-spy gives the same picture: `py-spy record -o profile.svg --pid PID`
while `make load` runs (py-spy is on PyPI; it needs ptrace, i.e. root here).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from streamlit.runtime.scriptrunner import script_runner  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

PROFILER = cProfile.Profile()
PROFILING = True
SCRIPT_CPU: list[float] = []
_exec = script_runner.exec_func_with_error_handling


def _profiled_exec(func, ctx):
    """Run the page script under the profiler, on the script thread, and time its CPU."""
    t0 = time.thread_time()
    if PROFILING:
        PROFILER.enable()
    try:
        return _exec(func, ctx)
    finally:
        PROFILER.disable()
        SCRIPT_CPU.append((time.thread_time() - t0) * 1000)


script_runner.exec_func_with_error_handling = _profiled_exec

STEPS = [("island", "kunashir"), ("year", "1956"), ("island", "habomai"), ("perspective", "japan"),
         ("island", "iturup"), ("year", "2022"), ("perspective", "neutral"), ("island", "shikotan")]


def step(at: AppTest, kind: str, value: str) -> None:
    """Change one control the way a reader would, and rerun."""
    if kind == "island":
        at.selectbox(key="island_picker").set_value(value)
    elif kind == "year":
        at.slider(key="year_slider").set_value(int(value))
    else:
        at.radio(key="perspective_picker").set_value(value)
    at.run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    parser.add_argument("--no-profile", action="store_true", help="time the runs only (no profiler overhead)")
    args = parser.parse_args(argv)
    global PROFILING
    PROFILING = not args.no_profile

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()  # warm: load content and geometry, render the base map once
    for kind, value in STEPS[:3]:
        step(at, kind, value)
    PROFILER.clear()
    SCRIPT_CPU.clear()
    for i in range(args.runs):
        kind, value = STEPS[i % len(STEPS)]
        step(at, kind, value)
        if at.exception:
            print("exception:", [e.value for e in at.exception], file=sys.stderr)
            return 1
    cpu = SCRIPT_CPU
    print(f"script-thread CPU per rerun: median {statistics.median(cpu):.1f} ms, "
          f"max {max(cpu):.1f} ms over {len(cpu)} reruns"
          + (" (profiler on: figures inflated)" if PROFILING else ""))
    if not PROFILING:
        return 0
    out = io.StringIO()
    pstats.Stats(PROFILER, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
