"""Benchmark the map in headless Chromium, side by side with a naive app and an empty page.

Measures, in one run on this machine:
- time from navigation to a drawn, clickable map (all four islands' paths present);
- click-to-panel time: from a click on an island to its panel heading (median of several);
- messages the page sends to the server (reruns) while panning and zooming;
- the map's payload: GeoJSON bytes, and bytes the page received over its websocket on load.

Run with `make bench` (or `python bench/bench_map.py --runs 5`). Prints a Markdown table.
Nothing leaves the machine: every request but loopback is blocked and counted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser import driver  # noqa: E402

NAMES = {"iturup": "Iturup / Etorofu", "kunashir": "Kunashir / Kunashiri", "shikotan": "Shikotan", "habomai": "Habomai"}


def write_full_resolution(path: Path) -> int:
    """Write the four islands at GSHHG full resolution, as a naive app would ship them."""
    from shapely.geometry import MultiPolygon, mapping

    from geo import build

    land, _lakes = build.load_land()
    chosen = build.select_islands(land)
    features = []
    for island_id, ids in chosen.items():
        geom = MultiPolygon([land[i] for i in ids])
        features.append({"type": "Feature", "properties": {"id": island_id}, "geometry": mapping(geom)})
    text = json.dumps({"type": "FeatureCollection", "features": features})
    path.write_text(text)
    return len(text.encode())


class Session:
    """One browser page on one app, with its request, rerun and byte logs."""

    def __init__(self, browser, url: str):
        self.context = browser.new_context(viewport={"width": 1400, "height": 950})
        self.page = self.context.new_page()
        self.requests = driver.PassiveRequestLog(self.page)
        self.reruns = driver.RerunLog(self.page)
        self.received = 0
        self.page.on("websocket", self._on_socket)
        self.url = url

    def _on_socket(self, ws):
        def count(payload):
            self.received += len(payload) if isinstance(payload, (bytes, str)) else 0
        ws.on("framereceived", count)

    def close(self):
        self.context.close()


def time_to_first_element(browser, url: str, selector: str) -> float:
    s = Session(browser, url)
    t0 = time.perf_counter()
    s.page.goto(url)
    s.page.wait_for_selector(selector, timeout=30000)
    elapsed = time.perf_counter() - t0
    s.close()
    return elapsed


def time_to_map(browser, url: str) -> tuple[float, Session]:
    s = Session(browser, url)
    t0 = time.perf_counter()
    s.page.goto(url)
    frame = wait_paths(s.page)
    elapsed = time.perf_counter() - t0
    s.frame = frame
    return elapsed, s


def wait_paths(page):
    """Return the map frame once it shows four interactive paths (ours or the naive app's)."""
    return driver.map_frame(page, paths="path.leaflet-interactive")


def click_to_panel(s: Session, points, order, heading_of) -> list[float]:
    times = []
    for island_id in order:
        driver.show_on_map(s.frame, *points[island_id])
        s.page.wait_for_timeout(300)
        x, y = driver.page_xy(s.page, s.frame, *points[island_id])
        want = heading_of(island_id)
        t0 = time.perf_counter()
        s.page.mouse.click(x, y)
        s.page.wait_for_function(
            "(want) => Array.from(document.querySelectorAll('[data-testid=stHeading] h3')).some(h => h.innerText === want)",
            arg=want, polling="raf", timeout=20000,
        )
        times.append(time.perf_counter() - t0)
        s.frame = wait_paths(s.page)
        s.page.wait_for_timeout(400)
    return times


def pan_and_zoom_reruns(s: Session) -> int:
    page = s.page
    # page.wait_for_timeout, not time.sleep: Playwright delivers websocket events only
    # while it is called, so a plain sleep would hide frames from the count.
    page.wait_for_timeout(1000)
    before = s.reruns.count()
    box = s.frame.frame_element().bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx, dy in ((120, 40), (-200, -60), (80, 30)):
        page.mouse.move(cx, cy)
        page.mouse.down()
        page.mouse.move(cx + dx, cy + dy, steps=6)
        page.mouse.up()
        page.wait_for_timeout(500)
    for delta in (-300, 300, -300):
        page.mouse.move(cx, cy)
        page.mouse.wheel(0, delta)
        page.wait_for_timeout(600)
    page.wait_for_timeout(1000)
    return s.reruns.count() - before


def concurrent_readers(browser, url: str, readers: int) -> tuple[int, float]:
    """Open the map in `readers` pages at once; return (maps drawn, slowest time to map)."""
    sessions = [Session(browser, url) for _ in range(readers)]
    t0 = time.perf_counter()
    for s in sessions:
        s.page.goto(url, wait_until="commit")
    drawn, slowest = 0, 0.0
    for s in sessions:
        try:
            wait_paths(s.page)
            drawn += 1
            slowest = max(slowest, time.perf_counter() - t0)
        except TimeoutError:
            pass
        s.close()
    return drawn, slowest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="page loads per app (median reported)")
    ap.add_argument("--clicks", type=int, default=8, help="clicks for the click-to-panel median")
    ap.add_argument("--readers", type=int, default=6, help="pages opened at once for the load check")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="four-islands-bench-"))
    naive_geojson = tmp / "naive_islands.geojson"
    naive_bytes = write_full_resolution(naive_geojson)
    data = REPO / "geo" / "data"
    ours_bytes = (data / "islands.geojson").stat().st_size + (data / "context.geojson").stat().st_size

    servers = {
        "empty": driver.Server(script="bench/empty_app.py").start(),
        "naive": driver.Server(script="bench/naive_app.py", env={"NAIVE_GEOJSON": str(naive_geojson)}).start(),
        "ours": driver.Server(script="app.py").start(),
    }
    points = driver.island_points()
    results: dict[str, dict] = {}
    external: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = driver.launch(pw)
            # Warm each server once (first script run imports modules, fills caches).
            for name, srv in servers.items():
                s = Session(browser, srv.url)
                s.page.goto(srv.url)
                s.page.wait_for_timeout(3000)
                s.close()
            empty = [time_to_first_element(browser, servers["empty"].url, "[data-testid=stHeading] h1")
                     for _ in range(args.runs)]
            results["empty"] = {"first_paint": statistics.median(empty)}
            for name in ("naive", "ours"):
                loads, received = [], []
                for _ in range(args.runs):
                    t, s = time_to_map(browser, servers[name].url)
                    loads.append(t)
                    s.page.wait_for_timeout(1500)
                    received.append(s.received)
                    external += s.requests.external
                    s.close()
                t, s = time_to_map(browser, servers[name].url)
                order = (["kunashir", "shikotan", "habomai", "iturup"] * 4)[: args.clicks]
                heading = (lambda i: NAMES[i]) if name == "ours" else (lambda i: i)
                clicks = click_to_panel(s, points, order, heading)
                reruns = pan_and_zoom_reruns(s)
                external += s.requests.external
                s.close()
                drawn, slowest = concurrent_readers(browser, servers[name].url, args.readers)
                results[name] = {
                    "readers": f"{drawn}/{args.readers} drawn, slowest {slowest:.2f} s",
                    "time_to_map": statistics.median(loads),
                    "click_to_panel": statistics.median(clicks),
                    "click_to_panel_all": clicks,
                    "pan_zoom_reruns": reruns,
                    "ws_received": statistics.median(received),
                }
            browser.close()
    finally:
        for srv in servers.values():
            srv.stop()

    empty_fp = results["empty"]["first_paint"]
    ours, naive = results["ours"], results["naive"]
    rows = [
        ("Time to drawn map (median of %d loads)" % args.runs,
         f"{naive['time_to_map']:.2f} s", f"{ours['time_to_map']:.2f} s"),
        ("… as a multiple of an empty page's first paint (%.2f s)" % empty_fp,
         f"{naive['time_to_map'] / empty_fp:.2f}×", f"{ours['time_to_map'] / empty_fp:.2f}×"),
        ("Click to panel (median of %d clicks)" % args.clicks,
         f"{naive['click_to_panel'] * 1000:.0f} ms", f"{ours['click_to_panel'] * 1000:.0f} ms"),
        ("Reruns on 3 pans + 3 zooms", str(naive["pan_zoom_reruns"]), str(ours["pan_zoom_reruns"])),
        ("Map GeoJSON bytes (islands + context)", f"{naive_bytes:,}", f"{ours_bytes:,}"),
        ("Bytes received on the websocket per load", f"{naive['ws_received']:,.0f}", f"{ours['ws_received']:,.0f}"),
        (f"{args.readers} readers opening the map at once", naive["readers"], ours["readers"]),
        ("Requests leaving the machine", "", str(len(external))),
    ]
    print("| measure | naive app | Four Islands |")
    print("|---|---|---|")
    for row in rows:
        print(f"| {' | '.join(row)} |")
    print()
    print("click-to-panel, each click (ms): ours",
          [round(t * 1000) for t in ours["click_to_panel_all"]],
          "naive", [round(t * 1000) for t in naive["click_to_panel_all"]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
