"""The streamlit-folium component, with the unchanging base map rendered once per process.

`st_folium` renders the whole folium map on every call: Jinja compiles each
element's template, every vertex is walked for the bounds and the ~100 KB of
GeoJSON is serialised again. Here that work is split the way the map is built:
the base map (identical on every rerun, so the component keeps its key and does
not remount) is rendered once into the component's arguments, and each rerun
renders only its small view layer. The steps mirror streamlit-folium 0.27.4's own
(`st_folium`), whose private helpers this module calls; the version is pinned.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable

import folium
import streamlit as st
import streamlit_folium as stf


@dataclass(frozen=True)
class RenderedMap:
    """A folium map rendered to the arguments the streamlit-folium component takes."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    bounds: dict[str, dict[str, float]]  # Leaflet's {_southWest: {lat, lng}, _northEast: {...}}
    zoom: int
    key_script: str = ""  # the script the component's key is derived from, if `script` is only a loader

    @property
    def identity(self) -> str:
        """Return the full map script, whichever way it travels."""
        return self.key_script or self.script


def _links(fmap: folium.Map) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the (css, js) links every element of the map asks for, deduplicated, in order."""
    css: list[str] = []
    js: list[str] = []

    def walk(element: Any):
        if isinstance(element, folium.elements.JSCSSMixin):
            yield element
        for child in getattr(element, "_children", {}).values():
            yield from walk(child)

    for element in walk(fmap):
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    return tuple(dict.fromkeys(css)), tuple(dict.fromkeys(js))


def render_base_map(fmap: folium.Map) -> RenderedMap:
    """Render a folium map once into the component's arguments (the map is spent after)."""
    fmap.get_root().render()
    fmap.render()
    html = stf._get_html(fmap)
    header = stf._get_header(fmap)
    script = stf._get_map_string(fmap)
    (south, west), (north, east) = fmap.get_bounds()
    css, js = _links(fmap)
    return RenderedMap(
        script=script, header=header, html=html, map_id=stf.get_full_id(fmap), css_links=css, js_links=js,
        bounds={"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}},
        zoom=fmap.options.get("zoom"),
    )


GENERATED_DIR = Path(__file__).resolve().parent.parent / "static" / "generated"
GENERATED_URL = "/app/static/generated"


def publish_script(rendered: RenderedMap, directory: Path = GENERATED_DIR, url: str = GENERATED_URL) -> RenderedMap:
    """Serve the base map's script as a static file; the component then gets a one-line loader.

    The component's arguments travel on every rerun that changes the map (a click,
    a year): with the ~150 KB base map among them, each click re-sent it and the
    server hashed and serialised it again. As a file, named by its content, the
    browser fetches it once and revalidates it after. The component inserts the
    map's html only after its script links have loaded, so the file defines a
    function that the inline loader calls then. If the file cannot be written
    (a read-only install), the script stays inline, as before.
    """
    digest = hashlib.sha256(rendered.script.encode()).hexdigest()[:16]
    name = f"basemap-{digest}.js"
    body = ("window.fiBaseMap = function () {\n" + rendered.script
            + "\nwindow.map_div = map_div;\n};\n")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / name
        if not target.exists() or target.read_text(encoding="utf-8") != body:
            # Several worker processes may write the same file: write aside, then rename.
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False) as fh:
                fh.write(body)
            os.replace(fh.name, target)
    except OSError:
        return rendered
    return replace(rendered, script="window.fiBaseMap();", key_script=rendered.script,
                   js_links=rendered.js_links + (f"{url}/{name}",))


def render_layer(group: folium.FeatureGroup) -> str:
    """Render a feature group to the script the component adds to its map on this rerun.

    A throwaway parent map takes the group, so that no shared (cached) map is
    ever mutated; the component names its map `map_div` either way.
    """
    return stf._get_feature_group_string(group, map=folium.Map(tiles=None), idx=0)


def component_key(rendered: RenderedMap, key: str) -> str:
    """Return the component's key, as st_folium derives it: stable while the base map is."""
    return stf.generate_js_hash(rendered.identity, key, False)


def show_map(
    rendered: RenderedMap,
    layer_script: str,
    *,
    key: str,
    height: int,
    returned_objects: Iterable[str],
    center: tuple[float, float],
    zoom: int,
    on_change: Callable[[], None] | None = None,
) -> Any:
    """Show the component: the cached base map plus this rerun's layer; return its value.

    As with st_folium, the component's value is also copied to st.session_state[key]
    before `on_change` runs.
    """
    returned = list(returned_objects)
    hash_key = component_key(rendered, key)
    defaults = {"last_object_clicked": None, "last_active_drawing": None,
                "bounds": rendered.bounds, "zoom": rendered.zoom}

    def _on_change() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    return stf._component_func(
        script=rendered.script, header=rendered.header, html=rendered.html, id=rendered.map_id,
        key=hash_key, height=height, width=None, returned_objects=returned,
        default={k: v for k, v in defaults.items() if k in returned}, zoom=zoom, center=center,
        feature_group=layer_script, return_on_hover=False, layer_control=None, pixelated=False,
        css_links=list(rendered.css_links), js_links=list(rendered.js_links), on_change=_on_change,
        wrap_longitude=False,
    )
