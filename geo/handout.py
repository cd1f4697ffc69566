"""Render an island handout as a one-page A4 PDF with matplotlib: the map on top, the text below.

Every text is in the run's language (content.i18n; `lang` overrides it). Japanese
text needs a CJK font: Noto Sans CJK JP (Debian's fonts-noto-cjk) is used when
matplotlib's font manager finds it (geo.export.font_families: the fallback chain).
Without it an English or Russian handout still renders, with the Japanese name in
romaji only and any other kanji or kana replaced by "[Japanese]"; a Japanese
handout needs the font. Cyrillic is drawn with DejaVu Sans, which matplotlib ships.

The page never overflows: the map shrinks, then the type (down to MIN_BODY_PT),
and as a last resort the longest list is cut with a line saying so.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import matplotlib
import numpy as np
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.textpath import TextToPath
from PIL import Image

from content.control import control_at
from content.handout import Handout, build_handout
from content.i18n import _, language, using

from content.load import Content
from content.perspective import PERSPECTIVE_TITLES, labels_for
from geo.describe import source_line
from geo.export import DEFAULT_BOUNDS, FONT_FAMILY, font_families, map_caption, render_map
from geo.load import load_boundaries, load_context, load_islands, load_provenance
from geo.view import build_view

# A string of the app's catalog (messages.po): translated as _ does, not extracted into site.pot.
app_text = _


A4_IN = (8.27, 11.69)
MARGIN_IN = 0.5
COLUMN_GAP_IN = 0.3
MAP_HEIGHTS_IN = (5.0, 4.6, 4.2, 3.8, 3.4, 3.0)  # tried in turn until the text fits
BODY_PTS = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5)
MIN_BODY_PT = BODY_PTS[-1]
MIN_SIDE_IN = 2.2  # narrowest column worth setting beside the map
HANDOUT_LAYOUT_IN = 8.0  # the map's layout width: its type prints at about 60 % size on the page
HANDOUT_MAP_PX = 1800
IMAGE_DPI = 300  # the map is resampled to this at its printed size
LINE_SPACING = 1.3
INK, MUTED = "#1b1b1b", "#4a4a4a"

# Kanji, kana and full-width forms, with the punctuation that joins them.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_RUN = re.compile(rf"[{_CJK}]+(?:[\s・]*[{_CJK}]+|\s*[(（][{_CJK}\s・]*[)）])*")

_PDF_RC = {
    "text.usetex": False,
    "text.parse_math": False,
    "pdf.fonttype": 42,  # TrueType with a ToUnicode map, so that URLs and names can be copied; Type 3 is faster
}


def has_cjk_font() -> bool:
    """Say whether Noto Sans CJK (JP, or another locale's file) is installed where matplotlib finds it."""
    return len(font_families()) > 1


def without_cjk(text: str) -> str:
    """Replace each run of kanji or kana with '[Japanese]', for a page set without a CJK font."""
    return _CJK_RUN.sub(_("[Japanese]"), text)


_TEXT_TO_PATH = TextToPath()
_MEASURE_PT = 10.0
WIDTH_SAFETY = 1.03  # per-character sums ignore kerning; keep a little room


def _props(size: float, weight: str = "normal", families: tuple[str, ...] = (FONT_FAMILY,)) -> Any:
    props = font_manager.FontProperties(family=list(families), size=size, weight=weight)
    props.families_key = (tuple(families), weight)  # for the width cache
    return props


@lru_cache(maxsize=8192)
def _char_width_pt(char: str, families: tuple[str, ...], weight: str) -> float:
    """Return one character's advance at _MEASURE_PT, in points (measuring whole lines is slow)."""
    props = font_manager.FontProperties(family=list(families), size=_MEASURE_PT, weight=weight)
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(char, props, ismath=False)
    return width


def _width_in(text: str, props: Any) -> float:
    families, weight = props.families_key
    scale = props.get_size_in_points() / _MEASURE_PT * WIDTH_SAFETY / 72
    return sum(_char_width_pt(ch, families, weight) for ch in text) * scale


def _fitting_prefix(word: str, limit: float, props: Any) -> int:
    """Return the length of the longest prefix of word that fits in limit inches (at least 1)."""
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if _width_in(word[:mid], props) <= limit:
            low = mid
        else:
            high = mid - 1
    return low


def wrap(text: str, width_in: float, props: Any, indent_in: float = 0.0) -> list[str]:
    """Wrap text to a width by measuring it; break a word longer than a line (a URL) by characters.

    Lines after the first are `indent_in` narrower (a hanging indent).
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        limit = width_in - (indent_in if lines else 0.0)
        candidate = f"{current} {word}" if current else word
        if _width_in(candidate, props) <= limit:
            current = candidate
            continue
        if current:
            lines.append(current)
            limit = width_in - indent_in
        current = word
        while _width_in(current, props) > limit:
            cut = _fitting_prefix(current, limit, props)
            lines.append(current[:cut])
            current = current[cut:]
            limit = width_in - indent_in
    lines.append(current)
    return lines


@dataclass
class _Block:
    heading: str
    items: list[str]
    region: str  # "side" (beside the map), "left", "right" (two columns below it) or "full"
    size_delta: float = 0.0  # relative to the body size (the bibliography is smaller)
    hidden: int = 0  # items cut to fit the page, counted in the last line


def _blocks(handout: Handout, cjk: bool, side: bool) -> list[_Block]:
    fix = (lambda s: s) if cjk else without_cjk
    names = handout.names if cjk else handout.names_latin
    return [
        _Block(_("Names"), [fix(n) for n in names], "side" if side else "left"),
        _Block(_("Status"), [fix(handout.status)], "side" if side else "left"),
        _Block(_("Facts"), [fix(f) for f in handout.facts], "side" if side else "left"),
        _Block(_("Key dates"), [fix(d) for d in handout.key_dates], "full" if side else "right"),
        _Block(app_text("Sources"), [fix(b) for b in handout.bibliography], "full", -1.0),
        _Block(_("Cite this handout"), [fix(handout.citation)], "full", -1.0),
    ]


Line = tuple[float, float, str, float, str]  # x, y from the top (inches), text, size (pt), weight


def _set(blocks: list[_Block], map_top: float, map_box: tuple[float, float], body: float,
         families: tuple[str, ...]) -> tuple[list[Line], float]:
    """Lay the blocks out (inches from the top): beside the map, then two columns, then full width.

    `map_box` is the map's (width, height). Returns the lines and where the text ends.
    """
    inner = A4_IN[0] - 2 * MARGIN_IN
    map_w, map_h = map_box
    col_w = (inner - COLUMN_GAP_IN) / 2
    side_x = MARGIN_IN + map_w + COLUMN_GAP_IN
    x_of = {"side": side_x, "left": MARGIN_IN, "right": MARGIN_IN + col_w + COLUMN_GAP_IN, "full": MARGIN_IN}
    w_of = {"side": inner - map_w - COLUMN_GAP_IN, "left": col_w, "right": col_w, "full": inner}
    y_of = {"side": map_top}
    out: list[Line] = []
    for block in blocks:
        if block.region in ("left", "right") and "left" not in y_of:
            below = max(map_top + map_h, y_of["side"]) + 0.2
            y_of.update(left=below, right=below)
        if block.region == "full":
            y = max(list(y_of.values()) + [map_top + map_h + 0.2])
        else:
            y = y_of[block.region]
        size = body + block.size_delta
        line_h = size * LINE_SPACING / 72
        heading_size = body + 1
        out.append((x_of[block.region], y, block.heading, heading_size, "bold"))
        y += heading_size * LINE_SPACING / 72
        props = _props(size, families=families)
        indent = 0.15 if len(block.items) > 1 else 0.0
        for item in block.items:
            for j, line in enumerate(wrap(item, w_of[block.region], props, indent)):
                out.append((x_of[block.region] + (indent if j else 0.0), y, line, size, "normal"))
                y += line_h
            y += line_h * 0.25
        y += line_h * 0.6
        if block.region == "full":
            y_of = {key: y for key in y_of}
        else:
            y_of[block.region] = y
    return out, max(y_of.values())


def _truncate(blocks: list[_Block]) -> bool:
    """Cut the longest list by one item, noting the cut; False when nothing can be cut."""
    candidates = [b for b in blocks if len(b.items) > 2]
    if not candidates:
        return False
    block = max(candidates, key=lambda b: sum(len(i) for i in b.items))
    block.hidden += 1
    note = "(… " + _("{count} more in the Four Islands atlas").format(count=block.hidden) + ")"
    block.items[-2 if block.hidden > 1 else -1:] = [note]
    return True


def build_handout_figure(handout: Handout, map_png: bytes) -> Figure:
    """Build the A4 portrait Figure of a handout (map PNG on top, text below); not yet saved."""
    cjk = has_cjk_font()
    families = font_families() if cjk else (FONT_FAMILY,)
    page_w, page_h = A4_IN
    inner = page_w - 2 * MARGIN_IN
    fix = (lambda s: s) if cjk else without_cjk

    title_pt, subtitle_pt = 18.0, 8.5
    title_lines = wrap(fix(handout.title), inner, _props(title_pt, "bold", families))
    subtitle_lines = wrap(fix(handout.subtitle), inner, _props(subtitle_pt, families=families))
    y = MARGIN_IN
    head: list[Line] = []
    for line in title_lines:
        head.append((MARGIN_IN, y, line, title_pt, "bold"))
        y += title_pt * 1.2 / 72
    for line in subtitle_lines:
        head.append((MARGIN_IN, y, line, subtitle_pt, "normal"))
        y += subtitle_pt * LINE_SPACING / 72
    map_top = y + 0.1

    image = Image.open(io.BytesIO(map_png))
    image.load()
    aspect = image.height / image.width
    limit = page_h - MARGIN_IN
    lines: list[Line] = []
    bottom = float("inf")
    for map_h_max in MAP_HEIGHTS_IN:
        map_w = min(inner, map_h_max / aspect)
        map_h = map_w * aspect
        blocks = _blocks(handout, cjk, side=inner - map_w - COLUMN_GAP_IN >= MIN_SIDE_IN)
        for body in BODY_PTS:
            lines, bottom = _set(blocks, map_top, (map_w, map_h), body, families)
            if bottom <= limit:
                break
        if bottom <= limit:
            break
    while bottom > limit and _truncate(blocks):
        lines, bottom = _set(blocks, map_top, (map_w, map_h), MIN_BODY_PT, families)

    target_w = max(1, round(map_w * IMAGE_DPI))
    pixels = image.convert("RGB")
    if pixels.width > target_w:
        pixels = pixels.resize((target_w, round(target_w * aspect)), Image.Resampling.LANCZOS)

    with matplotlib.rc_context(_PDF_RC):
        fig = Figure(figsize=A4_IN, dpi=72, facecolor="white")
        ax = fig.add_axes((MARGIN_IN / page_w, (page_h - map_top - map_h) / page_h,
                           map_w / page_w, map_h / page_h), gid="handout-map")
        ax.imshow(np.asarray(pixels), interpolation="none", aspect="auto")
        ax.set_axis_off()
        for i, (x, y_top, text, size, weight) in enumerate(head + lines):
            fig.text(x / page_w, (page_h - y_top) / page_h, text, fontsize=size, fontweight=weight, va="top",
                     ha="left", color=MUTED if size < BODY_PTS[0] - 1 and weight != "bold" else INK,
                     fontfamily=list(families), parse_math=False, usetex=False, gid=f"handout-text-{i}")
    return fig


def render_handout_pdf(handout: Handout, map_png: bytes, lang: str | None = None) -> bytes:
    """Render a handout as one A4 portrait PDF page; the same inputs give the same bytes."""
    with using(lang or language()):
        fig = build_handout_figure(handout, map_png)
        subject = _("Four Islands atlas handout")
    buf = io.BytesIO()
    with matplotlib.rc_context(_PDF_RC):
        fig.savefig(buf, format="pdf", metadata={"CreationDate": None, "Title": handout.title, "Subject": subject})
    return buf.getvalue()


def render_island_handout(
    content: Content,
    island_id: str,
    year: int | None = None,
    perspective: str = "neutral",
    accessed: dt.date | None = None,
    lang: str | None = None,
) -> bytes:
    """Render an island's handout PDF: the whole map with the island selected, and its text.

    `year` None means the current year; `accessed` (the citation's access date) defaults to today.
    `lang` (the run's language by default) sets every text; `content` should already be in that
    language (content.translations.localize), as the app's is.
    """
    with using(lang or language()):
        return _render_island_handout(content, island_id, year, perspective, accessed or dt.date.today())


def _render_island_handout(content: Content, island_id: str, year: int | None, perspective: str,
                           accessed: dt.date) -> bytes:
    handout = build_handout(content, island_id, year, perspective, accessed)
    map_year = year if year is not None else accessed.year
    view = build_view(control_at(content.events, str(map_year)), map_year, perspective, load_boundaries())
    labels = labels_for(content.islands, perspective)
    png = render_map(
        "png", islands=load_islands(), context=load_context(), boundaries_view=view, labels=labels, title="",
        caption=map_caption(_(PERSPECTIVE_TITLES[perspective]), map_year, labels[island_id], accessed.isoformat()),
        source_line=source_line(load_provenance()) + " · " + app_text("Four Islands atlas"), selected=island_id,
        bounds=DEFAULT_BOUNDS, width_px=HANDOUT_MAP_PX, layout_width_in=HANDOUT_LAYOUT_IN,
    )
    return render_handout_pdf(handout, png)
