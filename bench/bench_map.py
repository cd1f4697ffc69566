"""Benchmark the map in headless Chromium, side by side with a naive app and an empty page.

Measures, in one run on this machine:
- the load waterfall, with the browser's own clocks (marks from observers installed in
  the page and in the component frame, Resource Timing entries), for interleaved loads
  of the empty page, the naive app and Four Islands: heading painted, component iframe
  inserted (the map's delta), index.html and main.js loaded, component ready, render
  message, Leaflet evaluated, paths drawn;
- click-to-panel time: from a click on an island to its panel heading (median of several),
  and the bytes received on the websocket for that rerun;
- messages the page sends to the server (reruns) while panning and zooming;
- the map's payload: GeoJSON bytes, and bytes the page received over its websocket on load.

Run with `make bench` (or `python bench/bench_map.py --runs 7`). Prints Markdown tables.
Nothing leaves the machine: every request but loopback is counted (and would fail offline).
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


# Installed in every frame before its scripts run. Marks are kept on the top window, in the
# top page's timeline (ms since its navigation started), first occurrence only.
WATERFALL_JS = r"""
(() => {
  let top;
  try { top = window.top; top.performance; } catch (e) { return; }
  const now = () => performance.timeOrigin + performance.now() - top.performance.timeOrigin;
  const marks = top.__fiMarks = top.__fiMarks || {};
  const mark = (name, t) => { if (!(name in marks)) marks[name] = t === undefined ? now() : t; };
  const painted = (name) => { mark(name); requestAnimationFrame(() => setTimeout(() => mark(name + '_paint'), 0)); };
  const watch = (check) => {
    const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
    obs.observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['title']});
  };
  if (window === top) {
    watch(() => {
      if (!('heading' in marks) && document.querySelector('[data-testid=stHeading] h1')) painted('heading');
      if (!('iframe' in marks) && document.querySelector('iframe[title^="streamlit_folium"]')) mark('iframe');
      return 'heading' in marks && 'iframe' in marks;
    });
    window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'streamlit:componentReady') mark('ready');
    });
  } else if (!window.__fiWatched) {
    // A component frame. Its initial about:blank document hands this same window on to
    // index.html (same origin), so everything here hangs on the window, not the document.
    window.__fiWatched = true;
    window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'streamlit:render') mark('render');
    }, true);
    Object.defineProperty(window, 'L', {configurable: true, enumerable: true, get: () => undefined,
      set: (v) => {
        mark('leaflet');
        Object.defineProperty(window, 'L', {value: v, writable: true, configurable: true, enumerable: true});
        // Animation frames belong to the document: poll from the one that loaded Leaflet.
        const poll = () => {
          if (document.querySelectorAll('path.leaflet-interactive').length >= 4) painted('paths');
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }});
    // streamlit-folium sets window.map at the end of the map script.
    Object.defineProperty(window, 'map', {configurable: true, enumerable: true, get: () => undefined,
      set: (v) => {
        mark('map_script');
        Object.defineProperty(window, 'map', {value: v, writable: true, configurable: true, enumerable: true});
      }});
  }
})();
"""

# Resource Timing in the component frame, converted to the top page's timeline.
FRAME_RESOURCES_JS = r"""
() => {
  const shift = performance.timeOrigin - window.top.performance.timeOrigin;
  const nav = performance.getEntriesByType('navigation')[0];
  const out = {index_html: nav ? nav.responseEnd + shift : null, index_html_start: nav ? nav.startTime + shift : null};
  for (const e of performance.getEntriesByType('resource')) {
    const key = /static\/js\/main\./.test(e.name) ? 'main_js' : /leaflet[^/]*\.js/.test(e.name) ? 'leaflet_js' : null;
    if (key && !(key in out)) { out[key + '_start'] = e.startTime + shift; out[key] = e.responseEnd + shift; }
  }
  return out;
}
"""

# Scripts the top page fetched before the component iframe appeared (the chunks competing with it).
TOP_SCRIPTS_JS = r"""
(t) => performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script' || /\.js(\?|$)/.test(e.name))
  .filter(e => e.startTime < t).length
"""

# Waterfall rows: (mark, label), in the order the chain runs.
CHAIN = [
    ("heading_paint", "heading painted"),
    ("iframe", "map delta: component iframe inserted"),
    ("index_html", "component index.html loaded"),
    ("main_js", "component main.js loaded"),
    ("ready", "component ready (message to the page)"),
    ("render", "render message in the frame"),
    ("leaflet_js", "leaflet.js received (none when it comes with the map)"),
    ("leaflet", "Leaflet evaluated"),
    ("map_script", "map script run (window.map set)"),
    ("paths_paint", "paths drawn (painted)"),
]


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


def load_marks(browser, url: str, with_map: bool) -> tuple[dict[str, float], Session]:
    """Load the page once in a fresh context; return its waterfall marks (ms) and the session."""
    s = Session(browser, url)
    s.context.add_init_script(WATERFALL_JS)
    s.page.goto(url, wait_until="commit")
    want = "paths_paint" if with_map else "heading_paint"
    s.page.wait_for_function(f"() => window.__fiMarks && '{want}' in window.__fiMarks", polling=20, timeout=60000)
    marks = dict(s.page.evaluate("() => window.__fiMarks"))
    if with_map:
        s.frame = wait_paths(s.page)
        marks.update({k: v for k, v in s.frame.evaluate(FRAME_RESOURCES_JS).items() if v is not None})
        marks["scripts_before_iframe"] = s.page.evaluate(TOP_SCRIPTS_JS, marks["iframe"])
    return marks, s


def wait_paths(page):
    """Return the map frame once it shows four interactive paths (ours or the naive app's)."""
    return driver.map_frame(page, paths="path.leaflet-interactive")


try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the bench needs Playwright; importing this module for its JS does not
    PlaywrightTimeout = TimeoutError


def click_to_panel(s: Session, points, order, heading_of) -> tuple[list[float], list[int]]:
    """Click each island in `order`; return the times to its panel and the websocket bytes of each rerun."""
    times, sizes = [], []
    for island_id in order:
        driver.show_on_map(s.frame, *points[island_id])
        s.page.wait_for_timeout(300)
        x, y = driver.page_xy(s.page, s.frame, *points[island_id])
        want = heading_of(island_id)
        received = s.received
        t0 = time.perf_counter()
        s.page.mouse.click(x, y)
        try:
            s.page.wait_for_function(
                "(want) => Array.from(document.querySelectorAll('[data-testid=stHeading] h3')).some(h => h.innerText === want)",
                arg=want, polling="raf", timeout=20000,
            )
        except PlaywrightTimeout:  # counted, not fatal: a busy machine can lose a click
            print(f"click on {island_id}: no panel within 20 s", file=sys.stderr)
            continue
        times.append(time.perf_counter() - t0)
        s.frame = wait_paths(s.page)
        s.page.wait_for_timeout(400)
        sizes.append(s.received - received)
    return times, sizes


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


def spread(values: list[float]) -> str:
    """Return 'median (min–max)' in whole ms."""
    return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"


def waterfall_table(marks: dict[str, list[dict[str, float]]], apps: list[str]) -> list[str]:
    """Return the Markdown waterfall: median ms after navigation per mark, min–max in brackets."""
    lines = ["| ms after navigation, median (min–max) | " + " | ".join(APP_TITLES[a] for a in apps) + " |",
             "|---" * (len(apps) + 1) + "|"]
    for key, label in CHAIN:
        cells = []
        for app in apps:
            values = [m[key] for m in marks[app] if key in m]
            cells.append(spread(values) if len(values) == len(marks[app]) and values else "")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


APP_TITLES = {"empty": "empty page", "naive": "naive app", "floor": "title + smallest map", "ours": "Four Islands"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="interleaved page loads per app (medians reported)")
    ap.add_argument("--clicks", type=int, default=8, help="clicks for the click-to-panel median (0: skip)")
    ap.add_argument("--readers", type=int, default=6, help="pages opened at once for the load check (0: skip)")
    ap.add_argument("--no-floor", dest="floor", action="store_false",
                    help="leave out the title + smallest-map page (the floor of a streamlit-folium map)")
    ap.add_argument("--json", type=Path, help="also write every load's marks to this file")
    ap.add_argument("--variant", type=Path, action="append", default=[],
                    help="also load Four Islands from this copy of the tree (A/B in the same rotation)")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="four-islands-bench-"))
    naive_geojson = tmp / "naive_islands.geojson"
    naive_bytes = write_full_resolution(naive_geojson)
    data = REPO / "geo" / "data"
    ours_bytes = (data / "islands.geojson").stat().st_size + (data / "context.geojson").stat().st_size

    specs = {
        "empty": driver.Server(script="bench/empty_app.py"),
        "naive": driver.Server(script="bench/naive_app.py", env={"NAIVE_GEOJSON": str(naive_geojson)}),
        "ours": driver.Server(script="app.py"),
    }
    if args.floor:
        specs["floor"] = driver.Server(script="bench/floor_app.py")
    for tree in args.variant:
        specs[f"ours@{tree.name}"] = driver.Server(script="app.py", cwd=tree.resolve())
        APP_TITLES[f"ours@{tree.name}"] = f"Four Islands ({tree.name})"
    servers = {}
    apps = [a for a in ("empty", "naive", "floor", "ours") if a in specs] + [a for a in specs if "@" in a]
    points = driver.island_points()
    results: dict[str, dict] = {a: {} for a in apps}
    marks: dict[str, list[dict[str, float]]] = {a: [] for a in apps}
    received: dict[str, list[int]] = {a: [] for a in apps}
    external: list[str] = []
    try:
        for name, spec in specs.items():
            servers[name] = spec.start()
        with sync_playwright() as pw:
            browser = driver.launch(pw)
            # Warm each server once (first script run imports modules, fills caches).
            for name, srv in servers.items():
                s = Session(browser, srv.url)
                s.page.goto(srv.url)
                s.page.wait_for_timeout(3000)
                s.close()
            # Interleaved: one load of each app per round, the order rotating each round.
            for r in range(args.runs):
                for name in apps[r % len(apps):] + apps[: r % len(apps)]:
                    m, s = load_marks(browser, servers[name].url, with_map=name != "empty")
                    marks[name].append(m)
                    if name != "empty":
                        s.page.wait_for_timeout(1500)
                        received[name].append(s.received)
                    external += s.requests.external
                    s.close()
            heading = statistics.median(m["heading_paint"] for m in marks["empty"])
            print(f"Waterfall, {args.runs} interleaved loads per app (fresh browser context each):\n")
            print("\n".join(waterfall_table(marks, apps)), flush=True)
            if args.json:
                args.json.write_text(json.dumps(marks, indent=1))
            for name in ["naive", "ours"] + [a for a in apps if "@" in a]:
                res = results[name]
                res["ws_received"] = statistics.median(received[name])
                if args.clicks:
                    _, s = load_marks(browser, servers[name].url, with_map=True)
                    order = (["kunashir", "shikotan", "habomai", "iturup"] * 4)[: args.clicks]
                    heading_of = (lambda i: NAMES[i]) if name.startswith("ours") else (lambda i: i)
                    res["clicks"], res["click_bytes"] = click_to_panel(s, points, order, heading_of)
                    res["pan_zoom_reruns"] = pan_and_zoom_reruns(s)
                    external += s.requests.external
                    s.close()
                if args.readers and "@" not in name:
                    drawn, slowest = concurrent_readers(browser, servers[name].url, args.readers)
                    res["readers"] = f"{drawn}/{args.readers} drawn, slowest {slowest:.2f} s"
            browser.close()
    finally:
        for srv in servers.values():
            srv.stop()

    print()
    for name in apps[1:]:
        drawn = statistics.median(m["paths_paint"] for m in marks[name])
        extra = ""
        if results.get(name, {}).get("clicks"):
            r = results[name]
            extra = (f"; click to panel {statistics.median(r['clicks']) * 1000:.0f} ms, "
                     f"{statistics.median(r['click_bytes']):,.0f} websocket bytes per click rerun")
        print(f"- {APP_TITLES[name]}: map drawn / empty page heading = {drawn:.0f} / {heading:.0f} ms = "
              f"{drawn / heading:.2f}×; scripts the page fetched before the iframe: "
              f"{statistics.median(m['scripts_before_iframe'] for m in marks[name]):.0f}; websocket bytes "
              f"per load {statistics.median(received[name]):,.0f}{extra}")
    print()
    ours, naive = results["ours"], results["naive"]

    def both(key, fmt):
        return tuple(fmt(r[key]) if r.get(key) not in (None, []) else "not run" for r in (naive, ours))

    def drawn_ratio(name):
        drawn = statistics.median(m["paths_paint"] for m in marks[name])
        return f"{drawn / 1000:.2f} s ({drawn / heading:.2f}×)"

    rows = [
        ("Time to drawn map, median of %d interleaved loads (× empty page heading, %.2f s)" % (args.runs, heading / 1000),
         drawn_ratio("naive"), drawn_ratio("ours")),
        ("Click to panel (median of %d clicks)" % args.clicks,
         *both("clicks", lambda v: f"{statistics.median(v) * 1000:.0f} ms")),
        ("Websocket bytes per click rerun (median)", *both("click_bytes", lambda v: f"{statistics.median(v):,.0f}")),
        ("Reruns on 3 pans + 3 zooms", *both("pan_zoom_reruns", str)),
        ("Map GeoJSON bytes (islands + context)", f"{naive_bytes:,}", f"{ours_bytes:,}"),
        ("Bytes received on the websocket per load", *both("ws_received", lambda v: f"{v:,.0f}")),
        (f"{args.readers} readers opening the map at once", *both("readers", str)),
        ("Requests leaving the machine (all loads)", "", str(len(external))),
    ]
    print("| measure | naive app | Four Islands |")
    print("|---|---|---|")
    for row in rows:
        print(f"| {' | '.join(row)} |")
    print()
    for name in ("naive", "ours"):
        if results[name].get("clicks"):
            print(f"click-to-panel, each click (ms), {APP_TITLES[name]}:", [round(t * 1000) for t in results[name]["clicks"]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
