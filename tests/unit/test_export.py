"""The static map export (geo/export.py): PNG and SVG bytes, names, legend, geometry, determinism."""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from content.control import control_at
from content.load import load_content
from content.perspective import PERSPECTIVE_TITLES, labels_for
from geo.describe import source_line
from geo.export import (
    DEFAULT_BOUNDS,
    SEA_COLOUR,
    build_figure,
    feature_bounds,
    figure_texts,
    frame_bounds,
    km_per_degree_lon,
    map_caption,
    patch_style,
    render_map,
)
from geo.load import load_boundaries, load_context, load_islands, load_provenance
from geo.view import build_view

SVG_NS = "{http://www.w3.org/2000/svg}"
ISLAND_IDS = ["iturup", "kunashir", "shikotan", "habomai"]
TITLE = "The four islands: Iturup / Etorofu, Kunashir / Kunashiri, Shikotan and Habomai"


@pytest.fixture(scope="module")
def content():
    return load_content()


def export_args(content, year: int = 1950, perspective: str = "neutral", selected: str | None = None,
                labels: dict[str, str] | None = None) -> dict:
    view = build_view(control_at(content.events, str(year)), year, perspective, load_boundaries())
    labels = labels if labels is not None else labels_for(content.islands, perspective)
    return {
        "islands": load_islands(),
        "context": load_context(),
        "boundaries_view": view,
        "labels": labels,
        "title": TITLE,
        "caption": map_caption(PERSPECTIVE_TITLES[perspective], year, labels.get(selected) if selected else None,
                               "2025-11-23"),
        "source_line": source_line(load_provenance()) + " · Four Islands atlas",
        "selected": selected,
    }


def svg_tree(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {el.get("id"): el for el in root.iter() if el.get("id")}


def texts_under(el: ET.Element) -> list[str]:
    return [t.text or "" for t in el.iter(f"{SVG_NS}text")]


def all_text(root: ET.Element) -> str:
    """Join every <text> of the SVG with spaces (wrapped lines join back to the original)."""
    return " ".join(texts_under(root))


def path_vertex_count(el: ET.Element) -> int:
    return sum(len(re.findall(r"[ML]\s*-?[\d.]", p.get("d", ""))) for p in el.iter(f"{SVG_NS}path"))


@pytest.fixture(scope="module")
def svg_neutral_1950(content) -> bytes:
    return render_map("svg", **export_args(content))


# --- PNG ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("width_px", "selected"),
    [(2400, None), (2400, "shikotan"), (3000, "habomai")],
)
def test_png_decodes_at_the_stated_width(content, width_px, selected):
    args = export_args(content, selected=selected)
    data = render_map("png", width_px=width_px, **args)
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG"
    fig = build_figure(width_px=width_px, **args)
    w_in, h_in = fig.get_size_inches()
    assert image.size == (width_px, round(h_in * fig.dpi))
    assert image.size[0] >= 2400


def test_png_shows_the_sea_and_the_island_fills(content):
    image = Image.open(io.BytesIO(render_map("png", **export_args(content, year=1950))))
    colours = {c for _, c in image.convert("RGB").getcolors(maxcolors=1_000_000)}
    sea = tuple(int(SEA_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
    assert sea in colours


# --- SVG: names, legend, title, source ----------------------------------------


@pytest.mark.parametrize(
    ("perspective", "present", "absent"),
    [
        ("neutral", {"iturup": "Iturup / Etorofu", "kunashir": "Kunashir / Kunashiri"}, set()),
        ("japan", {"iturup": "Etorofu", "kunashir": "Kunashiri"}, {"Iturup", "Kunashir", "Iturup / Etorofu"}),
        ("russia", {"iturup": "Iturup", "kunashir": "Kunashir"}, {"Etorofu", "Kunashiri", "Iturup / Etorofu"}),
    ],
)
def test_svg_labels_islands_in_the_perspective(content, perspective, present, absent):
    root = svg_tree(render_map("svg", **export_args(content, year=2025, perspective=perspective)))
    ids = by_id(root)
    for island_id, name in present.items():
        assert texts_under(ids[f"label-{island_id}"]) == [name]
    labels = {t for island_id in ISLAND_IDS for t in texts_under(ids[f"label-{island_id}"])}
    assert not labels & absent
    assert labels == set(labels_for(content.islands, perspective).values())


@pytest.mark.parametrize(("year", "perspective"), [(1900, "neutral"), (1950, "neutral"), (2025, "japan"),
                                                   (2025, "russia"), (1860, "neutral")])
def test_svg_holds_title_caption_source_and_every_legend_text(content, year, perspective):
    args = export_args(content, year=year, perspective=perspective)
    root = svg_tree(render_map("svg", **args))
    text = all_text(root)
    assert TITLE in text
    assert args["caption"] in text
    assert args["source_line"] in text
    assert "GSHHG" in text and "LGPL-3.0" in text and "Four Islands atlas" in text
    view = args["boundaries_view"]
    assert view.legend
    for entry in view.legend:
        assert entry.label in text
    ids = by_id(root)
    assert [f"legend-swatch-{i}" in ids for i in range(len(view.legend))] == [True] * len(view.legend)
    assert {"north-label", "scale-label", "scale-zero"} <= set(ids)


# --- SVG and figure: every island drawn where the GeoJSON puts it ------------------------


@pytest.mark.parametrize("selected", [None, "iturup", "habomai"])
def test_svg_draws_every_island(content, selected):
    ids = by_id(svg_tree(render_map("svg", **export_args(content, selected=selected))))
    for island_id in ISLAND_IDS:
        assert path_vertex_count(ids[f"island-{island_id}"]) > 0, island_id


@pytest.mark.parametrize("island_id", ISLAND_IDS)
def test_drawn_patch_extent_matches_the_geojson(content, island_id):
    fig = build_figure(**export_args(content))
    ax = fig.axes[0]
    patch = next(p for p in ax.artists + ax.patches if p.get_gid() == f"island-{island_id}")
    vertices = patch.get_path().vertices
    feature = next(f for f in load_islands()["features"] if f["properties"]["id"] == island_id)
    coords = np.array([pt for poly in feature["geometry"]["coordinates"] for ring in poly for pt in ring])
    assert len(vertices) >= len(coords)
    assert np.allclose(vertices.min(axis=0), coords.min(axis=0), atol=1e-6)
    assert np.allclose(vertices.max(axis=0), coords.max(axis=0), atol=1e-6)
    (south, north), (west, east) = ax.get_ylim(), ax.get_xlim()
    assert west <= coords[:, 0].min() and coords[:, 0].max() <= east
    assert south <= coords[:, 1].min() and coords[:, 1].max() <= north


def test_map_aspect_is_equirectangular_at_the_mid_latitude(content):
    fig = build_figure(**export_args(content))
    ax = fig.axes[0]
    (south, north), (west, east) = ax.get_ylim(), ax.get_xlim()
    pos = ax.get_position()
    w_in, h_in = pos.width * fig.get_figwidth(), pos.height * fig.get_figheight()
    expected = (north - south) / ((east - west) * math.cos(math.radians((south + north) / 2)))
    assert h_in / w_in == pytest.approx(expected, rel=0.01)
    assert ax.get_aspect() == pytest.approx(1 / math.cos(math.radians((south + north) / 2)))


@pytest.mark.parametrize(
    ("lat", "km"),
    [(0.0, 111.32), (44.5, 79.50), (60.0, 55.80)],
)
def test_km_per_degree_of_longitude(lat, km):
    assert km_per_degree_lon(lat) == pytest.approx(km, abs=0.05)


@pytest.mark.parametrize(
    ("selected", "bounds", "expect_inside"),
    [
        (None, None, DEFAULT_BOUNDS),
        ("shikotan", None, None),
        (None, ((43.2, 145.4), (43.9, 146.5)), ((43.2, 145.4), (43.9, 146.5))),
    ],
)
def test_frame_bounds_contains_what_was_asked(selected, bounds, expect_inside):
    (south, west), (north, east) = frame_bounds(load_islands(), selected, bounds)
    if selected:
        feature = next(f for f in load_islands()["features"] if f["properties"]["id"] == selected)
        expect_inside = feature_bounds(feature)
    (s, w), (n, e) = expect_inside
    assert south <= s and west <= w and north >= n and east >= e
    ratio = (north - south) / ((east - west) * math.cos(math.radians((south + north) / 2)))
    assert 0.6 - 1e-9 <= ratio <= 1.0 + 1e-9


# --- year, perspective and selection change the drawing ------------------------------------


def island_fill(root: ET.Element, island_id: str) -> str:
    path = next(by_id(root)[f"island-{island_id}"].iter(f"{SVG_NS}path"))
    return re.search(r"fill:\s*(#[0-9a-f]{6})", path.get("style", "")).group(1)


def test_year_changes_the_island_fills(content):
    fills = {
        year: {i: island_fill(svg_tree(render_map("svg", **export_args(content, year=year))), i) for i in ISLAND_IDS}
        for year in (1900, 1950)
    }
    for island_id in ISLAND_IDS:
        assert fills[1900][island_id] != fills[1950][island_id]
    assert fills[1900]["iturup"] == "#d9822b"  # Japan's colour in geo.view.PALETTE
    assert fills[1950]["iturup"] == "#5b7db1"  # Russia's


def test_selected_island_is_emphasised(content):
    fig = build_figure(**export_args(content, selected="kunashir"))
    ax = fig.axes[0]
    patches = {p.get_gid(): p for p in ax.artists + ax.patches if (p.get_gid() or "").startswith("island-")}
    # A halo outside the coast, not a thick stroke that fills in small islets.
    halos = {gid for gid, p in patches.items() if p.get_path_effects()}
    assert halos == {"island-kunashir"}
    widths = {gid: p.get_linewidth() for gid, p in patches.items()}
    assert widths["island-kunashir"] <= max(w for gid, w in widths.items() if gid != "island-kunashir")
    texts = {t.get_gid(): t for t in ax.texts}
    assert texts["label-kunashir"].get_fontsize() > texts["label-iturup"].get_fontsize()


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ({"fillColor": "#5b7db1", "fillOpacity": 0.45, "color": "#3d3d3d", "weight": 1.0, "dashArray": None},
         {"facecolor": (0x5b / 255, 0x7d / 255, 0xb1 / 255, 0.45), "linestyle": "solid"}),
        ({"fillColor": "#d9822b", "fillOpacity": 0.85, "color": "#b3261e", "weight": 2.0, "dashArray": "5 4"},
         {"facecolor": (0xd9 / 255, 0x82 / 255, 0x2b / 255, 0.85), "linestyle": (0, (4.5, 3.6))}),
    ],
)
def test_leaflet_styles_convert_to_patch_styles(style, expected):
    got = patch_style(style)
    assert got["facecolor"] == pytest.approx(expected["facecolor"])
    if expected["linestyle"] == "solid":
        assert got["linestyle"] == "solid"
    else:
        assert got["linestyle"][0] == 0 and got["linestyle"][1] == pytest.approx(expected["linestyle"][1])


# --- determinism, escaping, errors ---------------------------------------------------------


def test_two_svg_renders_are_byte_identical(content, svg_neutral_1950):
    assert render_map("svg", **export_args(content)) == svg_neutral_1950
    assert b"<dc:date>" not in svg_neutral_1950


def test_two_png_renders_are_byte_identical(content):
    args = export_args(content, selected="habomai")
    assert render_map("png", **args) == render_map("png", **args)


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", "$x$ and $\\frac{1}{2}$", "Tom & Jerry's \"isle\" </text>", "{{ x }} %s \\n"],
)
def test_hostile_text_appears_literally(content, hostile):
    labels = {**labels_for(content.islands, "neutral"), "shikotan": hostile}
    args = {**export_args(content, labels=labels), "title": f"Title {hostile}", "caption": hostile}
    data = render_map("svg", **args)
    root = svg_tree(data)
    assert texts_under(by_id(root)["label-shikotan"]) == [hostile]
    assert hostile in all_text(root)
    assert b"<script" not in data
    png = render_map("png", **args)
    assert Image.open(io.BytesIO(png)).size[0] == 2400
    assert figure_texts(build_figure(**args))["label-shikotan"] == hostile


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"fmt": "pdf"}, "format must be one of png, svg"),
        ({"width_px": 100}, "width_px must be between"),
        ({"selected": "urup"}, "unknown island 'urup'"),
        ({"bounds": ((45.0, 145.0), (44.0, 146.0))}, "south < north"),
    ],
)
def test_bad_arguments_raise(content, change, message):
    args = export_args(content)
    fmt = change.pop("fmt", "png")
    with pytest.raises(ValueError, match=re.escape(message)):
        render_map(fmt, **{**args, **change})


def test_sea_colour_matches_the_interactive_map():
    from geo.mapview import SEA_COLOUR as MAP_SEA

    assert SEA_COLOUR == MAP_SEA
