"""The folium map of the static edition: the app's base map plus every year's view, chosen in the page.

The app changes the view with a Streamlit rerun; a static page cannot, so it
carries the view of every year from 1855 to the content's date and of every
event's date, for each perspective (deduplicated: the map changes at a few
dates only), and a small script applies the one the link names through the
same `window.fiApplyView` the app's view layer calls.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, Iterator

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from content.control import control_at
from content.i18n import _
from content.load import Content
from content.perspective import PERSPECTIVE_TITLES, labels_for
from content.present import format_date
from content.viewstate import FIRST_YEAR, PERSPECTIVES
from geo.describe import attribution
from geo.load import load_boundaries, load_context, load_islands, load_provenance
from geo.mapview import DEFAULT_CENTER, DEFAULT_ZOOM, SEA_COLOUR, build_base_map, island_view
from geo.view import LINE_STYLES, build_view

LEAFLET_DIR = "vendor/leaflet-1.9.3"


def _js(value: object) -> str:
    """Encode a value as a JavaScript literal that is also safe inside an HTML script tag."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _view_payload(control: dict[str, str], when: str, perspective: str) -> dict[str, Any]:
    view = build_view(control, int(when[:4]), perspective, load_boundaries())
    return {
        "styles": view.styles,
        "legend": [asdict(e) for e in view.legend],
        "lines": [{"id": f["properties"]["id"], "style": f["properties"]["style"]} for f in view.lines],
    }


def view_table(content: Content, last_year: int) -> dict[str, Any]:
    """Return every view the static map can show, per perspective, deduplicated.

    Shape: {perspective: {"title", "labels", "views": [payload], "years": [index per year from
    FIRST_YEAR], "dates": {event date: index}}}.
    """
    dates = sorted({e.date for e in content.events if "-" in e.date and FIRST_YEAR <= int(e.date[:4]) <= last_year})
    years = [str(y) for y in range(FIRST_YEAR, last_year + 1)]
    # Who administered what does not depend on the perspective: replay the events once per date.
    controls = {when: control_at(content.events, when) for when in years + dates}
    table: dict[str, Any] = {}
    for perspective in PERSPECTIVES:
        views: list[dict[str, Any]] = []
        keys: dict[str, int] = {}

        def index(payload: dict[str, Any]) -> int:
            key = _js(payload)
            if key not in keys:
                keys[key] = len(views)
                views.append(payload)
            return keys[key]

        table[perspective] = {
            "title": _(PERSPECTIVE_TITLES[perspective]),
            "labels": labels_for(content.islands, perspective),
            "years": [index(_view_payload(controls[y], y, perspective)) for y in years],
            "dates": {d: index(_view_payload(controls[d], d, perspective)) for d in dates},
            "views": views,
        }
    return table


class StaticViews(MacroElement):
    """Apply the view a link names (island, year, date, perspective) and follow island clicks.

    Reads the query string and then the fragment (the fragment wins), draws that
    view's boundary lines, calls window.fiApplyView, frames the island, writes the
    view back into the fragment and tells the page with a `fi:view` event. Exposes
    `window.fiSetView(changes, frame)` for the page's own controls and `window.fiMap`.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var islands = {{ this.islands.get_name() }};
  var D = {{ this.data }};
  window.fiMap = map;
  var lines = L.layerGroup().addTo(map);
  var state = {island: null, year: D.last, date: null, perspective: 'neutral'};
  var shown = null;
  function read(text) {
    var q = {};
    text.replace(/^[?#]/, '').split('&').forEach(function (pair) {
      if (!pair) { return; }
      var i = pair.indexOf('=');
      var k = decodeURIComponent(i < 0 ? pair : pair.slice(0, i));
      q[k] = decodeURIComponent(i < 0 ? '' : pair.slice(i + 1).replace(/\\+/g, ' '));
    });
    return q;
  }
  function merge(q) {
    if ('island' in q) { state.island = D.frames[q.island] ? q.island : null; }
    if ('perspective' in q) { state.perspective = D.perspectives[q.perspective] ? q.perspective : 'neutral'; }
    if ('year' in q) {
      var y = parseInt(q.year, 10);
      state.year = (y >= D.first && y <= D.last) ? y : D.last;
      state.date = null;
    }
    if ('date' in q) {
      var d = q.date || '';
      var dy = parseInt(d.slice(0, 4), 10);
      if (!('year' in q) && dy >= D.first && dy <= D.last) { state.year = dy; }
      state.date = d && d.slice(0, 4) === String(state.year) ? d : null;
    }
  }
  function query() {
    var parts = [];
    if (state.island) { parts.push('island=' + state.island); }
    parts.push('year=' + state.year);
    if (state.date) { parts.push('date=' + state.date); }
    if (state.perspective !== 'neutral') { parts.push('perspective=' + state.perspective); }
    return parts.join('&');
  }
  function apply(frame) {
    var P = D.perspectives[state.perspective];
    var known = state.date && P.dates[state.date] !== undefined;
    var v = P.views[known ? P.dates[state.date] : P.years[state.year - D.first]];
    var title = P.title + ' \\u00b7 ' + (known ? D.dateLabels[state.date] : state.year);
    if (shown !== v) {
      lines.clearLayers();
      v.lines.forEach(function (l) {
        L.geoJSON(D.lines[l.id], {style: Object.assign({}, D.lineStyles[l.style], {opacity: 0.95}), interactive: false}).addTo(lines);
      });
      shown = v;
    }
    window.fiApplyView({styles: v.styles, labels: P.labels, legend: v.legend, title: title, selected: state.island, clean: false});
    if (frame) {
      var f = state.island ? D.frames[state.island] : D.home;
      map.setView(f[0], f[1], {animate: false});
    }
    document.dispatchEvent(new CustomEvent('fi:view', {detail: {island: state.island, year: state.year,
      date: state.date, perspective: state.perspective, query: query(), title: title}}));
  }
  function write() {
    var hash = '#' + query();
    try { history.replaceState(null, '', hash); } catch (e) { location.hash = hash; }
  }
  window.fiSetView = function (changes, frame) {
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    if ('year' in changes && !('date' in changes)) { state.date = null; }
    apply(frame);
    if (D.writeLink) { write(); }
  };
  islands.on('click', function (e) {
    var layer = e.propagatedFrom || e.layer;
    state.island = layer.feature.properties.id;
    apply(false);
    if (D.writeLink) { write(); }
  });
  merge(read(location.search));
  merge(read(location.hash));
  apply(true);
  // A link inside the page (an event's "Show the map at this date") changes only the fragment.
  window.addEventListener('hashchange', function () { merge(read(location.hash)); apply(true); });
})();
{% endmacro %}
"""
    )

    def __init__(self, islands_layer: folium.GeoJson, data: dict[str, Any]):
        super().__init__()
        self._name = "StaticViews"
        self.islands = islands_layer
        self.data = _js(data)


def _walk(element) -> Iterator[Any]:
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def _pin_ids(figure) -> None:
    """Give every element a counter-based id, so the same map renders to the same bytes."""
    n = 0
    for part in (figure, figure.header, figure.html, figure.script):
        for element in _walk(part):
            n += 1
            element._id = f"{n:016x}"


def map_data(content: Content, last_year: int, write_link: bool) -> dict[str, Any]:
    """Return the data the StaticViews script needs: views, lines, frames, date labels."""
    islands = load_islands()
    table = view_table(content, last_year)
    dates = sorted({d for p in table.values() for d in p["dates"]})
    return {
        "first": FIRST_YEAR,
        "last": last_year,
        "perspectives": table,
        "dateLabels": {d: format_date(d) for d in dates},
        "lines": {f["properties"]["id"]: f["geometry"] for f in load_boundaries()["features"]},
        "lineStyles": {k: {kk: vv for kk, vv in v.items() if vv is not None} for k, v in LINE_STYLES.items()},
        "frames": {i: island_view(islands, i) for i in content.islands},
        "home": [DEFAULT_CENTER, DEFAULT_ZOOM],
        "writeLink": write_link,
    }


def build_static_map(content: Content, data: dict[str, Any], rel: str = "") -> folium.Figure:
    """Build the app's base map with the static view script, Leaflet linked relatively, ids pinned.

    `rel` is the path from the page to the site's root ("" or "../").
    """
    fmap = build_base_map(load_islands(), load_context(), labels_for(content.islands, "neutral"),
                          attribution(load_provenance()))
    fmap.default_js = [("leaflet", f"{rel}{LEAFLET_DIR}/leaflet.js")]
    fmap.default_css = [("leaflet_css", f"{rel}{LEAFLET_DIR}/leaflet.css")]
    islands_layer = next(c for c in fmap._children.values()
                         if isinstance(c, folium.GeoJson) and c.layer_name == "Disputed islands")
    StaticViews(islands_layer, data).add_to(fmap)
    return fmap.get_root()


def render_map_page(figure: folium.Figure, head: str, body: str) -> str:
    """Render the figure as a whole page with trusted markup (already escaped) in its head and body."""
    # Leaflet's stylesheet is linked after the map's own styles; this keeps the sea blue.
    sea = f"<style>.folium-map.leaflet-container {{ background: {SEA_COLOUR}; }}</style>"
    figure.header.add_child(Element(head + sea), name="fi_site_head")
    figure.html.add_child(Element(body), name="fi_site_body")
    _pin_ids(figure)
    return figure.render()
