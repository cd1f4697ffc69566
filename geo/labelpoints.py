"""Place map labels at build time: an anchor and ordered candidate positions for every name.

Build time only (geopandas, shapely). Positions are computed on Web Mercator (EPSG:3857),
the interactive map's own projection, so that a box drawn on the screen beside a point
keeps the same relation to the coast at every zoom. The interactive map (geo/maplabels.py)
and the static export (geo/export.py) both read the result, geo/data/labels.geojson, and
pick per view the first candidate whose text box is free.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box

from geo.labelbox import GAP_PX, UNIT, box_at

MERCATOR = "EPSG:3857"
WGS84 = "EPSG:4326"
DECIMALS = 4  # about 10 m

# Directions a beside label can take from its island, in the order tried when scores tie.
DIRECTIONS = ("se", "e", "s", "ne", "sw", "nw", "w", "n")
# Candidates are ranked by how much land a reference text box covers at a reference zoom.
REFERENCE_ZOOM = 7
REFERENCE_BOX_PX = (150.0, 20.0)  # a long neutral name ("Kunashir / Kunashiri") at 14 px, bold
POLE_TOLERANCE_PX = 0.5  # polylabel precision, in pixels at the reference zoom

# Where each context name is looked for (lon_min, lat_min, lon_max, lat_max, WGS84): the part of
# the land or sea near the four islands first, so the name shows at the default view.
LAND_WINDOWS = {  # label id -> (context feature id, windows; None: the whole feature)
    "hokkaido": ("hokkaido", [(144.4, 43.0, 145.2, 44.4), (143.0, 42.6, 144.4, 44.2), None]),
    "sakhalin": ("south_sakhalin", [(141.6, 45.85, 143.8, 47.0), (141.6, 45.85, 144.8, 48.6), None]),
}
BESIDE_WINDOWS = {
    "nemuro_peninsula": ("hokkaido", (145.25, 43.15, 145.9, 43.45)),
    "urup": ("north_kurils", (149.3, 45.4, 150.6, 46.3)),
}
WATER_WINDOWS = {
    "nemuro_strait": [(144.9, 43.55, 145.8, 44.35)],
    "sea_of_okhotsk": [(144.6, 44.6, 148.6, 46.3), (143.0, 44.6, 150.0, 47.5)],
    "pacific_ocean": [(145.8, 41.9, 150.0, 43.3), (145.0, 41.4, 152.0, 44.0)],
}
# Where the map looks for a free spot for a context name when none of its candidates is free
# ([lon, lat] ring): on its land, or on its side of the island chain for the two seas.
SEARCH_AREAS = {
    "hokkaido": [[143.0, 42.6], [145.9, 42.6], [145.9, 44.4], [143.0, 44.4]],
    "nemuro_peninsula": [[145.25, 43.15], [145.9, 43.15], [145.9, 43.45], [145.25, 43.45]],
    "urup": [[149.3, 45.4], [150.6, 45.4], [150.6, 46.3], [149.3, 46.3]],
    "sakhalin": [[141.6, 45.85], [144.8, 45.85], [144.8, 48.6], [141.6, 48.6]],
    "nemuro_strait": [[144.9, 43.55], [145.8, 43.55], [145.8, 44.35], [144.9, 44.35]],
    "sea_of_okhotsk": [[143.0, 44.2], [145.2, 44.2], [145.6, 44.5], [146.6, 44.7], [148.0, 45.4], [149.3, 46.0],
                       [150.4, 46.7], [150.4, 47.6], [143.0, 47.6]],
    "pacific_ocean": [[144.0, 41.4], [152.5, 41.4], [152.5, 46.3], [149.6, 45.6], [148.3, 44.9], [147.6, 44.3],
                      [147.2, 43.7], [146.0, 43.3], [144.0, 42.8]],
}
# Names of small features are left off the overview zooms (below these), where they would crowd it.
MIN_ZOOM = {"nemuro_peninsula": 6, "urup": 6, "nemuro_strait": 7}
# Placement order: the four islands first, smallest first (fewest free spots), then land, then water.
ORDER = (
    ("habomai", "island"), ("shikotan", "island"), ("kunashir", "island"), ("iturup", "island"),
    ("hokkaido", "land"), ("nemuro_peninsula", "land"), ("urup", "land"), ("sakhalin", "land"),
    ("nemuro_strait", "water"), ("sea_of_okhotsk", "water"), ("pacific_ocean", "water"),
)

METHOD = (
    "Web Mercator (EPSG:3857), the interactive map's projection. Islands: the pole of inaccessibility "
    "(shapely polylabel) of the largest polygon is the `inside` point, used when the name fits inside the "
    "island; `candidates` are beside positions, one per compass direction d: the island's extreme point "
    "along d (all islets included), the text box attached beyond it on the side d points to, so it lies "
    "past the island's tangent line there and cannot cover the island at any zoom. Candidates "
    f"are ordered by the share of a {REFERENCE_BOX_PX[0]:.0f}x{REFERENCE_BOX_PX[1]:.0f} px box at zoom "
    f"{REFERENCE_ZOOM} that covers any land, then by distance from the pole, then {', '.join(DIRECTIONS)}. "
    "Land names: the pole of inaccessibility of the land within fixed windows near the four islands, the "
    "nearest window first (Nemuro Peninsula and Urup: beside positions as for islands). Water names: the "
    "pole of inaccessibility of the sea within fixed windows (`window`: a hand-drawn search area on the name's land "
    "or side of the island chain, where the map looks for a free spot when no candidate is free; `feature`: "
    "the context land a land name belongs to; `min_zoom`: the name is left off below it). The renderers try `inside` (islands), then "
    "the candidates in order, and take the first whose box stays in view and clear of other names, the "
    "four islands and the map's controls."
)


def metres_per_px(zoom: float) -> float:
    """Return Web Mercator metres per CSS pixel at a zoom level (256 px tiles)."""
    return 2 * math.pi * 6378137.0 / (256 * 2**zoom)


def _largest(geom) -> Polygon:
    parts = list(getattr(geom, "geoms", [geom]))
    return max(parts, key=lambda p: (p.area, p.bounds))


def _pole(geom) -> Point:
    return shapely.ops.polylabel(_largest(geom), tolerance=POLE_TOLERANCE_PX * metres_per_px(REFERENCE_ZOOM))


def _beside(geom, land) -> tuple[Point, list[tuple[Point, str]]]:
    """Return the pole and the ranked beside candidates of a Mercator geometry."""
    pole = _pole(geom)
    coords = shapely.get_coordinates(geom) - np.array([pole.x, pole.y])
    m = metres_per_px(REFERENCE_ZOOM)
    w, h, gap = REFERENCE_BOX_PX[0] * m, REFERENCE_BOX_PX[1] * m, GAP_PX * m
    scored = []
    for order, d in enumerate(DIRECTIONS):
        ux, uy = UNIT[d]
        along = coords @ np.array([ux, uy])
        i = int(np.argmax(along))  # the island's extreme point that way: the name goes just beyond it
        reach = float(along[i])
        point = Point(pole.x + coords[i, 0], pole.y + coords[i, 1])
        label_box = box(*box_at(point.x, point.y, d, w, h, gap))
        covered = label_box.intersection(land).area / label_box.area
        scored.append((round(covered, 2), round(reach / m), order, point, d))
    scored.sort(key=lambda t: t[:3])
    return pole, [(point, d) for *_, point, d in scored]


def _window(geom, bounds) -> Any:
    return geom if bounds is None else geom.intersection(_mercator_box(bounds))


def _mercator_box(bounds) -> Polygon:
    return gpd.GeoSeries([box(*bounds)], crs=WGS84).to_crs(MERCATOR).iloc[0]


def _lonlat(points: list[Point]) -> list[list[float]]:
    back = gpd.GeoSeries(points, crs=MERCATOR).to_crs(WGS84)
    return [[round(p.x, DECIMALS), round(p.y, DECIMALS)] for p in back]


def label_features(islands: Mapping[str, Any], context: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return label rows: id, kind, rank, inside ([lon, lat] or None), candidates ([[lon, lat, align]]), point.

    `islands` and `context` map ids to lon/lat shapely geometries (as written to geo/data).
    """
    ids = list(islands) + list(context)
    merc = dict(zip(ids, gpd.GeoSeries([islands.get(i, context.get(i)) for i in ids], crs=WGS84).to_crs(MERCATOR)))
    land = shapely.union_all(list(merc.values()))
    rows = []
    for rank, (label_id, kind) in enumerate(ORDER):
        inside: list[float] | None = None
        feature = None
        if kind == "island":
            pole, ranked = _beside(merc[label_id], land)
            inside = _lonlat([pole])[0]
        elif label_id in BESIDE_WINDOWS:
            source, bounds = BESIDE_WINDOWS[label_id]
            feature = source
            _, ranked = _beside(MultiPolygon(_parts(_window(merc[source], bounds))), land)
        elif kind == "land":
            source, windows = LAND_WINDOWS[label_id]
            feature = source
            ranked = [(_pole(_window(merc[source], b)), "c") for b in windows]
        else:
            ranked = [(_pole(_parts_polygon(_mercator_box(b).difference(land))), "c") for b in WATER_WINDOWS[label_id]]
        points = _lonlat([p for p, _ in ranked])
        rows.append({
            "id": label_id,
            "kind": kind,
            "rank": rank,
            "inside": inside,
            "candidates": [[*xy, align] for xy, (_, align) in zip(points, ranked)],
            "feature": feature,
            "window": SEARCH_AREAS.get(label_id),
            "min_zoom": MIN_ZOOM.get(label_id, 0),
            "point": Point(inside or points[0]),
        })
    return rows


def _parts(geom) -> list[Polygon]:
    return [g for g in shapely.get_parts(geom) if isinstance(g, Polygon) and not g.is_empty]


def _parts_polygon(geom) -> Polygon:
    return _largest(MultiPolygon(_parts(geom)))
