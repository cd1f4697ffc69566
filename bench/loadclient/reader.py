"""One simulated reader: a websocket session that opens a link, clicks an island, changes the year."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
import urllib.request
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.client import connect
from websockets.typing import Origin, Subprotocol

from bench.loadclient.protocol import (
    AppView,
    RunResult,
    click_value,
    find_component,
    geojson_features,
    json_widget,
    pill_options,
    stream_url,
    string_array_widget,
    widget_id,
)

FIRST_VIEW, CLICK, YEAR, IDLE = "first view", "click", "year", "idle"
KINDS = (FIRST_VIEW, CLICK, YEAR)
LINKS = ("island=kunashir", "year=1956", "perspective=japan", "")
MAP_COMPONENT = "folium"  # streamlit_folium.st_folium
YEAR_PILLS = "year_pills"
TODAY = "Today"
MAX_MESSAGES_PER_RUN = 50_000


@dataclass
class Run:
    """One timed script run: its kind, latency (request sent → script_finished) and outcome."""

    kind: str
    reader: int
    latency: float | None = None
    error: str | None = None
    check: str | None = None  # what the debug check found (None: not checked)
    checked_ok: bool | None = None
    messages: int = 0
    bytes: int = 0
    cpu: float | None = None  # server CPU seconds, measured only when one reader runs alone
    connect: float | None = None  # first view only: seconds to open the websocket before the request


@dataclass
class Plan:
    """What a reader does: the link it opens, then its reruns (kind, target) with think times."""

    link: str
    steps: list[str]
    think: float = 1.0
    rng: random.Random = field(default_factory=random.Random)


def plan_for(index: int, think: float, seed: int = 0) -> Plan:
    """Return reader `index`'s plan: a link from the mix, then click, year and (every other) click."""
    steps = [CLICK, YEAR] if index % 2 else [CLICK, YEAR, CLICK]
    return Plan(link=LINKS[index % len(LINKS)], steps=steps, think=think,
                rng=random.Random(f"{seed}-{index}"))


class Reader:
    """Drive one Streamlit session over its websocket the way a reader's browser tab does."""

    def __init__(self, index: int, app_url: str, plan: Plan, *, timeout: float = 300.0,
                 cpu_probe: Callable[[], Awaitable[float]] | None = None):
        self.index = index
        self.app_url = app_url.rstrip("/")
        self.plan = plan
        self.timeout = timeout
        self.cpu_probe = cpu_probe
        page_url = f"{self.app_url}/" + (f"?{plan.link}" if plan.link else "")
        self.view = AppView(page_url, query_string=plan.link)
        self.runs: list[Run] = []
        self.done = asyncio.Event()
        self._opening = 0.0

    async def session(self, start_at: float, release: asyncio.Event | None = None) -> list[Run]:
        """Wait for `start_at` (loop time), run the plan, then hold the session open until `release`."""
        loop = asyncio.get_running_loop()
        await asyncio.sleep(max(0.0, start_at - loop.time()))
        parts = urlsplit(self.app_url)
        self._opening = time.monotonic()
        try:
            async with connect(
                stream_url(self.app_url),
                subprotocols=[Subprotocol("streamlit")],
                origin=Origin(f"{parts.scheme}://{parts.netloc}"),
                max_size=None, ping_interval=None, open_timeout=self.timeout, close_timeout=5,
            ) as ws:
                await self._steps(ws)
                self.done.set()
                if release is not None:
                    await release.wait()
        except TimeoutError:
            self._fail(f"timed out after {self.timeout:g} s")
        except Exception as exc:  # a refused or dropped connection is an error of the run under way
            self._fail(f"{type(exc).__name__} {exc}".strip())
        finally:
            self.done.set()
        return self.runs

    async def _steps(self, ws) -> None:
        connected = time.monotonic() - self._opening
        if not await self._run(ws, FIRST_VIEW, self._check_first_view, connected):
            return
        for kind in self.plan.steps:
            await asyncio.sleep(self.plan.think * self.plan.rng.uniform(0.5, 1.5))
            check = self._click() if kind == CLICK else self._year()
            if check is None:
                self.runs.append(Run(kind, self.index, error=f"{kind}: its widget is not on the page"))
                return
            if not await self._run(ws, kind, check):
                return

    async def _run(self, ws, kind: str, check: Callable[[RunResult], tuple[bool, str]],
                   connect: float | None = None) -> bool:
        run = Run(kind, self.index, connect=connect)
        self.runs.append(run)
        cpu0 = await self.cpu_probe() if self.cpu_probe else None
        request = self.view.request()
        sent = time.monotonic()
        await ws.send(request)
        result = None
        async with asyncio.timeout(self.timeout):
            for _ in range(MAX_MESSAGES_PER_RUN):
                result = self.view.receive(await ws.recv())
                if result is not None:
                    break
        if result is None:
            run.error = f"{kind}: no script_finished within {MAX_MESSAGES_PER_RUN} messages"
            return False
        run.latency = time.monotonic() - sent
        if self.cpu_probe:
            run.cpu = await self.cpu_probe() - cpu0
        run.messages, run.bytes = result.messages, result.bytes
        if result.errors:
            run.error = f"{kind}: " + "; ".join(result.errors)
        run.checked_ok, run.check = check(result)
        return run.error is None

    def _fail(self, message: str) -> None:
        """Charge an exception to the run under way (or to the idle session once the plan is done)."""
        last = self.runs[-1] if self.runs else None
        if last is not None and last.latency is None and last.error is None:
            last.error = f"{last.kind}: {message}"
            return
        kind = IDLE if self.done.is_set() else (last.kind if last else FIRST_VIEW)
        self.runs.append(Run(kind, self.index, error=f"{kind}: {message}"))

    # -- the reader's actions ------------------------------------------------------------

    def _check_first_view(self, result: RunResult) -> tuple[bool, str]:
        shown = find_component(result.elements.values(), MAP_COMPONENT) is not None
        return shown, "map component shown" if shown else "no map component in the deltas"

    def _selected(self) -> str | None:
        return (parse_qs(self.view.query_string).get("island") or [None])[0]

    def _click(self):
        """Set the map's value to a click on an island other than the selected one; return the check."""
        component = find_component(self.view.elements.values(), MAP_COMPONENT)
        if component is None:
            return None
        features = _island_features(component.json_args, self.app_url)
        choices = sorted(i for i in features if i != self._selected())
        if not choices:
            return None
        island = self.plan.rng.choice(choices)
        feature = features[island]
        self.view.set_widget(json_widget(component.id, click_value(feature)))
        label = str(feature["properties"].get("label") or island)

        def check(result: RunResult) -> tuple[bool, str]:
            heading = any(label in h for h in result.headings)
            in_url = island in (parse_qs(self.view.query_string).get("island") or [])
            return heading and in_url, (f"clicked {island}: panel heading {label!r} "
                                        f"{'shown' if heading else 'MISSING'}, "
                                        f"URL island={'ok' if in_url else 'MISSING'}")
        return check

    def _year(self):
        """Press a key-year pill other than the one shown; return the check."""
        elements = self.view.elements.values()
        pills = widget_id(elements, "button_group", YEAR_PILLS)
        shown = (parse_qs(self.view.query_string).get("year") or [None])[0]
        options = [o for o in pill_options(elements, YEAR_PILLS) if o not in (TODAY, shown)]
        if pills is None or not options:
            return None
        year = self.plan.rng.choice(options)
        self.view.set_widget(string_array_widget(pills, [year]))

        def check(result: RunResult) -> tuple[bool, str]:
            in_url = year in (parse_qs(self.view.query_string).get("year") or [])
            return in_url, f"year {year}: URL year={'ok' if in_url else 'MISSING'}"
        return check


_FEATURES: dict[str, dict[str, dict]] = {}


def _map_script(args: dict, app_url: str) -> str:
    """Return the map's whole script: inline, or in the static file the inline loader calls.

    The app serves its base map as /app/static/generated/basemap-<hash>.js (a browser
    fetches it once); a reader fetches it the same way, once per file for all readers.
    """
    script = args.get("script") or ""
    for link in args.get("js_links") or []:
        if "/static/generated/" in link:
            if link not in _SCRIPTS:
                with urllib.request.urlopen(f"{app_url}{link}", timeout=30) as response:  # loopback only
                    _SCRIPTS[link] = response.read().decode("utf-8")
            script += "\n" + _SCRIPTS[link]
    return script


_SCRIPTS: dict[str, str] = {}


def _island_features(json_args: str, app_url: str = "") -> dict[str, dict]:
    """Return the clickable island features of the map (those with a `label`), parsed once per map."""
    script = _map_script(json.loads(json_args), app_url)
    if script not in _FEATURES:
        if len(_FEATURES) >= 8:
            _FEATURES.clear()
        _FEATURES[script] = {i: f for i, f in geojson_features(script).items()
                             if (f.get("properties") or {}).get("label")}
    return _FEATURES[script]
