"""Speak Streamlit's websocket protocol as the browser does: BackMsg out, ForwardMsg in.

The browser (Streamlit 1.67's frontend) opens ws://HOST/_stcore/stream with the
subprotocol "streamlit", asks for a script run with a `BackMsg.rerun_script`
(a `ClientState`: the URL's query string, the page, every widget value it holds,
the hashes of the large messages it has cached, and its context), and draws the
`ForwardMsg`s that come back until `script_finished`. `AppView` keeps what one
browser tab keeps between runs so that the next request looks like the browser's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

STREAM_PATH = "_stcore/stream"
SUBPROTOCOL = "streamlit"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
FINISHED_EARLY_FOR_RERUN = ForwardMsg.FINISHED_EARLY_FOR_RERUN
FINISHED_WITH_COMPILE_ERROR = ForwardMsg.FINISHED_WITH_COMPILE_ERROR
DEFAULT_MAX_CACHED_AGE = 2  # Streamlit's global.maxCachedMessageAge


def stream_url(app_url: str) -> str:
    """Return the websocket URL of an app's stream (http://h:p/base → ws://h:p/base/_stcore/stream)."""
    parts = urlsplit(app_url)
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    path = parts.path.rstrip("/") + "/" + STREAM_PATH
    return urlunsplit((scheme, parts.netloc, path, "", ""))


def is_loopback(app_url: str) -> bool:
    """Return whether a URL points at this machine's loopback interface."""
    return urlsplit(app_url).hostname in LOOPBACK


def json_widget(widget_id: str, value: Any) -> WidgetState:
    """Return a component's value as the browser sends it (JSON.stringify of the value)."""
    return WidgetState(id=widget_id, json_value=json.dumps(value, separators=(",", ":")))


def string_array_widget(widget_id: str, values: Iterable[str]) -> WidgetState:
    """Return a pills / segmented-control value as the browser sends it."""
    state = WidgetState(id=widget_id)
    state.string_array_value.data.extend(values)
    return state


def double_array_widget(widget_id: str, values: Iterable[float]) -> WidgetState:
    """Return a slider value as the browser sends it."""
    state = WidgetState(id=widget_id)
    state.double_array_value.data.extend(values)
    return state


def rerun_request(
    *,
    query_string: str,
    page_script_hash: str,
    page_name: str,
    widget_states: Iterable[WidgetState],
    cached_hashes: Iterable[str],
    page_url: str,
) -> bytes:
    """Return a serialized `BackMsg.rerun_script`, shaped as the frontend's sendRerunBackMsg."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query_string
    state.page_script_hash = page_script_hash
    state.page_name = page_name
    state.widget_states.widgets.extend(widget_states)
    state.cached_message_hashes.extend(sorted(cached_hashes))
    info = state.context_info
    info.timezone = "UTC"
    info.timezone_offset = 0
    info.locale = "en-US"
    info.url = page_url
    info.is_embedded = False
    info.color_scheme = "light"
    return msg.SerializeToString()


def element_type(element: Element) -> str:
    """Return the name of the element an Element proto holds ('slider', 'heading'…)."""
    return element.WhichOneof("type") or ""


def widget_id(elements: Iterable[Element], kind: str, key: str) -> str | None:
    """Return the id of the widget of a kind ('slider', 'button_group'…) created with `key`."""
    for element in elements:
        if element_type(element) == kind:
            ident = getattr(element, kind).id
            if ident.endswith("-" + key):
                return ident
    return None


def find_component(elements: Iterable[Element], name_part: str):
    """Return the first custom component whose name contains `name_part` (a ComponentInstance)."""
    for element in elements:
        if element_type(element) == "component_instance" and name_part in element.component_instance.component_name:
            return element.component_instance
    return None


def pill_options(elements: Iterable[Element], key: str) -> list[str]:
    """Return the labels of the pills / segmented control created with `key`."""
    for element in elements:
        if element_type(element) == "button_group" and element.button_group.id.endswith("-" + key):
            return [option.content for option in element.button_group.options]
    return []


def geojson_features(script: str, limit: int = 100_000) -> dict[str, dict]:
    """Return the GeoJSON features embedded in a map's script, by their `properties.id`.

    Folium writes each layer's data as a JSON literal; every `{` that starts a
    decodable JSON object is tried, and a decoded object is skipped as a whole.
    """
    decoder = json.JSONDecoder()
    found: dict[str, dict] = {}
    at = script.find("{")
    for _ in range(limit):
        if at < 0:
            break
        try:
            obj, end = decoder.raw_decode(script, at)
        except ValueError:
            at = script.find("{", at + 1)
            continue
        _collect_features(obj, found)
        at = script.find("{", end)
    return found


def _collect_features(obj: Any, found: dict[str, dict]) -> None:
    if not isinstance(obj, dict):
        return
    if obj.get("type") == "FeatureCollection":
        for feature in obj.get("features") or []:
            _collect_features(feature, found)
    elif obj.get("type") == "Feature":
        ident = (obj.get("properties") or {}).get("id")
        if isinstance(ident, str) and obj.get("geometry"):
            found.setdefault(ident, obj)


def click_value(feature: Mapping[str, Any]) -> dict[str, Any]:
    """Return the value st_folium's frontend reports for a click on a GeoJSON feature.

    With returned_objects=["last_active_drawing", "last_object_clicked"] the
    component sends the clicked point (Leaflet's latlng) and the layer's
    `toGeoJSON()`, which the app's map makes the feature's properties alone
    (geometry null: the coastline need not travel with a click).
    """
    lat, lng = _inside_point(feature["geometry"])
    drawing = {"type": "Feature", "properties": dict(feature.get("properties") or {}), "geometry": None}
    return {"last_object_clicked": {"lat": lat, "lng": lng}, "last_active_drawing": drawing}


def _inside_point(geometry: Mapping[str, Any]) -> tuple[float, float]:
    """Return (lat, lng): the mean vertex of the geometry's first outer ring."""
    coords = geometry["coordinates"]
    ring = coords[0][0] if geometry["type"] == "MultiPolygon" else coords[0]
    lng = sum(p[0] for p in ring) / len(ring)
    lat = sum(p[1] for p in ring) / len(ring)
    return round(lat, 6), round(lng, 6)


@dataclass
class RunResult:
    """What the server sent for one script run (the messages from request to script_finished)."""

    status: int | None = None
    messages: int = 0
    bytes: int = 0
    exceptions: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    query_string: str | None = None
    elements: dict[tuple[int, ...], Element] = field(default_factory=dict)

    @property
    def errors(self) -> list[str]:
        """Return what makes this run count as an error (an exception or st.error element, a protocol problem)."""
        return [f"exception element: {e}" for e in self.exceptions] + self.problems


class AppView:
    """What one browser tab keeps about its session between runs.

    The page it is on, the URL's query string (the app rewrites it), the widget
    values it would send back, the elements of the last finished run, and the
    cache of large messages (the server sends a `ref_hash` for those it knows
    the tab holds, as the tab tells it in `cached_message_hashes`).
    """

    def __init__(self, page_url: str, query_string: str = "", page_name: str = ""):
        self.page_url = page_url
        self.query_string = query_string
        self.page_name = page_name
        self.page_script_hash = ""
        self.widget_states: dict[str, WidgetState] = {}
        self.elements: dict[tuple[int, ...], Element] = {}
        self._cache: dict[str, tuple[ForwardMsg, int]] = {}
        self._finished_runs = 0
        self._max_age = DEFAULT_MAX_CACHED_AGE
        self._run = RunResult()

    def request(self) -> bytes:
        """Return the BackMsg that asks for the next run with what the tab holds now."""
        self._run = RunResult()
        return rerun_request(
            query_string=self.query_string,
            page_script_hash=self.page_script_hash,
            page_name=self.page_name if not self.page_script_hash else "",
            widget_states=self.widget_states.values(),
            cached_hashes=self._cache.keys(),
            page_url=self.page_url,
        )

    def set_widget(self, state: WidgetState) -> None:
        """Hold a widget value (a click, a year) to send with this and every later request."""
        self.widget_states[state.id] = state

    def receive(self, data: bytes) -> RunResult | None:
        """Take one ForwardMsg; return the run's result once its script has finished."""
        msg = ForwardMsg()
        msg.ParseFromString(data)
        run = self._run
        run.messages += 1
        run.bytes += len(data)
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                run.problems.append(f"ref_hash {msg.ref_hash} not in the tab's cache")
                return None
            full = ForwardMsg()
            full.CopyFrom(cached[0])
            full.metadata.CopyFrom(msg.metadata)
            self._cache[msg.ref_hash] = (cached[0], self._finished_runs)
            msg, kind = full, full.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = (msg, self._finished_runs)

        if kind == "new_session":
            self.page_script_hash = msg.new_session.page_script_hash
            age = msg.new_session.config.max_cached_message_age
            self._max_age = age if age > 0 else DEFAULT_MAX_CACHED_AGE
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
            run.query_string = self.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._new_element(tuple(msg.metadata.delta_path), msg.delta.new_element)
        elif kind == "page_not_found":
            run.problems.append(f"page not found: {msg.page_not_found.page_name!r}")
        elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
            exc = msg.session_event.script_compilation_exception
            run.problems.append(f"script compilation error: {exc.type}: {exc.message}")
        elif kind == "script_finished":
            if msg.script_finished == FINISHED_EARLY_FOR_RERUN:
                return None
            run.status = msg.script_finished
            if msg.script_finished == FINISHED_WITH_COMPILE_ERROR:
                run.problems.append("script finished with a compile error")
            self._finish()
            return run
        return None

    def _new_element(self, path: tuple[int, ...], element: Element) -> None:
        run = self._run
        run.elements[path] = element
        kind = element_type(element)
        if kind == "exception":
            run.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:300])
        elif kind == "alert" and element.alert.format == Alert.ERROR:  # the page could not be shown
            run.problems.append(f"error message: {element.alert.body}"[:300])
        elif kind == "heading":
            run.headings.append(element.heading.body)
        elif kind in ("slider", "button_group"):
            self._sync_widget(kind, getattr(element, kind))

    def _sync_widget(self, kind: str, proto) -> None:
        """Take a value the script set through session state, as the browser's widget does."""
        if proto.id not in self.widget_states or not proto.set_value:
            return
        if kind == "slider":
            self.set_widget(double_array_widget(proto.id, proto.value))
        else:
            self.set_widget(string_array_widget(proto.id, proto.raw_values))

    def _finish(self) -> None:
        """End a run as the frontend does: keep this run's elements, age and expire the cache."""
        self._finished_runs += 1
        self.elements = dict(self._run.elements)
        active = {getattr(e, element_type(e)).id for e in self.elements.values()
                  if element_type(e) and hasattr(getattr(e, element_type(e)), "id")}
        self.widget_states = {k: v for k, v in self.widget_states.items() if k in active}
        self._cache = {h: (m, seen) for h, (m, seen) in self._cache.items()
                       if self._finished_runs - seen <= self._max_age}
