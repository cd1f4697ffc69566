"""Render the map as a static PNG or SVG with matplotlib: no browser, no tile server.

Draws what the interactive map shows for a MapView (geo/view.py): the same fills,
boundary lines and legend texts, plus island labels with a halo, a scale bar, a
north arrow, the title, the caption and the source line.

The plot is equirectangular: x is longitude and y latitude (EPSG:4326, degrees),
with an aspect of 1/cos(mid-latitude), so shapes keep their proportions at the
centre of the map and every patch's data coordinates are the GeoJSON's own.
Text stays text in the SVG (svg.fonttype "none"), so a journalist can edit it,
and every island, label and legend text carries an id (matplotlib gid).
"""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence

import matplotlib
import numpy as np
from matplotlib import font_manager
from matplotlib import patheffects
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, PathPatch, Polygon, Rectangle
from matplotlib.path import Path
from matplotlib.textpath import TextToPath

from content.i18n import BABEL_LOCALES, LANGUAGES, _, language, using
from geo.labelbox import GAP_PX, box_at
from geo.load import load_labels
from geo.maplabels import label_specs, label_texts
from geo.view import LINE_STYLES, MapView

Bounds = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east)), degrees WGS84

FORMATS = ("png", "svg")
SEA_COLOUR = "#c9dde9"  # as geo.mapview.SEA_COLOUR: the interactive map's background
# Merged over the view's style for the selected island, as the interactive map does (geo.mapview
# PICKED_STYLE), with the map's yellow halo drawn as a wide stroke under the island.
SELECTED_STYLE = {"weight": 1.2, "color": "#1b1b1b", "dashArray": None, "fillOpacity": 0.95}
SELECTED_HALO = "#ffd23f"
LINE_OPACITY = 0.95  # boundary lines, as on the interactive map
# The four islands, the Nemuro peninsula and Urup's southern tip.
DEFAULT_BOUNDS: Bounds = ((43.0, 144.9), (46.0, 149.9))
ISLAND_PAD = 0.3  # of an island's span, on each side, when framing a selected island
MIN_SPAN_DEG = 1.0  # smallest latitude span around a selected island, so that its neighbours show
ASPECT_RANGE = (0.6, 1.0)  # map height / width; bounds are widened to fit, never cropped

FIG_WIDTH_IN = 12.0  # the layout is fixed in inches; width_px only sets the dpi
MARGIN_IN = 0.45
MIN_WIDTH_PX, MAX_WIDTH_PX = 800, 8000
PNG_COMPRESS_LEVEL = 3  # zlib level: 6 (PIL's default) takes twice as long for a file about 10 % smaller
PT_PER_PX = 0.9  # Leaflet weights and dashes are CSS px; the export is a larger canvas than a screen
FONT_FAMILY = "DejaVu Sans"
CJK_FAMILY = "Noto Sans CJK JP"
# Tried in order for each glyph (matplotlib's per-glyph font fallback): Latin and Cyrillic from
# DejaVu Sans (shipped with matplotlib), kana and kanji from Noto Sans CJK (Debian fonts-noto-cjk).
# Japanese text is set in Noto Sans CJK JP throughout, so that one line never mixes two designs.
FALLBACK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK KR")  # same glyphs, if only another locale's file is found
WIDTH_PER_EM = 0.6  # average advance of DejaVu Sans text, in ems, for wrapping estimates
NO_LINE_START = "、。，．・：；？！）」』】〕〉》ーぁぃぅぇぉっゃゅょァィゥェォッャュョ…"  # kinsoku: never first on a line

TITLE_PT, CAPTION_PT, LABEL_PT, LEGEND_PT, SOURCE_PT, MARK_PT = 20.0, 12.5, 14.0, 11.0, 9.0, 11.0
INK = "#1b1b1b"
MUTED = "#4a4a4a"
HALO = "#ffffff"
WATER_INK = "#1f5c8a"
# Names: (size, weight, style, colour) per kind; positions from geo/data/labels.geojson, as on the map.
LABEL_STYLES = {
    "island": (LABEL_PT, "bold", "normal", INK),
    "land": (LABEL_PT * 0.85, "bold", "italic", MUTED),
    "water": (LABEL_PT * 0.85, "normal", "italic", WATER_INK),
}

WGS84_A_KM = 6378.137
WGS84_E2 = 0.00669437999014
NICE_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)

_SAVE_RC = {
    "svg.fonttype": "none",  # text stays <text>, editable and searchable
    "svg.hashsalt": "four-islands",  # fixed ids, so two renders are byte-identical
    "lines.scale_dashes": False,  # dashes are given in points, converted from Leaflet px
    "text.usetex": False,
    "text.parse_math": False,
    "path.simplify": False,
}


def _installed(family: str) -> bool:
    try:
        font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=None)
def _families(lang: str) -> tuple[str, ...]:
    cjk = next((f for f in (CJK_FAMILY, *FALLBACK_FAMILIES) if _installed(f)), None)
    if cjk is None:
        return (FONT_FAMILY,)
    return (cjk, FONT_FAMILY) if lang == "ja" else (FONT_FAMILY, cjk)


def font_families(lang: str | None = None) -> tuple[str, ...]:
    """Return the font fallback chain for a language (the run's by default).

    DejaVu Sans then Noto Sans CJK JP; for Japanese, Noto Sans CJK JP first. Without a CJK font
    installed, DejaVu Sans alone (Latin and Cyrillic only).
    """
    return _families(lang if lang in LANGUAGES else language())


def km_per_degree_lon(lat: float) -> float:
    """Return the length of one degree of longitude at a latitude, in km on the WGS84 ellipsoid."""
    phi = math.radians(lat)
    return math.pi / 180 * WGS84_A_KM * math.cos(phi) / math.sqrt(1 - WGS84_E2 * math.sin(phi) ** 2)


def map_caption(perspective_title: str, year: int, island_label: str | None = None,
                generated: str | None = None) -> str:
    """Return the caption line: 'Neutral atlas · 1950 · Shikotan · generated 2025-11-23' (ISO date).

    In the run's language; the perspective title and island label are given already translated.
    """
    parts = [perspective_title, str(year)]
    if island_label:
        parts.append(island_label)
    if generated:
        parts.append(_("generated {date}").format(date=generated))
    return " · ".join(parts)


# --- geometry ---------------------------------------------------------------


def _polygons(geometry: Mapping[str, Any]) -> list[list[list[list[float]]]]:
    """Return a Polygon's or MultiPolygon's polygons, each a list of rings of [lon, lat]."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"expected a Polygon or MultiPolygon, got {geometry['type']}")


def geometry_path(geometry: Mapping[str, Any]) -> Path:
    """Return one compound matplotlib Path of every ring, vertices [lon, lat] as in the GeoJSON."""
    vertices: list[Sequence[float]] = []
    codes: list[int] = []
    for polygon in _polygons(geometry):
        for ring in polygon:
            if len(ring) < 3:
                continue
            vertices.extend(ring)
            codes.extend([Path.MOVETO] + [Path.LINETO] * (len(ring) - 2) + [Path.CLOSEPOLY])
    return Path(np.asarray(vertices, dtype=float).reshape(-1, 2), codes)


def feature_bounds(feature: Mapping[str, Any]) -> Bounds:
    """Return ((south, west), (north, east)) of a feature's outer rings, degrees WGS84."""
    points = np.concatenate([np.asarray(p[0], dtype=float) for p in _polygons(feature["geometry"])])
    (west, south), (east, north) = points.min(axis=0), points.max(axis=0)
    return (float(south), float(west)), (float(north), float(east))


def _features_by_id(collection: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {f["properties"]["id"]: f for f in collection["features"]}


def frame_bounds(islands: Mapping[str, Any], selected: str | None, bounds: Bounds | None) -> Bounds:
    """Return the map's extent: the bounds given, the selected island padded, or the default.

    The result is widened (never cropped) to a height/width ratio within ASPECT_RANGE.
    """
    if bounds is not None:
        (south, west), (north, east) = bounds
        if not (-90 <= south < north <= 90 and -180 <= west < east <= 180):
            raise ValueError(f"bounds must be ((south, west), (north, east)) with south < north and "
                             f"west < east, in degrees; got {bounds!r}")
    elif selected is not None:
        (south, west), (north, east) = feature_bounds(_features_by_id(islands)[selected])
        pad_lat = max((north - south) * ISLAND_PAD, (MIN_SPAN_DEG - (north - south)) / 2)
        pad_lon = max((east - west) * ISLAND_PAD, pad_lat)
        south, north, west, east = south - pad_lat, north + pad_lat, west - pad_lon, east + pad_lon
    else:
        (south, west), (north, east) = DEFAULT_BOUNDS
    cos_mid = math.cos(math.radians((south + north) / 2))
    ratio = (north - south) / ((east - west) * cos_mid)
    low, high = ASPECT_RANGE
    if ratio > high:
        grow = ((north - south) / (high * cos_mid) - (east - west)) / 2
        west, east = west - grow, east + grow
    elif ratio < low:
        grow = (low * (east - west) * cos_mid - (north - south)) / 2
        south, north = south - grow, north + grow
    return (south, west), (north, east)


# --- styles -------------------------------------------------------------------


def _dashes(dash_array: str | None) -> tuple[float, ...] | None:
    """Convert a Leaflet dashArray ('8 6', px) to matplotlib on/off lengths in points."""
    if not dash_array:
        return None
    values = [float(v) * PT_PER_PX for v in dash_array.replace(",", " ").split()]
    if len(values) % 2:
        values *= 2  # SVG semantics: an odd list is repeated
    return tuple(values)


def _linestyle(dash_array: str | None) -> Any:
    dashes = _dashes(dash_array)
    return (0, dashes) if dashes else "solid"


def patch_style(style: Mapping[str, Any]) -> dict[str, Any]:
    """Convert a Leaflet path style (fillColor, fillOpacity, color, weight, dashArray) to patch kwargs."""
    return {
        "facecolor": to_rgba(style.get("fillColor", "#3388ff"), style.get("fillOpacity", 0.2)),
        "edgecolor": to_rgba(style.get("color", "#3388ff"), style.get("opacity", 1.0)),
        "linewidth": float(style.get("weight", 3)) * PT_PER_PX,
        "linestyle": _linestyle(style.get("dashArray")),
        "joinstyle": "round",
    }


def line_style(style: Mapping[str, Any]) -> dict[str, Any]:
    """Convert a LINE_STYLES entry to Line2D kwargs."""
    kwargs = {
        "color": to_rgba(style["color"], LINE_OPACITY),
        "linewidth": float(style["weight"]) * PT_PER_PX,
        "solid_capstyle": "round",
        "dash_capstyle": "butt",
    }
    dashes = _dashes(style.get("dashArray"))
    if dashes:
        kwargs["dashes"] = dashes
    return kwargs


# --- layout -------------------------------------------------------------------


_TEXT_TO_PATH = TextToPath()


def _font(size: float, weight: str = "normal", style: str = "normal") -> font_manager.FontProperties:
    return font_manager.FontProperties(family=list(font_families()), size=size, weight=weight, style=style)


def text_width_pt(text: str, size: float, weight: str = "normal") -> float:
    """Return the advance width of one line of text, in points."""
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(text, _font(size, weight), ismath=False)
    return width


def _wrap(text: str, size: float, width_in: float) -> list[str]:
    """Wrap to a width: at spaces, or between any two characters in text without spaces (Japanese)."""
    if not text:
        return [""]
    # The text's own average advance: kana and kanji are a full em wide, Latin about 0.6.
    per_em = max(WIDTH_PER_EM, text_width_pt(text, size) / (size * len(text)))
    chars = max(10, int(width_in * 72 / (size * per_em)))
    lines = textwrap.wrap(text, chars) or [""]
    for i in range(1, len(lines)):  # Japanese line breaking: no line starts with closing punctuation
        while lines[i] and lines[i][0] in NO_LINE_START and len(lines[i]) > 1:
            lines[i - 1] += lines[i][0]
            lines[i] = lines[i][1:]
    return lines


@dataclass(frozen=True)
class _Layout:
    width: float
    height: float
    map_box: tuple[float, float, float, float]  # left, bottom, width, height; inches
    title: list[str]
    caption: list[str]
    legend: list[tuple[int, float, float, list[str]]]  # (entry index, x, y from top, lines)
    legend_top: float
    source: list[str]
    source_top: float


def _layout(bounds: Bounds, view: MapView, title: str, caption: str, source_line: str,
            fig_width: float = FIG_WIDTH_IN) -> _Layout:
    """Place the blocks top to bottom, in inches: title, caption, map, legend, source line."""
    (south, west), (north, east) = bounds
    inner = fig_width - 2 * MARGIN_IN
    y = 0.35
    title_lines = _wrap(title, TITLE_PT, inner) if title else []
    y += len(title_lines) * TITLE_PT * 1.25 / 72
    caption_lines = _wrap(caption, CAPTION_PT, inner) if caption else []
    y += len(caption_lines) * CAPTION_PT * 1.3 / 72 + 0.15
    map_top = y
    map_h = inner * (north - south) / ((east - west) * math.cos(math.radians((south + north) / 2)))
    y += map_h + 0.22

    legend_top = y
    columns = 2 if len(view.legend) > 1 else 1
    col_w = inner / columns
    swatch_w = 0.55
    rows: list[tuple[int, float, float, list[str]]] = []
    line_h = LEGEND_PT * 1.3 / 72
    for start in range(0, len(view.legend), columns):
        row = []
        for col, index in enumerate(range(start, min(start + columns, len(view.legend)))):
            lines = _wrap(view.legend[index].label, LEGEND_PT, col_w - swatch_w - 0.35)
            row.append((index, MARGIN_IN + col * col_w, y, lines))
        rows.extend(row)
        y += max(len(r[3]) for r in row) * line_h + 0.12
    source_top = y + 0.12
    source_lines = _wrap(source_line, SOURCE_PT, inner)
    y = source_top + len(source_lines) * SOURCE_PT * 1.35 / 72 + 0.3
    height = round(y, 2)
    map_box = (MARGIN_IN, height - map_top - map_h, inner, map_h)
    return _Layout(fig_width, height, map_box, title_lines, caption_lines, rows, legend_top,
                   source_lines, source_top)


# --- drawing ------------------------------------------------------------------


def _check(fmt: str | None, islands: Mapping[str, Any], view: MapView, selected: str | None,
           width_px: int) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    if not MIN_WIDTH_PX <= width_px <= MAX_WIDTH_PX:
        raise ValueError(f"width_px must be between {MIN_WIDTH_PX} and {MAX_WIDTH_PX}; got {width_px}")
    known = _features_by_id(islands)
    if selected is not None and selected not in known:
        raise ValueError(f"unknown island {selected!r}; expected one of {', '.join(known)}")
    missing = [i for i in known if i not in view.styles]
    if missing:
        raise ValueError(f"the view has no style for {', '.join(missing)}")


def _samples(box: tuple[float, ...]) -> np.ndarray:
    """Return fifteen points spread over a box (x0, y0, x1, y1): its corners, edges and middle."""
    xs, ys = np.linspace(box[0], box[2], 5), np.linspace(box[1], box[3], 3)
    return np.array([(x, y) for x in xs for y in ys])


def _vertex_in(path: Path, box: tuple[float, ...]) -> bool:
    v = path.vertices
    return bool(np.any((v[:, 0] > box[0]) & (v[:, 0] < box[2]) & (v[:, 1] > box[1]) & (v[:, 1] < box[3])))


def _hits(paths: Sequence[Path], box: tuple[float, ...]) -> bool:
    """Return True if a box touches any of the paths (a vertex inside it, or a point of it inside one)."""
    points = _samples(box)
    return any(_vertex_in(p, box) or p.contains_points(points).any() for p in paths)


def place_labels(
    islands: Mapping[str, Any], context: Mapping[str, Any], texts: Mapping[str, str], frame: Bounds,
    inch_per_deg: tuple[float, float], reserved: Sequence[tuple[float, ...]], selected: str | None = None,
) -> dict[str, dict[str, Any]]:
    """Place every name as the interactive map does, from the same positions (geo/data/labels.geojson).

    In placement order, each name takes the first position whose box stays in the frame and clear of
    the names already placed, the reserved boxes and the four islands: inside its island when it fits
    there, else the candidates beside it (clear of all land first), a two-name label on two lines
    next; a context name with no free position is left out. Returns {id: Text kwargs} (x, y in lon/lat).
    """
    sx, sy = inch_per_deg
    (south, west), (north, east) = frame
    island_paths = {i: geometry_path(f["geometry"]) for i, f in _features_by_id(islands).items()}
    land_paths = {i: geometry_path(f["geometry"]) for i, f in _features_by_id(context).items()}
    every_land = list(island_paths.values()) + list(land_paths.values())
    placed: list[tuple[float, ...]] = []
    out: dict[str, dict[str, Any]] = {}
    for spec in label_specs(load_labels()):
        label_id, kind = spec["id"], spec["kind"]
        text = texts.get(label_id)
        if not text:
            continue
        size, weight, style, colour = LABEL_STYLES[kind]
        if label_id == selected:
            size *= 1.15
        forms = [text] + ([text.replace(" / ", " /\n", 1)] if " / " in text else [])
        tries = ([(spec["inside"], "c", True)] if spec["inside"] else []) + [
            (c[:2], c[2], False) for c in spec["candidates"]]
        rounds = [(form, strict) for strict in ((True, False) if kind == "island" else (True,)) for form in forms]
        found = None
        for form, strict in rounds:
            lines = form.split("\n")
            w_in = max(text_width_pt(line, size, weight) for line in lines) / 72
            h_in = len(lines) * size * 1.2 / 72
            for (lon, lat), align, inside in tries:
                gap = 0.0 if align == "c" else GAP_PX / 72
                x0, y0, x1, y1 = box_at(lon * sx, lat * sy, align, w_in, h_in, gap)
                box = (x0 / sx, y0 / sy, x1 / sx, y1 / sy)
                if not (west <= box[0] and box[2] <= east and south <= box[1] and box[3] <= north):
                    continue
                if any(_overlap(box, r) for r in [*placed, *reserved]):
                    continue
                if inside:
                    own = island_paths[label_id]
                    others = [p for i, p in island_paths.items() if i != label_id]
                    if _vertex_in(own, box) or not own.contains_points(_samples(box)).all() or _hits(others, box):
                        continue
                elif _hits(list(island_paths.values()), box):
                    continue
                elif (strict or kind == "water") and _hits(every_land, box):
                    continue
                elif align == "c" and spec["feature"] and not land_paths[spec["feature"]].contains_points(
                        _samples(box)).all():
                    continue
                found = (box, form)
                break
            if found:
                break
        if found is None:
            continue
        box, form = found
        placed.append(box)
        out[label_id] = {"x": (box[0] + box[2]) / 2, "y": (box[1] + box[3]) / 2, "s": form, "ha": "center",
                         "va": "center", "multialignment": "center", "fontsize": size, "fontweight": weight,
                         "fontstyle": style, "color": colour, "kind": kind}
    return out


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _reserved_boxes(bounds: Bounds) -> list[tuple[float, float, float, float]]:
    """Return the scale bar's and north arrow's boxes (x0, y0, x1, y1 in lon/lat), kept free of labels."""
    (south, west), (north, east) = bounds
    dlon, dlat = east - west, north - south
    left, right, _ = _scale_bar_span(bounds)
    scale = (left - 0.03 * dlon, south + 0.025 * dlat, right + 0.045 * dlon, south + 0.11 * dlat)
    arrow = (west + 0.018 * dlon, south + 0.86 * dlat, west + 0.068 * dlon, south + 0.985 * dlat)
    return [scale, arrow]


def _scale_bar_span(bounds: Bounds) -> tuple[float, float, int]:
    """Return the scale bar's left and right ends (longitude) and its length in km."""
    (south, west), (north, east) = bounds
    per_deg = km_per_degree_lon((south + north) / 2)
    km = _scale_length_km((east - west) * per_deg)
    right = east - 0.06 * (east - west)
    return right - km / per_deg, right, km


def _scale_length_km(map_km: float) -> int:
    """Return the longest round length that fits in about a fifth of the map's width, in km."""
    fitting = [k for k in NICE_KM if k <= map_km * 0.22]
    return fitting[-1] if fitting else NICE_KM[0]


def _draw_scale_bar(ax: Any, bounds: Bounds) -> None:
    """Draw a scale bar in km, true along the mid-latitude parallel, in the lower right corner."""
    (south, west), (north, east) = bounds
    dlon, dlat = east - west, north - south
    mid = (south + north) / 2
    left, right, km = _scale_bar_span(bounds)
    length = right - left
    base = south + 0.06 * dlat
    bar_h = 0.011 * dlat
    x0, y0, x1, y1 = _reserved_boxes(bounds)[0]
    ax.add_patch(FancyBboxPatch(
        (x0, y0), x1 - x0, y1 - y0,
        boxstyle="round,pad=0,rounding_size=0.01", facecolor=(1, 1, 1, 0.85), edgecolor="none",
        mutation_aspect=dlat / dlon, gid="scale-bar-box", zorder=20,
    ))
    for i in range(4):
        ax.add_patch(Rectangle(
            (left + i * length / 4, base), length / 4, bar_h,
            facecolor=INK if i % 2 == 0 else "white", edgecolor=INK, linewidth=0.8,
            gid=f"scale-bar-{i}", zorder=21,
        ))
    common = dict(va="bottom", color=INK, fontfamily=list(font_families()), parse_math=False, zorder=22)
    ticks = [(left, "0", "scale-zero"), ((left + right) / 2, _number(km / 2, "#,##0.#"), "scale-half"),
             (right, _("{km} km").format(km=km), "scale-label")]
    for x, text, gid in ticks:
        ha = "left" if gid == "scale-label" else "center"
        x = x - 0.004 * dlon if gid == "scale-label" else x
        ax.text(x, base + bar_h * 1.6, text, fontsize=MARK_PT, ha=ha, gid=gid, **common)
    true_at = _("true at {lat}°N") if mid >= 0 else _("true at {lat}°S")
    ax.text((left + right) / 2, base - bar_h * 0.6, true_at.format(lat=_number(abs(mid), "0.0")),
            fontsize=MARK_PT * 0.8, ha="center", va="top", color=MUTED, fontfamily=list(font_families()),
            parse_math=False, gid="scale-latitude", zorder=22)


def _draw_north_arrow(ax: Any) -> None:
    """Draw a north arrow in the upper left corner (north is straight up on this projection)."""
    box = FancyBboxPatch((0.018, 0.86), 0.05, 0.125, boxstyle="round,pad=0,rounding_size=0.008",
                         transform=ax.transAxes, facecolor=(1, 1, 1, 0.85), edgecolor="none",
                         gid="north-arrow-box", zorder=20)
    ax.add_patch(box)
    cx = 0.043
    ax.add_patch(Polygon([(cx, 0.945), (cx - 0.014, 0.875), (cx, 0.89)], closed=True, transform=ax.transAxes,
                         facecolor=INK, edgecolor=INK, linewidth=0.8, gid="north-arrow", zorder=21))
    ax.add_patch(Polygon([(cx, 0.945), (cx + 0.014, 0.875), (cx, 0.89)], closed=True, transform=ax.transAxes,
                         facecolor="white", edgecolor=INK, linewidth=0.8, gid="north-arrow-right", zorder=21))
    # TRANSLATORS: the letter on the north arrow (north).
    ax.text(cx, 0.95, _("N"), transform=ax.transAxes, fontsize=MARK_PT * 1.2, fontweight="bold", ha="center",
            va="bottom", color=INK, fontfamily=list(font_families()), parse_math=False, gid="north-label",
            zorder=22)


def _number(value: float, pattern: str) -> str:
    """Format a number with the run's language's decimal separator."""
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=BABEL_LOCALES[language()])


def _add(ax: Any, patch: PathPatch) -> None:
    """Add a patch in data coordinates without updating the data limits (set by hand; much faster)."""
    ax.add_artist(patch)


def build_figure(
    *,
    islands: Mapping[str, Any],
    context: Mapping[str, Any],
    boundaries_view: MapView,
    labels: Mapping[str, str],
    title: str,
    caption: str,
    source_line: str,
    selected: str | None = None,
    bounds: Bounds | None = None,
    width_px: int = 2400,
    layout_width_in: float = FIG_WIDTH_IN,
    lang: str | None = None,
) -> Figure:
    """Build the export's matplotlib Figure (not drawn); render_map saves it as PNG or SVG.

    Axes data coordinates are [lon, lat], WGS84. The figure is layout_width_in wide (type sizes
    are fixed in points, so a narrower layout has relatively larger type: 8 in suits a printed
    handout) at a dpi of width_px / layout_width_in; its height follows from the extent and legend.
    The map's own texts (scale bar, north arrow) and its fonts follow `lang` (the run's by default);
    the title, caption, legend, labels and source line are given already in that language.
    """
    with using(lang or language()):
        return _build_figure(islands=islands, context=context, boundaries_view=boundaries_view, labels=labels,
                             title=title, caption=caption, source_line=source_line, selected=selected,
                             bounds=bounds, width_px=width_px, layout_width_in=layout_width_in)


def _build_figure(*, islands: Mapping[str, Any], context: Mapping[str, Any], boundaries_view: MapView,
                  labels: Mapping[str, str], title: str, caption: str, source_line: str, selected: str | None,
                  bounds: Bounds | None, width_px: int, layout_width_in: float) -> Figure:
    view = boundaries_view
    _check(None, islands, view, selected, width_px)
    frame = frame_bounds(islands, selected, bounds)
    (south, west), (north, east) = frame
    if not 6.0 <= layout_width_in <= 24.0:
        raise ValueError(f"layout_width_in must be between 6 and 24 inches; got {layout_width_in}")
    layout = _layout(frame, view, title, caption, source_line, layout_width_in)
    families = list(font_families())

    with matplotlib.rc_context(_SAVE_RC):
        fig = Figure(figsize=(layout.width, layout.height), dpi=width_px / layout.width, facecolor="white")
        left, bottom, width, height = layout.map_box
        W, H = layout.width, layout.height
        ax = fig.add_axes((left / W, bottom / H, width / W, height / H), gid="map")
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)), adjustable="box", anchor="C")
        ax.set_facecolor(SEA_COLOUR)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_edgecolor(MUTED)
            spine.set_linewidth(0.8)

        for feature_id, feature in _features_by_id(context).items():
            style = view.styles.get(feature_id)
            if style is None:
                continue
            _add(ax, PathPatch(geometry_path(feature["geometry"]), **patch_style(style),
                               gid=f"context-{feature_id}", zorder=1))

        for line in view.lines:
            coords = np.asarray(line["geometry"]["coordinates"], dtype=float)
            props = line["properties"]
            ax.add_line(Line2D(coords[:, 0], coords[:, 1], **line_style(LINE_STYLES[props["style"]]),
                               gid=f"line-{props['id']}", zorder=3))

        features = _features_by_id(islands)
        order = [i for i in features if i != selected] + ([selected] if selected else [])
        for island_id in order:
            style = dict(view.styles[island_id])
            if island_id == selected:
                style.update(SELECTED_STYLE)
            halo = [patheffects.Stroke(linewidth=5, foreground=SELECTED_HALO), patheffects.Normal()]
            _add(ax, PathPatch(geometry_path(features[island_id]["geometry"]), **patch_style(style),
                               gid=f"island-{island_id}", zorder=5 if island_id == selected else 4,
                               path_effects=halo if island_id == selected else None))

        inch_per_deg = (width / (east - west), height / (north - south))
        texts = label_texts(labels, view.perspective)
        for label_id, place in place_labels(islands, context, texts, frame, inch_per_deg,
                                            _reserved_boxes(frame), selected).items():
            kind = place.pop("kind")
            gid = f"label-{label_id}" if kind == "island" else f"context-label-{label_id}"
            common = dict(fontfamily=families, parse_math=False, usetex=False, clip_on=True, **place)
            # The halo is its own text, drawn as a path; the label on top stays a <text> element.
            ax.text(**{**common, "color": HALO}, gid=f"label-halo-{label_id}", zorder=11,
                    path_effects=[patheffects.Stroke(linewidth=4.5 if kind == "island" else 3.5, foreground=HALO)])
            ax.text(**common, gid=gid, zorder=12)

        _draw_scale_bar(ax, frame)
        _draw_north_arrow(ax)

        def put(x: float, y_top: float, text: str, size: float, gid: str, **kw: Any) -> None:
            fig.text(x / W, (H - y_top) / H, text, fontsize=size, va="top", ha="left", fontfamily=families,
                     parse_math=False, usetex=False, gid=gid, **kw)

        y = 0.35
        for i, line in enumerate(layout.title):
            put(MARGIN_IN, y, line, TITLE_PT, "title" if i == 0 else f"title-{i}", fontweight="bold", color=INK)
            y += TITLE_PT * 1.25 / 72
        for i, line in enumerate(layout.caption):
            put(MARGIN_IN, y, line, CAPTION_PT, "caption" if i == 0 else f"caption-{i}", color=MUTED)
            y += CAPTION_PT * 1.3 / 72

        line_h = LEGEND_PT * 1.3 / 72
        for index, x, y_top, lines in layout.legend:
            entry = view.legend[index]
            sw_y = H - y_top - line_h * 0.5
            if entry.kind == "fill":
                fig.add_artist(Rectangle(
                    (x + 0.02, sw_y - 0.09), 0.44, 0.18, transform=fig.dpi_scale_trans,
                    facecolor=entry.color, edgecolor=entry.edge or "#3d3d3d", linewidth=1.6 * PT_PER_PX,
                    linestyle=_linestyle(entry.dash), gid=f"legend-swatch-{index}",
                ))
            else:
                fig.add_artist(Line2D(
                    [x + 0.02, x + 0.46], [sw_y, sw_y], transform=fig.dpi_scale_trans,
                    **line_style({"color": entry.color, "weight": 3.0, "dashArray": entry.dash}),
                    gid=f"legend-swatch-{index}",
                ))
            for j, text in enumerate(lines):
                gid = f"legend-{index}" if j == 0 else f"legend-{index}-{j}"
                put(x + 0.6, y_top + j * line_h, text, LEGEND_PT, gid, color=INK)

        for i, line in enumerate(layout.source):
            put(MARGIN_IN, layout.source_top + i * SOURCE_PT * 1.35 / 72, line, SOURCE_PT,
                "source" if i == 0 else f"source-{i}", color=MUTED)
    return fig


def figure_texts(fig: Figure) -> dict[str, str]:
    """Map each text's gid to its string, for every text in the figure and its axes."""
    texts = list(fig.texts) + [t for ax in fig.axes for t in ax.texts]
    return {t.get_gid(): t.get_text() for t in texts if t.get_gid()}


def render_map(
    fmt: str,
    *,
    islands: Mapping[str, Any],
    context: Mapping[str, Any],
    boundaries_view: MapView,
    labels: Mapping[str, str],
    title: str,
    caption: str,
    source_line: str,
    selected: str | None = None,
    bounds: Bounds | None = None,
    width_px: int = 2400,
    layout_width_in: float = FIG_WIDTH_IN,
    lang: str | None = None,
) -> bytes:
    """Render the map as PNG (width_px wide) or SVG bytes; the same inputs give the same bytes.

    `islands`, `context`: GeoJSON FeatureCollections, EPSG:4326. `boundaries_view`: the
    MapView the interactive map shows (fills, lines, legend). `labels`: island id -> name in
    the perspective. `bounds`: ((south, west), (north, east)) in degrees, or None for the
    selected island padded, or the four islands with the Nemuro peninsula and Urup's tip.
    A long title, caption or source line is wrapped to the width (an empty title is left out);
    text is never parsed as mathtext or markup. `lang` (en, ja, ru; the run's by default) sets the
    scale bar's and north arrow's words and the fonts: Japanese and Cyrillic render as text.
    """
    _check(fmt, islands, boundaries_view, selected, width_px)
    fig = build_figure(
        islands=islands, context=context, boundaries_view=boundaries_view, labels=labels, title=title,
        caption=caption, source_line=source_line, selected=selected, bounds=bounds, width_px=width_px,
        layout_width_in=layout_width_in, lang=lang,
    )
    buf = io.BytesIO()
    extra: dict[str, Any] = {"metadata": {"Date": None}} if fmt == "svg" else {
        "metadata": {"Software": None}, "pil_kwargs": {"compress_level": PNG_COMPRESS_LEVEL}}
    with matplotlib.rc_context(_SAVE_RC):
        fig.savefig(buf, format=fmt, dpi=fig.dpi, facecolor="white", **extra)
    return buf.getvalue()
