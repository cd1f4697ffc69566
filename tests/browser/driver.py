"""Drive the app in Debian's Chromium: start a server, find the map, click islands.

Shared by the browser tests and by bench/bench_map.py.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
MAP_FRAME = "streamlit_folium"


def free_port() -> int:
    """Return a TCP port on loopback that is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A Streamlit server on loopback, started for a test session or a benchmark."""

    script: str = "app.py"
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = REPO
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> "Server":
        """Start the server and wait until it answers its health check."""
        cmd = [
            sys.executable, "-m", "streamlit", "run", self.script,
            "--server.port", str(self.port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]
        env = {**os.environ, **self.env}
        self.proc = subprocess.Popen(
            cmd, cwd=self.cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{self.proc.stdout.read()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("streamlit did not become healthy in time")

    def stop(self) -> str:
        """Stop the server; return what it printed."""
        if not self.proc:
            return ""
        self.proc.terminate()
        try:
            out, _ = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        self.proc = None
        return out or ""


def launch(playwright):
    """Launch Debian's Chromium headless through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


class RequestLog:
    """Record every request a page makes and block any that leaves the machine."""

    def __init__(self, page):
        self.local: list[str] = []
        self.external: list[str] = []
        page.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:", "file:")) or host in ("127.0.0.1", "localhost", "::1"):
            self.local.append(url)
            route.continue_()
        else:
            self.external.append(url)
            route.abort()


class PassiveRequestLog:
    """Record every request a page makes, without intercepting (for timing runs).

    Routing every request through Playwright slows page loads; a benchmark only
    needs to know that nothing left the machine (which offline, nothing can).
    """

    def __init__(self, page):
        self.local: list[str] = []
        self.external: list[str] = []
        page.on("request", self._on_request)

    def _on_request(self, request):
        url = request.url
        host = urlparse(url).hostname or ""
        local = url.startswith(("data:", "blob:", "about:", "file:")) or host in ("127.0.0.1", "localhost", "::1")
        (self.local if local else self.external).append(url)


class RerunLog:
    """Count the messages the page sends to the Streamlit server over its websocket.

    Every rerun a browser asks for (a widget change, a component value) is such a
    message, so a pan or zoom that sends none caused no rerun.
    """

    def __init__(self, page):
        self.sent: list[float] = []
        page.on("websocket", self._on_socket)

    def _on_socket(self, ws):
        if "_stcore/stream" in ws.url:
            ws.on("framesent", lambda _payload: self.sent.append(time.monotonic()))

    def count(self) -> int:
        return len(self.sent)


def map_frame(page, timeout: float = 30.0, paths: str = "path.fi-island"):
    """Return the streamlit-folium iframe's Frame once its map has drawn four `paths`."""
    deadline = time.monotonic() + timeout
    iframe = page.locator(f"iframe[title^='{MAP_FRAME}']")
    while time.monotonic() < deadline:
        try:
            frame = iframe.first.element_handle(timeout=1000).content_frame()
            if frame and frame.evaluate(
                "(sel) => !!(window.map && document.querySelectorAll(sel).length >= 4)", paths
            ):
                return frame
        except Exception:  # not mounted yet, or remounting
            pass
        time.sleep(0.01)
    raise TimeoutError("the map did not draw its four islands")


def island_points(geojson_path: Path = REPO / "geo" / "data" / "islands.geojson") -> dict[str, tuple[float, float]]:
    """Return a point inside each island's largest polygon: {id: (lat, lon)}."""
    from shapely.geometry import shape

    data = json.loads(geojson_path.read_text())
    points = {}
    for feature in data["features"]:
        geom = shape(feature["geometry"])
        largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        p = largest.representative_point()
        points[feature["properties"]["id"]] = (p.y, p.x)
    return points


def page_xy(page, frame, lat: float, lon: float) -> tuple[float, float]:
    """Return the page coordinates of a [lat, lon] on the map."""
    x, y = frame.evaluate(
        "([lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]);"
        " const r = window.map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }",
        [lat, lon],
    )
    box = frame.frame_element().bounding_box()
    return box["x"] + x, box["y"] + y


def show_on_map(frame, lat: float, lon: float, zoom: int | None = None) -> None:
    """Pan the map (in the browser only) so that [lat, lon] is in view."""
    frame.evaluate(
        "([lat, lon, z]) => window.map.setView([lat, lon], z || window.map.getZoom(), {animate: false})",
        [lat, lon, zoom],
    )


def click_island(page, frame, island_id: str, points: dict[str, tuple[float, float]]) -> None:
    """Click inside an island on the map."""
    lat, lon = points[island_id]
    x, y = page_xy(page, frame, lat, lon)
    page.mouse.click(x, y)


def panel_heading(page) -> str:
    """Return the text of the island panel's heading, or '' if no panel is open."""
    loc = page.locator("[data-testid='stHeading'] h3")
    return loc.first.inner_text() if loc.count() else ""
