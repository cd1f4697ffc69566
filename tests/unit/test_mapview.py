"""The folium map: offline assets only, a base map identical across reruns, escaped payloads."""

from __future__ import annotations

import re

import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string

from content.control import control_at
from content.load import load_content
from content.perspective import labels_for
from geo.load import load_boundaries, load_context, load_islands
from geo.mapview import (
    DEFAULT_CENTER, LEAFLET_URL, build_base_map, build_view_layer, island_id_from_click, island_view,
)
from geo.view import build_view

CONTENT = load_content()
ISLANDS, CONTEXT = load_islands(), load_context()
LABELS = labels_for(CONTENT.islands, "neutral")


def base_html(labels=LABELS) -> str:
    fmap = build_base_map(ISLANDS, CONTEXT, labels, "Coastlines: GSHHG")
    return fmap.get_root().render()


def external_urls(html: str) -> list[str]:
    return [u for u in re.findall(r"https?://[^\s\"')<>]+", html) if "soest.hawaii.edu" not in u]


def test_the_map_loads_only_leaflet_from_the_app_itself():
    html = base_html()
    assert external_urls(html) == []
    assert f"{LEAFLET_URL}/leaflet.js" in html and f"{LEAFLET_URL}/leaflet.css" in html
    for name in ("jquery", "bootstrap", "font-awesome", "fontawesome"):
        assert name not in html.lower()


def test_the_offline_check_can_fail():
    assert external_urls('<script src="https://cdn.jsdelivr.net/npm/leaflet.js"></script>')


def test_the_base_map_is_the_same_whatever_the_view():
    """streamlit-folium keys the component by the map's code: it must not change per rerun."""
    first = _get_map_string(build_base_map(ISLANDS, CONTEXT, LABELS, "a"))
    again = _get_map_string(build_base_map(ISLANDS, CONTEXT, LABELS, "a"))
    assert first == again
    assert _get_map_string(build_base_map(ISLANDS, CONTEXT, labels_for(CONTENT.islands, "japan"), "a")) != first


def test_every_island_is_in_the_map_with_its_id_and_label():
    html = base_html()
    for island_id, label in LABELS.items():
        assert f'"id": "{island_id}"' in html and label in html
        assert f"fi-island-{island_id}" in html


@pytest.mark.parametrize("year, perspective", [(1855, "neutral"), (1950, "japan"), (2026, "russia")])
def test_the_view_layer_carries_the_year_and_perspective(year, perspective):
    view = build_view(control_at(CONTENT.events, str(year)), year, perspective, load_boundaries())
    fmap = build_base_map(ISLANDS, CONTEXT, LABELS, "a")
    layer = build_view_layer(view, labels_for(CONTENT.islands, perspective), "habomai", f"title {year}")
    js = _get_feature_group_string(layer, map=fmap)
    assert "fiApplyView" in js and f"title {year}" in js and '"selected": "habomai"' in js
    assert len(js) < 20_000, "the per-rerun layer must stay small"


def test_content_in_the_view_layer_cannot_close_a_script_tag():
    layer = build_view_layer(None, {"shikotan": "</script><script>alert(1)</script>"}, None, "<b>t</b>")
    js = _get_feature_group_string(layer, map=build_base_map(ISLANDS, CONTEXT, LABELS, "a"))
    assert "</script>" not in js and "<b>" not in js
    assert "\\u003c/script\\u003e" in js


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        ({}, None),
        ({"last_active_drawing": None}, None),
        ({"last_active_drawing": {"properties": {"id": "kunashir"}}}, "kunashir"),
        ({"last_active_drawing": {"properties": {"id": "hokkaido"}}}, None),
        ({"last_active_drawing": {"properties": {}}}, None),
    ],
)
def test_island_from_a_click(value, expected):
    assert island_id_from_click(value, tuple(LABELS)) == expected


def test_island_view_frames_the_island_and_defaults_to_all_four():
    assert island_view(ISLANDS, None) == (DEFAULT_CENTER, 7)
    (lat, lon), zoom = island_view(ISLANDS, "habomai")
    assert 43.3 < lat < 43.7 and 145.8 < lon < 146.4 and zoom >= 8


def test_a_click_reports_the_island_not_its_coastline():
    from geo.load import load_context, load_islands
    from geo.mapview import build_base_map

    html = build_base_map(load_islands(), load_context(), {"iturup": "Iturup / Etorofu"}, "GSHHG").get_root().render()
    assert "layer.toGeoJSON = function () {" in html
    assert "geometry: null" in html
