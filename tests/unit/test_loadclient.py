"""The load benchmark's client without a server: messages, widget lookup, features, statistics."""

from __future__ import annotations

import json
import math
import os

import pytest
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.load import Round, table
from bench.loadclient.protocol import (
    AppView,
    click_value,
    find_component,
    geojson_features,
    is_loopback,
    json_widget,
    stream_url,
    string_array_widget,
    widget_id,
)
from bench.loadclient.reader import CLICK, FIRST_VIEW, LINKS, YEAR, Run, plan_for
from bench.loadclient.stats import Spread, cpu_seconds, percentile, rss_bytes, stat_cpu_ticks

PILLS_ID = "$$ID-44a52b7efa7317eef69e7a569a26d5f5-year_pills"
MAP_ID = "$$ID-496f65056351f83a6e5fef96264a5201-238fee65e0d55109"
SHIKOTAN = {"type": "Feature", "properties": {"id": "shikotan", "label": "Shikotan"},
            "geometry": {"type": "MultiPolygon",
                         "coordinates": [[[[146.6, 43.8], [146.9, 43.8], [146.9, 43.7], [146.6, 43.8]]]]}}
# Shaped as folium writes a map: JS objects (trailing commas) around a GeoJSON literal.
SCRIPT = (
    'var map_div = L.map("map_div", {center: [44.45, 147.0], ...{\n  "zoom": 7,\n  "zoomControl": true,\n}\n});\n'
    'function geo_json_styler(feature) { switch(feature.properties.id) { default: return {"color": "#b3261e"}; } }\n'
    "geo_json_add(" + json.dumps({"type": "FeatureCollection", "features": [
        SHIKOTAN,
        {"type": "Feature", "properties": {"id": "hokkaido", "name_en": "Hokkaido"},
         "geometry": {"type": "Polygon", "coordinates": [[[141, 43], [142, 43], [142, 44], [141, 43]]]}},
        {"type": "Feature", "properties": {"legend": "a line"},
         "geometry": {"type": "LineString", "coordinates": [[145, 43], [146, 44]]}},
    ]}) + ");\n"
)


def _delta(path, fill) -> ForwardMsg:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    fill(msg.delta.new_element)
    return msg


def _session(page_hash="eb0aec81", max_age=2) -> ForwardMsg:
    msg = ForwardMsg()
    msg.new_session.page_script_hash = page_hash
    msg.new_session.config.max_cached_message_age = max_age
    return msg


def _finished(status=ForwardMsg.FINISHED_SUCCESSFULLY) -> ForwardMsg:
    msg = ForwardMsg()
    msg.script_finished = status
    return msg


def _heading(text):
    return lambda e: setattr(e.heading, "body", text)


def _pills(e, set_value=False, raw=()):
    e.button_group.id = PILLS_ID
    for label in ("1855", "1956", "Today"):
        e.button_group.options.add(content=label)
    e.button_group.set_value = set_value
    e.button_group.raw_values.extend(raw)


def _map(e):
    e.component_instance.id = MAP_ID
    e.component_instance.component_name = "streamlit_folium.st_folium"
    e.component_instance.json_args = json.dumps({"script": SCRIPT, "default": None})


def _feed(view: AppView, msgs):
    results = [view.receive(m.SerializeToString()) for m in msgs]
    assert all(r is None for r in results[:-1])
    return results[-1]


def _page(view: AppView, *extra):
    """Feed one whole first run: new session, title, map, pills, extra messages, finished."""
    view.request()
    return _feed(view, [_session(), _delta([0, 0], _heading("Four Islands")), _delta([0, 1], _map),
                        _delta([0, 2], _pills), *extra, _finished()])


def _sent(raw: bytes):
    msg = BackMsg()
    msg.ParseFromString(raw)
    return msg.rerun_script


def test_first_request_names_the_link_and_no_page_yet():
    state = _sent(AppView("http://127.0.0.1:8501/?year=1956", query_string="year=1956").request())
    assert state.query_string == "year=1956"
    assert state.page_script_hash == ""
    assert state.context_info.url == "http://127.0.0.1:8501/?year=1956"
    assert not state.widget_states.widgets


def test_a_run_ends_at_script_finished_with_what_it_showed():
    view = AppView("http://x/")
    query = ForwardMsg()
    query.page_info_changed.query_string = "island=shikotan"
    result = _page(view, _delta([1, 0], _heading("Shikotan")), query)
    assert result is not None and result.status == ForwardMsg.FINISHED_SUCCESSFULLY
    assert result.headings == ["Four Islands", "Shikotan"]
    assert result.query_string == view.query_string == "island=shikotan"
    assert result.errors == []
    assert result.messages == 7


def test_a_rerun_for_a_rerun_does_not_end_the_run():
    view = AppView("http://x/")
    view.request()
    assert view.receive(_finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN).SerializeToString()) is None
    assert view.receive(_finished().SerializeToString()) is not None


def test_an_exception_element_an_error_message_and_a_missing_page_are_errors():
    def boom(e):
        e.exception.type = "TypeError"
        e.exception.message = "render_map() missing 1 required positional argument"

    def cannot_show(e):
        e.alert.format = Alert.ERROR
        e.alert.body = "The content files have problems"

    missing = ForwardMsg()
    missing.page_not_found.page_name = "nowhere"
    notice = _delta([0, 5], lambda e: setattr(e.alert, "format", Alert.WARNING))
    result = _page(AppView("http://x/"), _delta([0, 3], boom), missing, _delta([0, 4], cannot_show), notice)
    assert result.errors == ["exception element: TypeError: render_map() missing 1 required positional argument",
                             "page not found: 'nowhere'", "error message: The content files have problems"]


def test_widgets_are_found_by_their_key_and_the_map_by_its_component():
    view = AppView("http://x/")
    _page(view)
    elements = list(view.elements.values())
    assert widget_id(elements, "button_group", "year_pills") == PILLS_ID
    assert widget_id(elements, "slider", "year_pills") is None
    assert widget_id(elements, "button_group", "pills") is None  # a suffix of the key is not the key
    assert find_component(elements, "folium").id == MAP_ID


def test_later_requests_carry_the_page_the_widgets_and_the_rewritten_url():
    view = AppView("http://x/", query_string="year=1956", page_name="")
    _page(view)
    view.set_widget(string_array_widget(PILLS_ID, ["1855"]))
    view.set_widget(json_widget(MAP_ID, {"last_active_drawing": None}))
    state = _sent(view.request())
    assert state.page_script_hash == "eb0aec81"
    assert state.query_string == "year=1956"
    sent = {w.id: w for w in state.widget_states.widgets}
    assert list(sent[PILLS_ID].string_array_value.data) == ["1855"]
    assert json.loads(sent[MAP_ID].json_value) == {"last_active_drawing": None}


def test_a_value_the_script_sets_replaces_the_held_one_and_gone_widgets_are_dropped():
    view = AppView("http://x/")
    _page(view)
    view.set_widget(string_array_widget(PILLS_ID, ["1855"]))
    view.set_widget(json_widget("$$ID-gone-widget", 1))
    view.request()
    _feed(view, [_session(), _delta([0, 2], lambda e: _pills(e, set_value=True, raw=["1956"])), _finished()])
    assert list(view.widget_states[PILLS_ID].string_array_value.data) == ["1956"]
    assert "$$ID-gone-widget" not in view.widget_states


def test_large_messages_are_cached_and_a_reference_resolves_to_them():
    view = AppView("http://x/")
    big = _delta([0, 1], _map)
    big.hash, big.metadata.cacheable = "abc123", True
    view.request()
    _feed(view, [_session(), big, _finished()])
    assert list(_sent(view.request()).cached_message_hashes) == ["abc123"]
    ref = ForwardMsg()
    ref.ref_hash = "abc123"
    ref.metadata.delta_path.extend([0, 5])
    result = _feed(view, [_session(), ref, _finished()])
    assert result.errors == []
    assert find_component(view.elements.values(), "folium").id == MAP_ID
    assert list(view.elements) == [(0, 5)]  # placed where the reference says


def test_a_reference_to_an_unknown_message_is_an_error_and_old_messages_expire():
    view = AppView("http://x/")
    ref = ForwardMsg()
    ref.ref_hash = "nothere"
    view.request()
    assert _feed(view, [_session(), ref, _finished()]).errors == ["ref_hash nothere not in the tab's cache"]
    big = _delta([0, 1], _map)
    big.hash, big.metadata.cacheable = "old", True
    view.request()
    _feed(view, [_session(max_age=1), big, _finished()])
    for _ in range(2):
        view.request()
        _feed(view, [_session(max_age=1), _finished()])
    assert list(_sent(view.request()).cached_message_hashes) == []


def test_features_are_read_from_the_map_script_by_id():
    features = geojson_features(SCRIPT)
    assert set(features) == {"shikotan", "hokkaido"}
    assert features["shikotan"] == SHIKOTAN


def test_a_click_is_sent_as_streamlit_folium_sends_it():
    value = click_value(SHIKOTAN)
    assert set(value) == {"last_object_clicked", "last_active_drawing"}
    assert value["last_active_drawing"] == {**SHIKOTAN, "geometry": None}  # the map reports no coastline
    point = value["last_object_clicked"]
    assert 43.7 <= point["lat"] <= 43.8 and 146.6 <= point["lng"] <= 146.9


def test_urls():
    assert stream_url("http://127.0.0.1:8501") == "ws://127.0.0.1:8501/_stcore/stream"
    assert stream_url("https://localhost/atlas/") == "wss://localhost/atlas/_stcore/stream"
    assert is_loopback("http://127.0.0.1:8501") and is_loopback("http://[::1]:80/")
    assert not is_loopback("http://example.org:8501")


def test_plans_mix_the_links_and_make_two_or_three_reruns():
    plans = [plan_for(i, think=1.0) for i in range(8)]
    assert {p.link for p in plans} == set(LINKS)
    assert {len(p.steps) for p in plans} == {2, 3}
    assert all(p.steps[:2] == [CLICK, YEAR] for p in plans)


def test_percentiles_interpolate_between_ranks():
    values = list(range(1, 11))
    assert percentile(values, 50) == 5.5
    assert percentile(values, 95) == pytest.approx(9.55)
    assert percentile([3.0], 95) == 3.0
    assert math.isnan(percentile([], 50))
    assert Spread.of([0.5, 0.25, 12.0]).seconds() == "0.50 s / 11 s / 12 s"
    assert Spread.of([]).seconds() == "–"


def test_proc_readings():
    assert stat_cpu_ticks("42 (a (b) c) S 1 2 3 4 5 6 7 8 9 10 120 30 0 0") == 150
    assert rss_bytes(os.getpid()) > 1_000_000
    assert cpu_seconds(os.getpid()) > 0


def test_the_table_has_a_row_per_round():
    runs = [Run(FIRST_VIEW, 0, latency=0.5), Run(CLICK, 0, latency=0.25), Run(YEAR, 0, error="year: timeout")]
    r = Round(2, runs, server_cpu=0.3, rss_before=200_000_000, rss_idle=204_000_000, rss_after=201_000_000)
    row = table([r]).splitlines()[2]
    assert row == ("| 2 | 0.50 s / 0.50 s / 0.50 s | 0.25 s / 0.25 s / 0.25 s | 1 | 150 | 2.0 "
                   "| 201.0 MB (+1.0 over start) |")
