"""Names on the map: label texts in each perspective, and the Leaflet element that places them.

Positions come from geo/data/labels.geojson (built by geo/labelpoints.py) and never change,
so they live in the base map; the texts change with the perspective and travel with each
rerun's view payload (window.fiApplyView). Every text reaches the page through textContent.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from branca.element import MacroElement
from jinja2 import Template

from geo.labelbox import GAP_PX, UNIT

# Names of the land and sea around the four islands, in each perspective's form where the two
# sides differ (the neutral atlas shows both). Sources, accessed 2026-11-30:
# Nemuro Strait (根室海峡), Kunashir Strait (Кунаширский пролив) in Russian:
#   https://en.wikipedia.org/wiki/Nemuro_Strait ; https://ru.wikipedia.org/wiki/Кунаширский_пролив
# Urup (Уруп), Uruppu (得撫島, Uruppu-tō) in Japanese: https://wikiwand.com/en/articles/Urup_Island
CONTEXT_LABEL_NAMES: dict[str, dict[str, str]] = {
    "hokkaido": {"neutral": "Hokkaido"},
    "nemuro_peninsula": {"neutral": "Nemuro Peninsula"},
    "urup": {"neutral": "Urup / Uruppu", "japan": "Uruppu", "russia": "Urup"},
    "sakhalin": {"neutral": "Sakhalin"},
    "nemuro_strait": {"neutral": "Nemuro Strait / Kunashir Strait", "japan": "Nemuro Strait",
                      "russia": "Kunashir Strait"},
    "sea_of_okhotsk": {"neutral": "Sea of Okhotsk"},
    "pacific_ocean": {"neutral": "Pacific Ocean"},
}


def label_texts(island_labels: Mapping[str, str], perspective: str) -> dict[str, str]:
    """Return {label id: text}: the island names given, and the context names in the perspective's form."""
    texts = {k: str(v) for k, v in island_labels.items()}
    for label_id, forms in CONTEXT_LABEL_NAMES.items():
        texts[label_id] = forms.get(perspective, forms["neutral"])
    return texts


def label_specs(labels: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return the labels file's features as compact placement specs, in placement order."""
    specs = [
        {
            "id": f["properties"]["id"],
            "kind": f["properties"]["kind"],
            "inside": f["properties"]["inside"],
            "candidates": f["properties"]["candidates"],
            "rank": f["properties"]["rank"],
            "feature": f["properties"]["feature"],
            "window": f["properties"]["window"],
            "min_zoom": f["properties"]["min_zoom"],
        }
        for f in labels["features"]
    ]
    return sorted(specs, key=lambda s: s["rank"])


def _js(value: object) -> str:
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


class MapLabels(MacroElement):
    """Place every name on the map: inside an island when it fits, else beside it, never on top of another.

    On every zoom or pan, and whenever the texts change, labels are placed in order
    (the four islands first): for each, the first position whose box stays in view and
    clear of the names already placed, the four islands and the map's controls; a
    two-name label ("Iturup / Etorofu") is tried on two lines next; a context name with
    no free position is hidden. The legend, while it is in its automatic state, folds
    away if it would cover an island or an island's name; other names move clear of it.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var islands = {{ this.islands.get_name() }};
  var context = {{ this.context.get_name() }};
  var specs = {{ this.specs }};
  var UNIT = {{ this.unit }};
  var GAP = {{ this.gap }};
  var MARGIN = 3;
  var pane = map.createPane('fi-labels');
  pane.classList.add('leaflet-zoom-hide');
  var els = {}, texts = {}, opts = {};
  specs.forEach(function (s) {
    var el = L.DomUtil.create('div', 'fi-label fi-label-' + s.kind, pane);
    el.setAttribute('data-label', s.id);
    el.style.display = 'none';
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.on(el, 'wheel', L.DomEvent.stopPropagation);
    if (s.kind === 'island') {
      // A click on an island's name selects the island, unless it ends a text selection.
      L.DomEvent.on(el, 'click', function () {
        if (String(window.getSelection ? window.getSelection() : '')) { return; }
        islands.eachLayer(function (layer) {
          if (layer.feature.properties.id === s.id) {
            // Propagated, as a real click on the island is, so that the component's own
            // handler (on the islands' group) reports the same value as ours: one rerun.
            layer.fire('click', {latlng: L.latLng(s.inside[1], s.inside[0])}, true);
          }
        });
      });
    }
    els[s.id] = el;
  });
  function rect(x0, y0, w, h) { return {x0: x0, y0: y0, x1: x0 + w, y1: y0 + h}; }
  function overlaps(a, b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }
  function boxAt(p, align, w, h) {
    var u = UNIT[align], dx = u[0], dy = -u[1], gap = align === 'c' ? 0 : GAP;
    var gx = p.x + dx * gap, gy = p.y + dy * gap;
    var x0 = dx > 0.3 ? gx : dx < -0.3 ? gx - w : gx - w / 2;
    var y0 = dy > 0.3 ? gy : dy < -0.3 ? gy - h : gy - h / 2;
    return rect(x0, y0, w, h);
  }
  // Each feature's rings in container pixels, for this view.
  function ringsOf(group) {
    var out = [];
    group.eachLayer(function (layer) {
      var rings = [];
      (function walk(ll) {
        if (!ll.length) { return; }
        if (ll[0] instanceof L.LatLng) {
          rings.push(ll.map(function (q) { return map.latLngToContainerPoint(q); }));
        } else { ll.forEach(walk); }
      })(layer.getLatLngs());
      out.push({id: layer.feature.properties.id, rings: rings});
    });
    return out;
  }
  function inRings(rings, x, y) {
    var inside = false;
    rings.forEach(function (ring) {
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var a = ring[i], b = ring[j];
        if ((a.y > y) !== (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) { inside = !inside; }
      }
    });
    return inside;
  }
  function vertexIn(rings, r) {
    return rings.some(function (ring) {
      return ring.some(function (q) { return q.x > r.x0 && q.x < r.x1 && q.y > r.y0 && q.y < r.y1; });
    });
  }
  function samples(r) {
    var pts = [], n = 4;
    for (var i = 0; i <= n; i++) {
      for (var j = 0; j <= 2; j++) { pts.push([r.x0 + (r.x1 - r.x0) * i / n, r.y0 + (r.y1 - r.y0) * j / 2]); }
    }
    return pts;
  }
  function hitsIsland(shapes, r) {
    return shapes.some(function (s) {
      return vertexIn(s.rings, r) || samples(r).some(function (p) { return inRings(s.rings, p[0], p[1]); });
    });
  }
  function fitsInside(shapes, id, r) {
    return shapes.every(function (s) {
      if (s.id !== id) { return !vertexIn(s.rings, r); }
      return !vertexIn(s.rings, r) && samples(r).every(function (p) { return inRings(s.rings, p[0], p[1]); });
    });
  }
  function controlRects(skip) {
    var c = map.getContainer(), base = c.getBoundingClientRect(), out = [];
    c.querySelectorAll('.leaflet-control').forEach(function (el) {
      if (el === skip || el.offsetParent === null) { return; }
      var b = el.getBoundingClientRect();
      if (b.width && b.height) { out.push(rect(b.left - base.left - MARGIN, b.top - base.top - MARGIN, b.width + 2 * MARGIN, b.height + 2 * MARGIN)); }
    });
    return out;
  }
  function measure(el, text) {
    el.textContent = text;
    el.style.display = '';
    el.style.visibility = 'hidden';
    return [el.offsetWidth, el.offsetHeight];
  }
  function inPolygon(ring, x, y) { return inRings([ring.map(function (q) { return {x: q[0], y: q[1]}; })], x, y); }
  // Where a name may go: an island name clear of all land (strict) or of the four islands; a land
  // name clear of the four islands (and, centred, on its own land); a sea name clear of all land.
  function allowed(s, r, t, shapes, land, strict) {
    if (t.inside) { return fitsInside(shapes, s.id, r); }
    if (hitsIsland(shapes, r)) { return false; }
    if (s.kind === 'water' || (strict && !t.spot)) { return !hitsIsland(land, r); }
    if (t.align === 'c' && s.feature) {
      var own = land.filter(function (f) { return f.id === s.feature; });
      var on = function (p) { return own.some(function (f) { return inRings(f.rings, p[0], p[1]); }); };
      // A searched spot needs only its middle on the land it names; a set position needs all of it.
      return t.spot ? on([(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2]) : samples(r).every(on);
    }
    return true;
  }
  // Spots on a grid over the view, nearest the view's centre first: for an island, on the island
  // (when zoomed in past its own positions); for another name, inside its search area.
  function gridSpots(s, size, shapes) {
    var own = shapes.filter(function (f) { return f.id === s.id; }), spots = [];
    if (!s.window && !own.length) { return []; }
    for (var x = 8; x < size.x; x += 16) {
      for (var y = 8; y < size.y; y += 12) {
        var ll = map.containerPointToLatLng([x, y]);
        var ok = own.length ? inRings(own[0].rings, x, y) : inPolygon(s.window, ll.lng, ll.lat);
        if (ok) { spots.push({x: x, y: y, d: Math.abs(x - size.x / 2) + Math.abs(y - size.y / 2)}); }
      }
    }
    spots.sort(function (a, b) { return a.d - b.d || a.y - b.y || a.x - b.x; });
    return spots.map(function (p) {
      var ll = map.containerPointToLatLng([p.x, p.y]);
      return {pt: [ll.lng, ll.lat], align: 'c', inside: own.length > 0, spot: true};
    });
  }
  function place(avoidLegend) {
    var size = map.getSize(), shapes = ringsOf(islands), land = ringsOf(context), placed = [];
    var legend = window.fiLegend;
    var blocked = controlRects(avoidLegend || !legend ? null : legend.box);
    var result = {};
    specs.forEach(function (s) {
      var el = els[s.id], text = texts[s.id];
      el.classList.toggle('fi-label-large', !!opts.large);
      if (!text || map.getZoom() < s.min_zoom) { el.style.display = 'none'; el.textContent = text || ''; return; }
      var forms = [text];
      if (text.indexOf(' / ') > 0) { forms.push(text.replace(' / ', ' /\\n')); }
      var found = null, rounds = [];
      var tries = [];
      if (s.inside) { tries.push({pt: s.inside, align: 'c', inside: true}); }
      s.candidates.forEach(function (c) { tries.push({pt: c, align: c[2]}); });
      (s.kind === 'island' ? [true, false] : [true]).forEach(function (strict) {
        forms.forEach(function (form) { rounds.push({form: form, strict: strict, tries: tries}); });
      });
      var spots = gridSpots(s, size, shapes);
      forms.forEach(function (form) { rounds.push({form: form, strict: false, tries: spots}); });
      rounds.some(function (round) {
        var form = round.form, wh = measure(el, form), w = wh[0], h = wh[1];
        return round.tries.some(function (t) {
          var p = map.latLngToContainerPoint([t.pt[1], t.pt[0]]);
          var r = boxAt(p, t.align, w, h);
          if (r.x0 < MARGIN || r.y0 < MARGIN || r.x1 > size.x - MARGIN || r.y1 > size.y - MARGIN) { return false; }
          var padded = rect(r.x0 - 2, r.y0 - 1, w + 4, h + 2);
          if (placed.some(function (q) { return overlaps(q, padded); })) { return false; }
          if (blocked.some(function (q) { return overlaps(q, r); })) { return false; }
          if (!allowed(s, r, t, shapes, land, round.strict)) { return false; }
          found = {r: r, form: form};
          return true;
        });
      });
      if (!found) { el.style.display = 'none'; el.textContent = text; el.setAttribute('data-hidden', '1'); return; }
      el.removeAttribute('data-hidden');
      el.textContent = found.form;
      el.style.visibility = '';
      L.DomUtil.setPosition(el, map.containerPointToLayerPoint([found.r.x0, found.r.y0]));
      placed.push(found.r);
      result[s.id] = found.r;
    });
    return {placed: result, shapes: shapes};
  }
  function layout() {
    var legend = window.fiLegend;
    if (!legend || legend.docked || !legend.state.auto || !legend.hasEntries()) { place(true); return; }
    legend.setOpen(true);
    var first = place(false);
    var c = map.getContainer().getBoundingClientRect(), b = legend.box.getBoundingClientRect();
    var r = rect(b.left - c.left, b.top - c.top, b.width, b.height);
    var names = specs.filter(function (s) { return s.kind === 'island' && first.placed[s.id]; });
    if (names.some(function (s) { return overlaps(first.placed[s.id], r); }) || hitsIsland(first.shapes, r)) {
      legend.setOpen(false);
    }
    var last = place(true);
    // The open legend may have grown while the names were placed (its rows wrap once laid
    // out): check the final places against its final box, and fold it if a name is under it.
    if (legend.state.open) {
      b = legend.box.getBoundingClientRect();
      r = rect(b.left - c.left, b.top - c.top, b.width, b.height);
      if (specs.some(function (s) { return s.kind === 'island' && last.placed[s.id] && overlaps(last.placed[s.id], r); })) {
        legend.setOpen(false);
        place(true);
      }
    }
  }
  var pending = null;
  function later() { if (pending === null) { pending = setTimeout(function () { pending = null; layout(); }, 0); } }
  window.fiLayoutLabels = later;
  map.on('zoomend moveend resize', layout);
  // The frame can change size without Leaflet hearing of it (the component sizes it late).
  if (window.ResizeObserver) {
    new ResizeObserver(function () { map.invalidateSize({pan: false}); later(); }).observe(map.getContainer());
  }
  var apply = window.fiApplyView;
  window.fiApplyView = function (v) {
    if (apply) { apply(v); }
    texts = v.placeLabels || {};
    opts = {large: !!v.large};
    layout();
    later();
    // The component may still be placing its frame (the map's box moves without resizing, which
    // no observer reports): lay out again once it has settled.
    setTimeout(later, 250);
    setTimeout(later, 1000);
  };
})();
{% endmacro %}
"""
    )

    def __init__(self, islands_layer: Any, context_layer: Any, labels: Mapping[str, Any]):
        super().__init__()
        self._name = "MapLabels"
        self.islands = islands_layer
        self.context = context_layer
        self.specs = _js(label_specs(labels))
        self.unit = _js({k: list(v) for k, v in UNIT.items()})
        self.gap = _js(GAP_PX)
