"""Build the folium map: bundled context land, the four islands, the selection layer.

The base map must stay byte-identical across reruns (streamlit-folium keys the
component by a hash of it), so everything that changes with the selection goes
into `build_selection_layer`, passed to `st_folium(feature_group_to_add=...)`.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from typing import Any, Mapping

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from content.i18n import _
from geo.load import load_labels
from geo.maplabels import MapLabels, label_texts
from geo.placenames import context_names
from geo.view import LINE_STYLES, MapView

# Served by Streamlit's static file serving (server.enableStaticServing): files
# under static/ are reachable at /app/static/ from the component's frame.
STATIC_URL = "/app/static"
LEAFLET_URL = f"{STATIC_URL}/vendor/leaflet-1.9.3"

ISLAND_STYLE = {"fillColor": "#d9822b", "color": "#7a3f0c", "weight": 1.2, "fillOpacity": 0.75}
CONTEXT_STYLE = {"fillColor": "#e8e4d8", "color": "#9a9384", "weight": 0.6, "fillOpacity": 1.0}
# Hover and selection keep small islets readable: a thin outline, and for the selected island a
# yellow halo outside its coast (CSS .fi-picked), instead of a thick black stroke that fills in the
# Habomai islets.
HOVER_STYLE = {"weight": 2.0, "color": "#1b1b1b"}
PICKED_STYLE = {"weight": 1.2, "color": "#1b1b1b", "opacity": 1.0, "dashArray": None, "fillOpacity": 0.95}
SEA_COLOUR = "#c9dde9"

DEFAULT_CENTER = (44.45, 147.0)  # [lat, lon], WGS84: frames all four islands and the Nemuro peninsula
DEFAULT_ZOOM = 7



class OfflineMap(folium.Map):
    """A folium Map whose scripts and styles come from the app's own server.

    Only Leaflet is kept: jQuery, Bootstrap and Font Awesome are not needed by
    polygons, tooltips and the controls used here, and would be fetched from CDNs.
    """

    default_js = [("leaflet", f"{LEAFLET_URL}/leaflet.js")]
    default_css = [("leaflet_css", f"{LEAFLET_URL}/leaflet.css")]


class IslandInteraction(MacroElement):
    """In-map behaviour that needs no Streamlit round trip.

    Hover and click restyle the island at once and the clicked island's name
    shows in a live region. `window.fiApplyView`, called by the view layer on
    every rerun, recolours islands and context land for a year and perspective,
    relabels the tooltips and redraws the legend, so the base map never changes.
    Every content string reaches the page through textContent, never as HTML.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var islands = {{ this.layer.get_name() }};
  var context = {{ this.context.get_name() }};
  var base = {{ this.base_style }};
  var hover = {{ this.hover_style }};
  var picked = {{ this.selected_style }};
  var styles = {}, labels = {}, selectedId = null;
  // Leaflet focuses the map on mousedown for keyboard panning; in an iframe that
  // scrolls the parent page mid-click, so the click lands elsewhere. Focus without scrolling.
  var container = map.getContainer();
  container.focus = function () { HTMLElement.prototype.focus.call(container, {preventScroll: true}); };
  function styleOf(id) { return styles[id] || base; }
  function labelOf(layer) { var p = layer.feature.properties; return labels[p.id] || p.label; }
  function box(position, cls) {
    var c = L.control({position: position});
    c.onAdd = function () { var d = L.DomUtil.create('div', cls); L.DomEvent.disableClickPropagation(d); return d; };
    c.addTo(map);
    return c.getContainer();
  }
  var viewBox = box('topright', 'fi-view');
  var info = box('topright', 'fi-selected');
  info.setAttribute('role', 'status');
  info.setAttribute('aria-live', 'polite');
  info.textContent = {{ this.hint }};
  // The legend: folds behind a button; under the map (outside it) in screenshot mode and on
  // narrow screens; in its automatic state geo/maplabels.py folds it if it would hide an island.
  var legendBox = box('bottomright', 'fi-legend');
  var legendCorner = legendBox.parentNode;
  var legendToggle = L.DomUtil.create('button', 'fi-legend-toggle', legendBox);
  legendToggle.type = 'button';
  var legendBody = L.DomUtil.create('div', 'fi-legend-body', legendBox);
  legendBody.id = 'fi-legend-body';
  legendToggle.setAttribute('aria-controls', legendBody.id);
  var legendCount = 0;
  var fiLegend = window.fiLegend = {
    box: legendBox, docked: false, state: {auto: true, open: true},
    hasEntries: function () { return legendCount > 0; },
    setOpen: function (open) {
      fiLegend.state.open = open;
      legendBox.classList.toggle('fi-legend-closed', !open);
      legendToggle.textContent = open ? {{ this.hide_legend }} : {{ this.show_legend }};
      legendToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (fiLegend.docked) { fitDock(); }
    }
  };
  // The frame's height is the map's own (streamlit-folium sets it); a docked legend takes its share.
  var fullHeight = null, setHeight = null;
  function fitDock() {
    if (container.style.height !== setHeight || fullHeight === null) { fullHeight = container.offsetHeight; }
    var want = Math.max(160, fullHeight - (fiLegend.docked ? legendBox.offsetHeight : 0)) + 'px';
    if (container.style.height !== want) { container.style.height = want; map.invalidateSize({pan: false}); }
    setHeight = want;
  }
  function dockLegend(under) {
    if (under !== fiLegend.docked) {
      fiLegend.docked = under;
      legendBox.classList.toggle('fi-legend-docked', under);
      if (under) { container.parentNode.insertBefore(legendBox, container.nextSibling); }
      else { legendCorner.appendChild(legendBox); }
    }
    fitDock();
  }
  L.DomEvent.on(legendToggle, 'click', function () {
    fiLegend.state.auto = false;
    fiLegend.setOpen(!fiLegend.state.open);
    if (window.fiLayoutLabels) { window.fiLayoutLabels(); }
  });
  function paint() {
    islands.eachLayer(function (layer) {
      var id = layer.feature.properties.id;
      layer.setStyle(id === selectedId ? Object.assign({}, styleOf(id), picked) : styleOf(id));
      if (layer.getElement()) { layer.getElement().classList.toggle('fi-picked', id === selectedId); }
      if (id === selectedId) { layer.bringToFront(); }
    });
    context.eachLayer(function (layer) {
      var s = styles[layer.feature.properties.id];
      if (s) { layer.setStyle(s); }
    });
  }
  function select(id) {
    selectedId = id;
    paint();
    var name = null;
    islands.eachLayer(function (layer) { if (layer.feature.properties.id === id) { name = labelOf(layer); } });
    info.textContent = name || {{ this.hint }};
    info.setAttribute('data-island', id || '');
  }
  function legend(entries, clean) {
    legendBody.textContent = '';
    legendCount = entries.length;
    legendBox.style.display = entries.length ? '' : 'none';
    legendToggle.style.display = clean ? 'none' : '';
    var narrow = map.getSize().x < 420;
    dockLegend(clean || narrow);
    if (clean) { fiLegend.setOpen(true); }
    else if (fiLegend.state.auto) { fiLegend.setOpen(!narrow); }
    entries.forEach(function (e) {
      var row = L.DomUtil.create('div', 'fi-legend-row', legendBody);
      var sw = L.DomUtil.create('span', 'fi-swatch fi-swatch-' + e.kind, row);
      if (e.kind === 'fill') {
        sw.style.background = e.color;
        sw.style.border = '2px ' + (e.dash ? 'dashed ' : 'solid ') + (e.edge || '#3d3d3d');
      } else {
        sw.style.borderTop = '3px ' + (e.dash ? 'dashed ' : 'solid ') + e.color;
      }
      L.DomUtil.create('span', 'fi-legend-text', row).textContent = e.label;
    });
    if (fiLegend.docked) { fitDock(); }
    if (window.fiLayoutLabels) { window.fiLayoutLabels(); }
  }
  // streamlit-folium reports a click 250 ms later (debounced). Report it now, in the
  // exact shape and key order the component would, and record it as the component's
  // last value so that its own debounced report finds nothing new to send.
  function report(layer, e) {
    var g = window.__GLOBAL_DATA__;
    var wanted = ['last_object_clicked', 'last_active_drawing'];
    if (!window.Streamlit || !g || !g.returned_objects || g.wrap_longitude ||
        g.returned_objects.length !== 2 || !wanted.every(function (k) { return g.returned_objects.indexOf(k) >= 0; })) {
      return;
    }
    var value = {last_object_clicked: e.latlng, last_active_drawing: layer.toGeoJSON()};
    if (JSON.stringify(value) === JSON.stringify(g.previous_data)) { return; }
    g.previous_data = value;
    window.Streamlit.setComponentValue(value);
  }
  window.fiApplyView = function (v) {
    styles = v.styles || {};
    labels = v.labels || {};
    // Screenshot mode: no zoom buttons in the picture.
    if (map.zoomControl) { map.zoomControl.getContainer().style.display = v.clean ? 'none' : ''; }
    viewBox.textContent = v.title || '';
    viewBox.style.display = v.title ? '' : 'none';
    legend(v.legend || [], !!v.clean);
    select(v.selected === undefined ? selectedId : v.selected);
  };
  islands.eachLayer(function (layer) {
    var id = layer.feature.properties.id;
    // What a click reports (ours and the component's own, which both call toGeoJSON):
    // the island's id and name, not its coastline, which would travel to the server,
    // be parsed and copied into the session on every click.
    layer.toGeoJSON = function () {
      return {type: 'Feature', properties: layer.feature.properties, geometry: null};
    };
    layer.bindTooltip(function (l) {
      var div = document.createElement('div');
      div.className = 'fi-tooltip';
      div.textContent = labelOf(l);
      return div;
    }, {sticky: true, direction: 'top'});
    layer.on('mouseover', function () {
      if (id !== selectedId) { layer.setStyle(Object.assign({}, styleOf(id), hover)); }
    });
    layer.on('mouseout', function () {
      if (id !== selectedId) { layer.setStyle(styleOf(id)); }
    });
    layer.on('click', function (e) { select(id); report(layer, e); });
  });
  window.fiApplyView({styles: {}, labels: {}, legend: [], title: ''});
})();
{% endmacro %}
"""
    )

    def __init__(self, layer: folium.GeoJson, context: folium.GeoJson, hint: str):
        super().__init__()
        self._name = "IslandInteraction"
        self.layer = layer
        self.context = context
        self.hint = _js(hint)
        self.hide_legend = _js(_("Hide legend"))
        self.show_legend = _js(_("Legend"))
        self.base_style = _js(ISLAND_STYLE)
        self.hover_style = _js(HOVER_STYLE)
        self.selected_style = _js(PICKED_STYLE)


class NorthArrow(MacroElement):
    """A north arrow in the map's corner (the map is always north-up in Web Mercator)."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var arrow = L.control({position: 'bottomleft'});
  arrow.onAdd = function () {
    var div = L.DomUtil.create('div', 'fi-north');
    div.setAttribute('aria-label', {{ this.aria_label }});
    var svg = '<svg width="28" height="40" viewBox="0 0 28 40" role="img"><title></title>'
      + '<polygon points="14,2 24,28 14,22 4,28" fill="#1b1b1b"/>'
      + '<text x="14" y="39" text-anchor="middle" font-size="12" font-weight="700" font-family="sans-serif">N</text></svg>';
    div.innerHTML = svg;
    div.querySelector('title').textContent = {{ this.title }};
    return div;
  };
  arrow.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
"""
    )

    def __init__(self):
        super().__init__()
        self._name = "NorthArrow"
        self.aria_label = _js(_("North is up"))
        self.title = _js(_("North"))


class ApplyView(MacroElement):
    """Call window.fiApplyView with this rerun's styles, labels, legend and selection."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
if (window.fiApplyView) { window.fiApplyView({{ this.payload }}); }
{% endmacro %}
"""
    )

    def __init__(self, payload: dict):
        super().__init__()
        self._name = "ApplyView"
        self.payload = _js(payload)


def _js(value: object) -> str:
    """Encode a value as a JavaScript literal that is also safe inside an HTML script tag."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


MAP_CSS = f"""
<style>
.leaflet-container {{ background: {SEA_COLOUR}; font-family: "Source Sans Pro", sans-serif; }}
.fi-selected {{ background: rgba(255,255,255,0.92); padding: 4px 10px; border-radius: 4px;
  font-size: 15px; font-weight: 600; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }}
.fi-tooltip {{ font-size: 14px; font-weight: 600; }}
path.leaflet-interactive:focus {{ outline: none; }}
.fi-north {{ background: rgba(255,255,255,0.85); border-radius: 4px; padding: 2px 4px 0; }}
.fi-view {{ background: rgba(255,255,255,0.92); padding: 3px 8px; border-radius: 4px; font-size: 13px; }}
.fi-legend {{ background: rgba(255,255,255,0.94); padding: 6px 8px; border-radius: 4px; font-size: 12px;
  font-family: "Source Sans Pro", sans-serif;
  max-width: 260px; line-height: 1.3; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }}
.fi-legend-row {{ display: flex; align-items: center; gap: 6px; margin: 2px 0; }}
.fi-swatch {{ flex: 0 0 22px; height: 12px; box-sizing: border-box; }}
.fi-swatch-line {{ height: 0; }}
.fi-legend-toggle {{ font: inherit; font-weight: 600; border: 1px solid #9a9384; border-radius: 3px;
  background: #fff; padding: 1px 8px; cursor: pointer; display: block; margin: 0 0 3px auto; }}
.fi-legend-closed {{ padding: 3px; }}
.fi-legend-closed .fi-legend-body {{ display: none; }}
.fi-legend-closed .fi-legend-toggle {{ margin: 0; }}
.fi-legend-docked {{ max-width: none; border-radius: 0; box-shadow: none; border-top: 1px solid #9a9384;
  padding: 4px 8px; }}
.fi-legend-docked .fi-legend-body {{ clear: both; display: flex; flex-wrap: wrap; column-gap: 16px; }}
.fi-legend-docked.fi-legend-closed .fi-legend-body {{ display: none; }}
.fi-legend-docked .fi-legend-row {{ flex: 1 1 300px; }}
path.fi-picked {{ filter: drop-shadow(0 0 1.5px #ffd23f) drop-shadow(0 0 1.5px #ffd23f) drop-shadow(0 0 1px #ffd23f); }}
.leaflet-fi-labels-pane {{ z-index: 450; }}
.fi-label {{ position: absolute; white-space: pre; text-align: center; line-height: 1.1; color: #1b1b1b;
  font-size: 14px; font-weight: 700; user-select: text; -webkit-user-select: text; cursor: text;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }}
.fi-label-island {{ cursor: pointer; }}
.fi-label-land {{ font-size: 13px; font-weight: 600; font-style: italic; color: #4a4a4a; }}
.fi-label-water {{ font-size: 13px; font-weight: 400; font-style: italic; color: #1f5c8a; letter-spacing: 0.03em; }}
.fi-label-large {{ font-size: 16px; }}
.fi-label-island.fi-label-large {{ font-size: 19px; }}
@media (max-width: 520px) {{ .fi-legend {{ font-size: 10px; max-width: 170px; padding: 3px 5px; }}
  .fi-legend-docked {{ max-width: none; font-size: 11px; }}
  .fi-selected {{ font-size: 13px; }} .fi-label {{ font-size: 12px; }} .fi-label-island {{ font-size: 13px; }} }}
</style>
"""


def label_islands(islands: Mapping[str, Any], labels: Mapping[str, str]) -> dict:
    """Return a copy of the islands FeatureCollection with each feature's label set.

    Properties keep only `id` and `label`: the click sends the feature back to
    Python, so nothing else needs to travel.
    """
    features = []
    for feature in islands["features"]:
        island_id = feature["properties"]["id"]
        features.append(
            {
                "type": "Feature",
                "properties": {"id": island_id, "label": labels.get(island_id, island_id)},
                "geometry": feature["geometry"],
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build_base_map(
    islands: Mapping[str, Any],
    context: Mapping[str, Any],
    labels: Mapping[str, str],
    attribution: str,
    hint: str | None = None,
) -> folium.Map:
    """Build the map that never changes across reruns: context land and the islands.

    `islands` and `context` are GeoJSON FeatureCollections (EPSG:4326); `labels`
    maps island id to the name shown on hover ("Iturup / Etorofu");
    `attribution` is trusted text (from the provenance record), shown in the corner; the
    in-map texts (hint, legend button, north arrow) are in the run's language.
    """
    hint = hint if hint is not None else _("Click an island")
    fmap = OfflineMap(
        location=DEFAULT_CENTER,
        zoom_start=DEFAULT_ZOOM,
        tiles=None,
        min_zoom=5,
        max_zoom=13,
        control_scale=True,
        prefer_canvas=False,
    )
    fmap.get_root().header.add_child(Element(MAP_CSS))
    context_layer = folium.GeoJson(
        context,
        name="Context land",
        style_function=lambda _f: CONTEXT_STYLE,
        interactive=False,
        attribution=html.escape(attribution),
        control=False,
    )
    context_layer.add_to(fmap)
    islands_layer = folium.GeoJson(
        label_islands(islands, labels),
        name="Disputed islands",
        # The class names let tests and styles find each island's path.
        style_function=lambda f: {**ISLAND_STYLE, "className": f"fi-island fi-island-{f['properties']['id']}"},
        control=False,
    )
    islands_layer.add_to(fmap)
    IslandInteraction(islands_layer, context_layer, hint).add_to(fmap)
    MapLabels(islands_layer, context_layer, load_labels()).add_to(fmap)
    NorthArrow().add_to(fmap)
    return fmap


def build_view_layer(
    view: "MapView | None",
    labels: Mapping[str, str],
    selected: str | None,
    title: str = "",
    clean: bool = False,
    large: bool = False,
) -> folium.FeatureGroup:
    """Build the layer of everything that changes per rerun: lines, colours, labels, selection.

    Passed to st_folium as feature_group_to_add, so the base map stays identical.
    With `view` None the map shows its base colours and no lines or legend; `clean`
    hides the zoom buttons (screenshot mode); `large` (and `clean`) draws the names larger
    (classroom). The names on the map are the island labels given and the context names
    in the view's perspective.
    """
    group = folium.FeatureGroup(name="View", control=False)
    payload: dict[str, Any] = {"labels": dict(labels), "selected": selected, "title": title, "clean": clean}
    perspective = view.perspective if view is not None else "neutral"
    payload["placeLabels"] = {**label_texts(labels, perspective), **context_names(perspective)}
    payload["large"] = large or clean
    if view is not None:
        payload["styles"] = view.styles
        payload["legend"] = [asdict(e) for e in view.legend]
        for line in view.lines:
            style = LINE_STYLES[line["properties"]["style"]]
            folium.GeoJson(
                line, style_function=lambda _f, s=style: {**s, "opacity": 0.95},
                interactive=False, control=False,
            ).add_to(group)
    ApplyView(payload).add_to(group)
    return group


def island_bounds(islands: Mapping[str, Any], island_id: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return ((south, west), (north, east)) of an island, degrees WGS84."""
    for feature in islands["features"]:
        if feature["properties"]["id"] == island_id:
            lons, lats = [], []
            for polygon in _polygons(feature["geometry"]):
                for lon, lat in polygon[0]:
                    lons.append(lon)
                    lats.append(lat)
            return (min(lats), min(lons)), (max(lats), max(lons))
    raise KeyError(island_id)


def island_view(islands: Mapping[str, Any], island_id: str | None) -> tuple[tuple[float, float], int]:
    """Return the ([lat, lon] centre, zoom) that frames an island, or the default view."""
    if island_id is None:
        return DEFAULT_CENTER, DEFAULT_ZOOM
    (south, west), (north, east) = island_bounds(islands, island_id)
    span = max(north - south, (east - west) * 0.72)  # cos(44°) ≈ 0.72
    zoom = 9 if span < 0.35 else 8 if span < 1.1 else 7
    return (round((south + north) / 2, 4), round((west + east) / 2, 4)), zoom


def island_id_from_click(value: Mapping[str, Any] | None, known: tuple[str, ...]) -> str | None:
    """Return the island id that a st_folium click value names, or None."""
    if not value:
        return None
    drawing = value.get("last_active_drawing") or {}
    island_id = (drawing.get("properties") or {}).get("id")
    return island_id if island_id in known else None


def _polygons(geometry: Mapping[str, Any]) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"not a polygon geometry: {geometry['type']}")
