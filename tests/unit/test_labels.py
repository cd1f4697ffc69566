"""Label positions (geo/labelpoints.py, geo/data/labels.geojson), texts per perspective, and the geopandas build."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import LineString, Point, box, shape

from geo import build, labelpoints
from geo.labelbox import GAP_PX, UNIT, box_at
from geo.load import load_context, load_islands, load_labels
from geo.maplabels import CONTEXT_LABEL_NAMES, label_specs, label_texts

ISLAND_IDS = ["iturup", "kunashir", "shikotan", "habomai"]
# Island names as content/islands/*.yaml gives them (en, en_japanese, en_russian).
NAMES = {
    "neutral": {"iturup": "Iturup / Etorofu", "kunashir": "Kunashir / Kunashiri", "shikotan": "Shikotan",
                "habomai": "Habomai"},
    "japan": {"iturup": "Etorofu", "kunashir": "Kunashiri", "shikotan": "Shikotan", "habomai": "Habomai"},
    "russia": {"iturup": "Iturup", "kunashir": "Kunashir", "shikotan": "Shikotan", "habomai": "Habomai (Khabomai)"},
}
ISLANDS = {f["properties"]["id"]: shape(f["geometry"]) for f in load_islands()["features"]}
CONTEXT = {f["properties"]["id"]: shape(f["geometry"]) for f in load_context()["features"]}
LABELS = {f["properties"]["id"]: f for f in load_labels()["features"]}


def mercator(geom):
    return gpd.GeoSeries([geom], crs="EPSG:4326").to_crs("EPSG:3857").iloc[0]


def test_every_name_has_a_position_in_placement_order():
    assert [s["id"] for s in label_specs(load_labels())] == [i for i, _ in labelpoints.ORDER]
    assert [s["id"] for s in label_specs(load_labels())][:4] == ["habomai", "shikotan", "kunashir", "iturup"]
    for f in LABELS.values():
        p = f["properties"]
        assert p["candidates"], p["id"]
        assert all(c[2] in UNIT for c in p["candidates"])


def test_positions_reproduce_from_the_committed_outlines():
    """Placement is deterministic: the committed outlines give the committed positions, twice."""
    first = labelpoints.label_features(ISLANDS, CONTEXT)
    again = labelpoints.label_features(ISLANDS, CONTEXT)
    assert [{k: v for k, v in r.items() if k != "point"} for r in first] == \
           [{k: v for k, v in r.items() if k != "point"} for r in again]
    for row in first:
        props = {k: v for k, v in LABELS[row["id"]]["properties"].items()}
        assert props == {k: v for k, v in row.items() if k != "point"}, row["id"]


@pytest.mark.parametrize("island", ISLAND_IDS)
def test_island_anchor_is_inside_its_largest_polygon(island):
    lon, lat = LABELS[island]["properties"]["inside"]
    largest = max(ISLANDS[island].geoms, key=lambda g: g.area)
    assert largest.contains(Point(lon, lat))
    # The pole of inaccessibility is well inside: about as far from the coast as any point can be.
    pole = largest.exterior.distance(Point(lon, lat))
    assert pole >= 0.8 * largest.exterior.distance(largest.representative_point())


@pytest.mark.parametrize("island", ISLAND_IDS)
def test_beside_positions_never_cover_their_island(island):
    """At any zoom the box beside the island lies past its tangent line: checked at 6, 8 and 11."""
    outline = mercator(ISLANDS[island])
    for lon, lat, align in LABELS[island]["properties"]["candidates"]:
        point = mercator(Point(lon, lat))
        for zoom in (6, 8, 11):
            m = labelpoints.metres_per_px(zoom)
            label = box(*box_at(point.x, point.y, align, 160 * m, 22 * m, GAP_PX * m))
            assert not label.intersects(outline), (island, align, zoom)


def test_beside_positions_sit_next_to_the_island():
    """Each candidate is a point of the island's own outline (its extreme point that way)."""
    for island in ISLAND_IDS:
        outline = ISLANDS[island]
        for lon, lat, _ in LABELS[island]["properties"]["candidates"]:
            assert outline.boundary.distance(Point(lon, lat)) < 0.001, island


@pytest.mark.parametrize("name", ["sea_of_okhotsk", "pacific_ocean", "nemuro_strait"])
def test_sea_names_sit_on_water(name):
    land = shapely.union_all(list(ISLANDS.values()) + list(CONTEXT.values()))
    for lon, lat, align in LABELS[name]["properties"]["candidates"]:
        assert align == "c" and not land.contains(Point(lon, lat))


def test_sea_and_strait_are_on_the_right_side():
    okhotsk = LABELS["sea_of_okhotsk"]["properties"]["candidates"][0]
    pacific = LABELS["pacific_ocean"]["properties"]["candidates"][0]
    chain = LineString([(144.0, 43.4), (145.4, 44.0), (148.9, 45.5), (151.0, 46.4)])  # Kunashir to Urup, roughly

    def north_of_chain(lon: float, lat: float) -> bool:
        return lat > float(shapely.get_coordinates(chain.intersection(LineString([(lon, 40), (lon, 50)])))[0][1])

    assert north_of_chain(*okhotsk[:2]) and not north_of_chain(*pacific[:2])
    lon, lat = LABELS["nemuro_strait"]["properties"]["candidates"][0][:2]
    assert 145.0 < lon < 145.8 and 43.6 < lat < 44.35


@pytest.mark.parametrize("name, feature", [("hokkaido", "hokkaido"), ("sakhalin", "south_sakhalin")])
def test_land_names_sit_on_their_land(name, feature):
    for lon, lat, align in LABELS[name]["properties"]["candidates"]:
        assert align == "c" and CONTEXT[feature].contains(Point(lon, lat))


def test_texts_follow_the_perspective():
    neutral, japan, russia = (label_texts(NAMES[p], p) for p in ("neutral", "japan", "russia"))
    assert neutral["iturup"] == "Iturup / Etorofu" and japan["iturup"] == "Etorofu" and russia["iturup"] == "Iturup"
    assert neutral["nemuro_strait"] == "Nemuro Strait / Kunashir Strait"
    assert japan["nemuro_strait"] == "Nemuro Strait" and russia["nemuro_strait"] == "Kunashir Strait"
    assert (neutral["urup"], japan["urup"], russia["urup"]) == ("Urup / Uruppu", "Uruppu", "Urup")
    assert neutral["hokkaido"] == japan["hokkaido"] == russia["hokkaido"] == "Hokkaido"
    assert set(neutral) == set(LABELS) == set(ISLAND_IDS) | set(CONTEXT_LABEL_NAMES)


def test_export_places_names_apart_from_the_same_positions():
    from geo.export import frame_bounds, place_labels

    frame = frame_bounds(load_islands(), None, None)
    (south, west), (north, east) = frame
    texts = label_texts(NAMES["neutral"], "neutral")
    placed = place_labels(load_islands(), load_context(), texts, frame, (11.1 / (east - west), 7.0 / (north - south)), [])
    assert set(ISLAND_IDS) <= set(placed)
    assert placed == place_labels(load_islands(), load_context(), texts, frame,
                                  (11.1 / (east - west), 7.0 / (north - south)), [])
    for i, a in enumerate(placed.values()):
        for b in list(placed.values())[i + 1:]:
            assert (a["x"], a["y"]) != (b["x"], b["y"])


# --- the geopandas build ----------------------------------------------------------


def test_frame_keeps_ints_and_nulls_and_writes_sorted_rounded_geojson():
    gdf = build.frame(
        [{"id": "a", "valid_from": 1855, "valid_to": None}, {"id": "b", "valid_from": 1905, "valid_to": 1945}],
        [LineString([(145.123456, 43.1), (146.0, 44.987654)]), LineString([(1, 2), (3, 4)])],
    )
    text = build.geojson_text(gdf, 4)
    assert text.endswith("\n") and ", " not in text
    data = json.loads(text)
    assert [f["id"] for f in data["features"]] == ["a", "b"]
    assert data["features"][0]["properties"] == {"id": "a", "valid_from": 1855, "valid_to": None}
    assert data["features"][0]["geometry"]["coordinates"] == [[145.1235, 43.1], [146.0, 44.9877]]
    assert text == build.dumps(data) + "\n"
    back = build.read_geojson(text)
    assert list(back.index) == ["a", "b"] and back.crs == "EPSG:4326"


def test_areas_go_through_an_equal_area_projection():
    one_degree = box(147.0, 44.0, 148.0, 45.0)
    # A 1°×1° cell at 44-45°N is about 111.2 km × 79.9 km.
    assert build.area_km2(one_degree) == pytest.approx(8_880, rel=0.01)
    assert list(build.areas_km2([one_degree, one_degree])) == [build.area_km2(one_degree)] * 2


def test_build_uses_geopandas_for_gshhg():
    land, lakes = build.load_land((146.5, 43.6, 147.0, 44.0))
    assert isinstance(land, gpd.GeoSeries) and land.crs == "EPSG:4326"
    assert build.GSHHG_ID["shikotan"] in land.index and land.is_valid.all()
