"""Exports and the handout in 日本語 and Русский: every text in the language, every glyph in a font."""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import xml.etree.ElementTree as ET
from dataclasses import asdict

import pypdf
import pytest
from babel.messages.pofile import read_po
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from content.control import control_at
from content.i18n import _, catalog, using
from content.load import load_content
from content.perspective import PERSPECTIVE_TITLES, labels_for
from content.translations import localize
from geo.describe import source_line
from geo.export import _wrap, build_figure, figure_texts, font_families, map_caption, render_map, text_width_pt
from geo.handout import render_island_handout
from geo.load import load_boundaries, load_context, load_islands, load_provenance
from geo.view import build_view
from tests.unit.test_site_languages import REPO, english_pattern

SVG_NS = "{http://www.w3.org/2000/svg}"
CONTENT = load_content()
YEAR = 1950
ACCESSED = dt.date(2026, 11, 30)
EXPECTED = {
    # language: (island label, north letter, scale unit, caption word, latitude note)
    "ja": ("択捉島 / イトゥルップ島", "北", " km", "作成", "北緯"),
    "ru": ("Итуруп / Эторофу", "С", " км", "создано", "с. ш."),
}


def export_args(lang: str, selected: str | None = None) -> dict:
    """Return render_map's arguments as the app builds them, in a language (call inside using(lang))."""
    content = localize(CONTENT, lang)
    labels = labels_for(content.islands, "neutral")
    return {
        "islands": load_islands(), "context": load_context(),
        "boundaries_view": build_view(control_at(content.events, str(YEAR)), YEAR, "neutral", load_boundaries()),
        "labels": labels, "title": labels[selected] if selected else " · ".join(labels.values()),
        "caption": map_caption(_(PERSPECTIVE_TITLES["neutral"]), YEAR, labels.get(selected), ACCESSED.isoformat()),
        "source_line": source_line(load_provenance()) + " · " + _("Four Islands atlas"), "selected": selected,
    }


@pytest.fixture(scope="module", params=["ja", "ru"])
def svg(request) -> tuple[str, bytes]:
    lang = request.param
    with using(lang):
        return lang, render_map("svg", **export_args(lang, "iturup"), width_px=1200)


def svg_texts(data: bytes) -> dict[str, str]:
    root = ET.fromstring(data)
    out = {}
    for group in root.iter(f"{SVG_NS}g"):
        texts = [t.text or "" for t in group.iter(f"{SVG_NS}text")]
        if group.get("id") and texts:
            out[group.get("id")] = " ".join(texts)
    return out


def english_strings() -> list[str]:
    """Return the English UI strings an export can show: the site catalog's, the perspective titles, the legend."""
    with open(REPO / "locales" / "site.pot", "rb") as fh:
        ours = [m.id for m in read_po(fh) if m.id]
    view = build_view(control_at(CONTENT.events, str(YEAR)), YEAR, "neutral", load_boundaries())
    return ours + list(PERSPECTIVE_TITLES.values()) + [e["label"] for e in map(asdict, view.legend)]


def test_svg_texts_are_in_the_language(svg):
    lang, data = svg
    texts = svg_texts(data)
    label, north, km, made, latitude = EXPECTED[lang]
    assert texts["label-iturup"] == label and texts["title"] == label
    assert texts["north-label"] == north
    assert texts["scale-label"].endswith(km)
    assert made in texts["caption"] and catalog(lang)["generated {date}"].split("{")[0].strip() in texts["caption"]
    assert latitude in texts["scale-latitude"]
    assert catalog(lang)["Four Islands atlas"] in data.decode()


def test_no_english_ui_string_is_left_in_an_export(svg):
    lang, data = svg
    patterns = [(m, english_pattern(m)) for m in english_strings()
                if re.sub(r"\{[a-z_]+\}|[\W\d]", "", m) and catalog(lang).get(m, m) != m]
    texts = list(svg_texts(data).values())
    left = sorted({m for m, p in patterns for t in texts if p.match(t)})
    assert left == []
    for m in ("generated ", "true at ", "Neutral atlas", "Four Islands atlas"):
        assert m not in data.decode(), m


def test_svg_names_the_cjk_font_and_is_deterministic(svg):
    lang, data = svg
    assert "Noto Sans CJK" in data.decode()  # the chain is written into the SVG's font-family
    if lang == "ja":
        assert re.search(r"font-family: *'?Noto Sans CJK JP", data.decode())
    with using(lang):
        again = render_map("svg", **export_args(lang, "iturup"), width_px=1200)
    assert again == data


def _has_glyph(families: tuple[str, ...], char: str) -> bool:
    for family in families:
        path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        if FT2Font(path).get_char_index(ord(char)):
            return True
    return False


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_every_character_of_an_export_has_a_glyph(lang):
    with using(lang):
        fig = build_figure(**export_args(lang), width_px=1000)
        families = font_families()
    chars = {ch for text in figure_texts(fig).values() for ch in text if not ch.isspace()}
    assert any(ord(ch) > 0x3000 for ch in chars) if lang == "ja" else any("а" <= ch <= "я" for ch in chars)
    assert sorted(ch for ch in chars if not _has_glyph(families, ch)) == []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with using(lang):
            png = render_map("png", **export_args(lang), width_px=1000)
    assert png.startswith(b"\x89PNG")
    assert [str(w.message) for w in caught if "missing from" in str(w.message)] == []


def test_japanese_text_wraps_within_the_width():
    with using("ja"):
        text = "千島列島／北方領土をめぐる係争の地図。" * 8
        lines = _wrap(text, 12.5, 4.0)
        assert len(lines) > 1 and "".join(lines) == text
        assert max(text_width_pt(line, 12.5) for line in lines) <= 4.0 * 72
        assert not any(line[0] in "、。）」" for line in lines)


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_the_handout_pdf_is_in_the_language(lang):
    with using(lang):
        pdf = render_island_handout(localize(CONTENT, lang), "kunashir", YEAR, "neutral", ACCESSED)
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    flat = re.sub(r"\s+", "", text)
    title = "国後島/クナシル島" if lang == "ja" else "Кунашир/Кунасири"
    assert title in flat
    for heading in ("Names", "Status", "Facts", "Key dates", "Cite this handout"):
        assert re.sub(r"\s+", "", catalog(lang)[heading]) in flat, heading
        assert heading not in text, heading
    for english in ("in Russian usage", "island handout", "Population (Russian figures)", "Accessed "):
        assert english not in text, english
    if lang == "ja":
        assert b"NotoSansCJK" in pdf  # the CJK font is embedded, not substituted
