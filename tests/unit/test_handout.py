"""The island handout: its text (content/handout.py) and its one-page A4 PDF (geo/handout.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import geo.handout as geo_handout
from content.handout import MAX_KEY_DATES, Handout, build_handout, key_events
from content.load import load_content
from geo.handout import (
    A4_IN,
    build_handout_figure,
    render_handout_pdf,
    render_island_handout,
    without_cjk,
    wrap,
    _props,
)

ISLAND_IDS = ["iturup", "kunashir", "shikotan", "habomai"]
ACCESSED = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture(scope="module")
def pdfs(content):
    return {i: render_island_handout(content, i, 1950, "neutral", ACCESSED) for i in ISLAND_IDS}


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def figure_strings(fig) -> list[str]:
    return [t.get_text() for t in fig.texts]


# --- content/handout.py -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("island_id", "title", "ja", "ru"),
    [
        ("iturup", "Iturup / Etorofu", "択捉島", "Итуруп"),
        ("kunashir", "Kunashir / Kunashiri", "国後島", "Кунашир"),
        ("shikotan", "Shikotan", "色丹島", "Шикотан"),
        ("habomai", "Habomai", "歯舞群島", "Хабомаи"),
    ],
)
def test_handout_has_both_names_in_three_scripts(content, island_id, title, ja, ru):
    handout = build_handout(content, island_id, accessed=ACCESSED)
    assert handout.title == title
    assert len(handout.names) == 3
    assert ja in handout.names[1] and ru in handout.names[2]
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", handout.names_latin[1])
    assert all(isinstance(getattr(handout, f.name), (str, tuple)) for f in dataclasses.fields(Handout))


@pytest.mark.parametrize("island_id", ISLAND_IDS)
def test_handout_facts_and_dates_cite_the_numbered_bibliography(content, island_id):
    handout = build_handout(content, island_id, 1950, accessed=ACCESSED)
    assert any(f.startswith("Area: ") for f in handout.facts)
    assert 3 <= len(handout.key_dates) <= MAX_KEY_DATES
    cited = {int(n) for line in handout.facts + handout.key_dates
             for group in re.findall(r"\[([\d, ]+)\]$", line) for n in group.split(",")}
    numbers = [int(re.match(r"\[(\d+)\]", b).group(1)) for b in handout.bibliography]
    assert numbers == list(range(1, len(numbers) + 1))
    assert cited == set(numbers)
    assert "In 1950: administered by the Soviet Union." in handout.status
    assert handout.accessed == "2026-11-23" and "23 November 2026" in handout.citation


@pytest.mark.parametrize("island_id", ISLAND_IDS)
def test_key_events_keep_control_changes_and_the_latest(content, island_id):
    events = content.events_for(island_id)
    picked = key_events(events, island_id)
    own = [e for e in events if any(c.territory == island_id for c in e.control)]
    assert all(e in picked for e in own)
    assert picked[-1] == events[-1]
    assert picked == sorted(picked, key=lambda e: events.index(e))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"island_id": "urup"}, "unknown island 'urup'"), ({"perspective": "china"}, "unknown perspective 'china'")],
)
def test_build_handout_rejects_bad_arguments(content, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        build_handout(content, **{"island_id": "iturup", **kwargs})


# --- geo/handout.py -----------------------------------------------------------------------


@pytest.mark.parametrize("island_id", ISLAND_IDS)
def test_handout_pdf_is_one_a4_page(pdfs, island_id):
    pdf = pdfs[island_id]
    assert pdf.startswith(b"%PDF")
    assert page_count(pdf) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert (float(box.group(1)), float(box.group(2))) == pytest.approx((A4_IN[0] * 72, A4_IN[1] * 72), abs=0.5)
    assert b"/CreationDate" not in pdf


def test_handout_pdf_is_deterministic(content, pdfs):
    assert render_island_handout(content, "shikotan", 1950, "neutral", ACCESSED) == pdfs["shikotan"]


@pytest.mark.parametrize(("island_id", "names"), [("iturup", ("Iturup", "Etorofu")),
                                                 ("kunashir", ("Kunashir", "Kunashiri"))])
def test_handout_page_holds_both_names_and_stays_on_the_page(content, island_id, names):
    handout = build_handout(content, island_id, 1950, accessed=ACCESSED)
    png = geo_handout.render_map(
        "png", **_map_args(content, island_id), width_px=1200, layout_width_in=8.0,
    )
    fig = build_handout_figure(handout, png)
    text = " ".join(figure_strings(fig))
    for name in names:
        assert name in text
    fig.set_dpi(300)  # measure at print resolution: at 72 dpi, hinting widens small type
    renderer = FigureCanvasAgg(fig).get_renderer()
    for t in fig.texts:
        box = t.get_window_extent(renderer)
        assert box.x0 >= 0 and box.y0 >= 0, t.get_text()
        assert box.x1 <= fig.bbox.width and box.y1 <= fig.bbox.height, t.get_text()


def _map_args(content, island_id):
    from content.control import control_at
    from content.perspective import labels_for
    from geo.load import load_boundaries, load_context, load_islands
    from geo.view import build_view

    return {
        "islands": load_islands(), "context": load_context(),
        "boundaries_view": build_view(control_at(content.events, "1950"), 1950, "neutral", load_boundaries()),
        "labels": labels_for(content.islands, "neutral"), "title": "", "caption": "Neutral atlas · 1950",
        "source_line": "Coastlines: GSHHG", "selected": island_id,
    }


def test_overlong_handout_is_cut_not_overflowed(content):
    handout = build_handout(content, "iturup", accessed=ACCESSED)
    long = dataclasses.replace(handout, key_dates=handout.key_dates * 6, bibliography=handout.bibliography * 4)
    png = geo_handout.render_map("png", **_map_args(content, "iturup"), width_px=1200, layout_width_in=8.0)
    pdf = render_handout_pdf(long, png)
    assert page_count(pdf) == 1
    fig = build_handout_figure(long, png)
    strings = figure_strings(fig)
    assert any("more in the Four Islands atlas" in s for s in strings)
    lowest = min(t.get_position()[1] for t in fig.texts)
    assert lowest > 0


def test_handout_without_a_cjk_font_falls_back_to_romaji(content, monkeypatch):
    monkeypatch.setattr(geo_handout, "has_cjk_font", lambda: False)
    handout = build_handout(content, "iturup", accessed=ACCESSED)
    png = geo_handout.render_map("png", **_map_args(content, "iturup"), width_px=1200, layout_width_in=8.0)
    fig = build_handout_figure(handout, png)
    text = " ".join(figure_strings(fig))
    assert "Etorofu-tō" in text
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)
    assert render_handout_pdf(handout, png).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("日本語: 択捉島 (えとろふとう) — Etorofu-tō", "[Japanese]: [Japanese] — Etorofu-tō"),
        ("Nemuro Subprefecture (根室振興局), Hokkaido", "Nemuro Subprefecture ([Japanese]), Hokkaido"),
        ("Plain Latin and Кириллица", "Plain Latin and Кириллица"),
    ],
)
def test_without_cjk(text, expected):
    assert without_cjk(text) == expected


@pytest.mark.parametrize(
    ("text", "width_in"),
    [
        ("short", 3.0),
        ("a line of ordinary words that must wrap across several lines of a narrow column", 1.5),
        ("https://example.org/" + "x" * 300, 2.0),
    ],
)
def test_wrap_keeps_every_character_within_the_width(text, width_in):
    props = _props(8.0)
    lines = wrap(text, width_in, props, indent_in=0.15)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert geo_handout._width_in(line, props) <= width_in + 1e-9
