"""The map component as every page shows it: base map plus this rerun's view layer.

The base map is built and rendered once per process (it never changes, so the
component keeps its key and does not remount); each rerun renders only its view
layer, and identical view layers are rendered once too.
"""

from __future__ import annotations

import os

import streamlit as st

from content.i18n import _, language
from content.perspective import PERSPECTIVE_TITLES, labels_for
from content.present import format_date
from geo.describe import attribution
from geo.mapview import build_base_map, build_view_layer, island_view
from ui import state
from ui.data import get_content, get_context, get_islands, get_map_view, get_provenance
from ui.foliumcomponent import RenderedMap, publish_script, render_base_map, render_layer, show_map

RETURNED_OBJECTS = ("last_active_drawing", "last_object_clicked")


def view_title(perspective: str, when: str) -> str:
    """Return the in-map line that says what the map shows: 'Neutral atlas · 1956-10-19'."""
    return f"{_(PERSPECTIVE_TITLES[perspective])} · {format_date(when)}"


@st.cache_resource(show_spinner=False)
def _base_map(content_root: str | None, lang: str = "en") -> RenderedMap:
    labels = labels_for(get_content().islands, "neutral")
    rendered = render_base_map(build_base_map(get_islands(), get_context(), labels, attribution(get_provenance())))
    return publish_script(rendered)


def get_base_map() -> RenderedMap:
    """Return the base map rendered once per process (per content root and language: its hint is text)."""
    return _base_map(os.environ.get("FOUR_ISLANDS_CONTENT"), language())


@st.cache_resource(show_spinner=False, max_entries=2048)
def get_view_layer(when: str, perspective: str, selected: str | None, clean: bool, content_root: str | None,
                   large: bool = False, lang: str = "en") -> str:
    """Return the rendered view layer for a date, perspective and selection (script text)."""
    labels = labels_for(get_content().islands, perspective)
    return render_layer(build_view_layer(get_map_view(when, perspective), labels, selected,
                                         view_title(perspective, when), clean, large))


@st.cache_resource(show_spinner=False)
def get_island_view(selected: str | None) -> tuple[tuple[float, float], int]:
    """Return the ([lat, lon] centre, zoom) that frames an island, or the whole map."""
    return island_view(get_islands(), selected)


def render_map(
    selected: str | None,
    when: str,
    perspective: str,
    *,
    height: int = 620,
    zoom: int | None = None,
    clean: bool = False,
    large: bool = False,
) -> None:
    """Show the map at a year or date, in a perspective, framing the selected island (`large`: larger names)."""
    center, island_zoom = get_island_view(selected)
    show_map(
        get_base_map(),
        get_view_layer(when, perspective, selected, clean, os.environ.get("FOUR_ISLANDS_CONTENT"), large, language()),
        key=state.MAP, height=height, returned_objects=RETURNED_OBJECTS,
        center=center, zoom=zoom or island_zoom, on_change=state.on_map_click,
    )
