"""Load benchmark: N readers open the app at once over Streamlit's websocket (no browser).

Each reader is one Streamlit session driven the way a browser tab drives it
(bench/loadclient/: BackMsg.rerun_script out, ForwardMsg deltas in until
script_finished): a first view from a link (`?island=kunashir`, `?year=1956`,
`?perspective=japan` or none), then 2–3 reruns a reader makes: a click on an
island (the map component's value, as streamlit-folium's frontend sends it) and
a key-year button. N readers start evenly over the ramp; one event loop drives
them all. Static files and the map frame's scripts are not fetched (browsers
cache them); only the websocket traffic is.

Prints a Markdown table per number of readers: first-view and rerun latency
(request sent → script_finished), errors (exceptions, disconnects, timeouts,
an exception element in the deltas), server CPU per run and RSS per idle
session and after every reader has left; then the CPU of each kind of run
measured with one reader alone.

    python bench/load.py --start --readers 1 10 30          # start one app process
    python bench/load.py --url http://127.0.0.1:8501 --pid 1234 --readers 30
    python bench/load.py --url http://127.0.0.1:8080 --pid 11 --pid 12   # k workers behind nginx

Loopback targets only. Run with `make load`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.loadclient.protocol import is_loopback  # noqa: E402
from bench.loadclient.reader import (  # noqa: E402
    CLICK,
    FIRST_VIEW,
    KINDS,
    LINKS,
    YEAR,
    Plan,
    Reader,
    Run,
    plan_for,
)
from bench.loadclient.stats import Server, Spread, mb  # noqa: E402

RERUNS = (CLICK, YEAR)


@dataclass
class Round:
    """The outcome of N readers at once: every run, and the server's CPU and memory around them."""

    readers: int
    runs: list[Run]
    wall: float = 0.0
    server_cpu: float | None = None
    rss_before: int | None = None
    rss_idle: int | None = None
    rss_after: int | None = None
    client_cpu: float = 0.0
    load_before: tuple[float, float, float] = field(default_factory=lambda: os.getloadavg())

    def latencies(self, kinds) -> list[float]:
        """Return the latencies of the completed runs of some kinds."""
        return [r.latency for r in self.runs if r.kind in kinds and r.latency is not None]

    @property
    def errors(self) -> list[Run]:
        """Return the runs that failed."""
        return [r for r in self.runs if r.error]

    @property
    def completed(self) -> int:
        """Return how many runs reached script_finished."""
        return sum(r.latency is not None for r in self.runs)

    def cpu_ms_per_run(self) -> float | None:
        """Return the server's CPU milliseconds per completed run (all of it, GC and I/O included)."""
        if self.server_cpu is None or not self.completed:
            return None
        return 1000 * self.server_cpu / self.completed


async def settle_cpu(server: Server, quiet: float = 0.15, poll: float = 0.03, limit: float = 5.0) -> float:
    """Wait until the server's CPU time stops growing (its post-run work is done); return it."""
    last, still, deadline = server.cpu(), 0.0, time.monotonic() + limit
    while still < quiet and time.monotonic() < deadline:
        await asyncio.sleep(poll)
        now = server.cpu()
        still = still + poll if now == last else 0.0
        last = now
    return last


async def run_round(url: str, readers: int, *, ramp: float, think: float, timeout: float,
                    server: Server, settle: float = 5.0, seed: int = 0) -> Round:
    """Start `readers` sessions evenly over `ramp` seconds, let each finish its plan, then disconnect all."""
    loop = asyncio.get_running_loop()
    result = Round(readers, [])
    if server:
        await settle_cpu(server)
        result.rss_before, cpu0 = server.rss(), server.cpu()
    client0 = _client_cpu()
    release = asyncio.Event()
    sessions = [Reader(i, url, plan_for(i, think, seed), timeout=timeout) for i in range(readers)]
    start = loop.time() + 0.05
    tasks = [asyncio.create_task(r.session(start + i * ramp / readers, release)) for i, r in enumerate(sessions)]
    bound = ramp + 4 * (timeout + 2 * think) + 30
    try:
        await asyncio.wait_for(asyncio.gather(*(r.done.wait() for r in sessions)), bound)
    except TimeoutError:
        for task in tasks:
            task.cancel()
    result.wall = loop.time() - start
    if server:
        result.server_cpu = await settle_cpu(server) - cpu0
        result.rss_idle = server.rss()
    release.set()
    for runs in await asyncio.gather(*tasks, return_exceptions=True):
        if isinstance(runs, BaseException):
            result.runs.append(Run("idle", -1, error=f"reader task: {type(runs).__name__} {runs}"))
    for reader in sessions:
        for run in reader.runs:
            if run.latency is None and not run.error:
                run.error = f"{run.kind}: unfinished when the round's time ran out"
        result.runs.extend(reader.runs)
    result.client_cpu = _client_cpu() - client0
    if server:
        await asyncio.sleep(settle)
        result.rss_after = server.rss()
    return result


async def probe_cpu(url: str, server: Server, count: int, timeout: float) -> list[Run]:
    """Measure the server CPU of each kind of run with one reader alone, `count` readers in turn."""
    loop = asyncio.get_running_loop()
    runs: list[Run] = []
    for i in range(count):
        plan = Plan(link=LINKS[i % len(LINKS)], steps=[CLICK, YEAR], think=0.0)
        reader = Reader(i, url, plan, timeout=timeout, cpu_probe=lambda: settle_cpu(server))
        runs.extend(await reader.session(loop.time()))
    return runs


def _client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def table(rounds: list[Round]) -> str:
    """Return the summary table: one row per number of readers."""
    lines = [
        "| readers | first view p50 / p95 / max | reruns p50 / p95 / max | errors | CPU ms/run "
        "| RSS MB/session idle | RSS after disconnect |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rounds:
        cpu = r.cpu_ms_per_run()
        per_session = after = "n/a"
        if r.rss_idle is not None:
            per_session = mb((r.rss_idle - r.rss_before) / r.readers)
            after = f"{mb(r.rss_after)} MB ({'+' if r.rss_after >= r.rss_before else '−'}" \
                    f"{mb(abs(r.rss_after - r.rss_before))} over start)"
        lines.append(
            f"| {r.readers} | {Spread.of(r.latencies({FIRST_VIEW})).seconds()} "
            f"| {Spread.of(r.latencies(RERUNS)).seconds()} | {len(r.errors)} "
            f"| {'n/a' if cpu is None else f'{cpu:.0f}'} | {per_session} | {after} |"
        )
    return "\n".join(lines)


def kind_table(rounds: list[Round]) -> str:
    """Return latency per kind of run (first view, click, year) for each number of readers."""
    lines = ["| readers | run | count | p50 / p95 / max | errors |", "| --- | --- | --- | --- | --- |"]
    for r in rounds:
        for kind in KINDS:
            spread = Spread.of(r.latencies({kind}))
            errors = sum(1 for x in r.errors if x.kind == kind)
            lines.append(f"| {r.readers} | {kind} | {spread.count} | {spread.seconds()} | {errors} |")
    return "\n".join(lines)


def probe_summary(runs: list[Run]) -> str:
    """Return the median server CPU of each kind of run, one reader alone."""
    parts = []
    for kind in KINDS:
        cpu = [r.cpu for r in runs if r.kind == kind and r.cpu is not None and not r.error]
        if cpu:
            parts.append(f"{kind} {1000 * statistics.median(cpu):.0f} ms (n={len(cpu)}, "
                         f"range {1000 * min(cpu):.0f}–{1000 * max(cpu):.0f})")
    return "Server CPU per run, one reader alone (median; /proc clock ticks of 10 ms): " + "; ".join(parts)


def error_summary(runs: list[Run], limit: int = 10) -> list[str]:
    """Return the distinct errors of some runs with their counts (at most `limit` lines)."""
    counts = Counter(run.error for run in runs if run.error)
    return [f"- {n} × {message}" for message, n in counts.most_common(limit)]


def check_summary(rounds: list[Round]) -> list[Run]:
    """Return the runs whose debug check failed (the server did not show what was asked)."""
    return [run for r in rounds for run in r.runs if run.checked_ok is False]


def start_server(app_dir: Path, options: list[str]):
    """Start one app process as `make run` does, with the file watcher off; return it."""
    from streamlit.string_util import to_snake_case

    from tests.browser.driver import Server as AppServer

    env = {}
    for option in options:
        key, _, value = option.partition("=")
        env[f"STREAMLIT_{to_snake_case(key.replace('.', '_')).upper()}"] = value
    return AppServer(cwd=app_dir, env=env).start()


async def main_async(args) -> int:
    """Run the warm-up, the CPU probe and one round per number of readers; print the tables."""
    app = None
    url, pids = args.url, list(args.pid)
    if args.start:
        app = start_server(Path(args.app_dir).resolve(), args.server_option)
        url, pids = app.url, [app.proc.pid]
    server = Server(pids)
    try:
        if not args.no_warmup:
            warm = await Reader(0, url, plan_for(0, 0.0), timeout=args.timeout).session(0.0)
            for run in warm:
                if run.error:
                    print(f"warm-up error: {run.error}", file=sys.stderr)
        probe = await probe_cpu(url, server, args.probe, args.timeout) if server and args.probe else []
        rounds = []
        for n in args.readers:
            print(f"… {n} readers (load average {os.getloadavg()[0]:.2f})", file=sys.stderr, flush=True)
            rounds.append(await run_round(url, n, ramp=args.ramp, think=args.think, timeout=args.timeout,
                                          server=server, settle=args.settle, seed=args.seed))
    finally:
        if app is not None:
            app.stop()

    target = f"one process started here (PID {pids[0]})" if app else (
        f"{url}, PIDs {', '.join(map(str, pids))}" if pids else f"{url} (no PID: no CPU or RSS)")
    print(f"Load: {target}; ramp {args.ramp:g} s, think {args.think:g} s (±50 %), "
          f"run timeout {args.timeout:g} s; {os.cpu_count()} cores; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print(table(rounds))
    print(f"\nRSS per idle session: (RSS with every reader connected and idle − RSS before) / N. RSS after "
          f"disconnect: read {args.settle:g} s after the last reader left; Streamlit keeps a disconnected "
          f"session for server.disconnectedSessionTTL (120 s by default) so that its tab can reconnect.\n")
    print(kind_table(rounds))
    print()
    if probe:
        print(probe_summary(probe))
    for r in rounds:
        connects = Spread.of(x.connect for x in r.runs if x.connect is not None).seconds()
        busy = f"server busy {100 * r.server_cpu / r.wall:.0f} % of one core; " if r.server_cpu and r.wall else ""
        print(f"- {r.readers} readers: {r.completed} runs in {r.wall:.1f} s; {busy}websocket open {connects}; "
              f"client CPU {r.client_cpu:.1f} s; load average before {r.load_before[0]:.2f}")
    errors = error_summary([run for r in rounds for run in r.runs])
    if errors:
        print("\nErrors:\n" + "\n".join(errors))
    probe_errors = error_summary(probe)
    if probe_errors:
        print("\nErrors in the CPU probe (its medians leave these runs out):\n" + "\n".join(probe_errors))
    failed_checks = check_summary(rounds)
    if args.verify:
        print("\nChecks (did the server show what the reader asked for?):")
        for r in rounds:
            for run in r.runs:
                print(f"- N={r.readers} reader {run.reader} {run.kind}: "
                      f"{'ok' if run.checked_ok else 'FAILED' if run.checked_ok is False else '–'} {run.check or run.error}")
    elif failed_checks:
        shown = Counter(f"{run.kind}: {run.check}" for run in failed_checks)
        print(f"\n{len(failed_checks)} runs did not show what was asked (--verify lists every run):\n"
              + "\n".join(f"- {n} × {text}" for text, n in shown.most_common(5)))
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"url": url, "pids": pids, "probe": [asdict(r) for r in probe],
             "rounds": [{**asdict(r), "runs": [asdict(x) for x in r.runs]} for r in rounds]}, indent=1))
    return 1 if errors or probe_errors or (args.verify and failed_checks) else 0


def parse_args(argv=None):
    """Parse the command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--readers", type=int, nargs="+", default=[1, 10, 30], help="readers at once, one round each")
    p.add_argument("--ramp", type=float, default=5.0, help="seconds over which a round's readers start")
    p.add_argument("--think", type=float, default=1.0, help="mean seconds a reader waits between actions")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds before a run counts as timed out")
    p.add_argument("--settle", type=float, default=5.0, help="seconds after disconnect before RSS is read")
    p.add_argument("--probe", type=int, default=5, help="readers in turn for the CPU-per-run probe (0: none)")
    p.add_argument("--url", default="http://127.0.0.1:8501", help="the app (or an nginx front), loopback only")
    p.add_argument("--pid", type=int, action="append", default=[],
                   help="server process to read CPU and RSS from (repeat for several workers)")
    p.add_argument("--start", action="store_true", help="start one app process here (ignores --url/--pid)")
    p.add_argument("--app-dir", default=str(REPO), help="with --start: the app's directory")
    p.add_argument("--server-option", action="append", default=[], metavar="KEY=VALUE",
                   help="with --start: a Streamlit config option, e.g. runner.postScriptGC=false")
    p.add_argument("--no-warmup", action="store_true", help="skip the one-reader warm-up before the rounds")
    p.add_argument("--verify", action="store_true", help="list every run's check; exit 1 if one failed")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", help="also write every run to this JSON file")
    args = p.parse_args(argv)
    if not args.start and not is_loopback(args.url):
        p.error("--url must point at this machine (127.0.0.1, localhost or ::1)")
    if min(args.readers) < 1 or args.timeout <= 0 or args.ramp < 0:
        p.error("readers must be ≥ 1, timeout > 0, ramp ≥ 0")
    return args


def main(argv=None) -> int:
    """Run the benchmark from the command line."""
    return asyncio.run(main_async(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
