"""Each page in Japanese and Russian, in a real browser: no English UI string left, the map's own
texts in the language, Japanese and Cyrillic glyphs drawn, nothing wider than the window."""

from __future__ import annotations

import re
import string

import pytest
from babel.messages.pofile import read_po

from content.i18n import LOCALES_DIR, _, using
from tests.browser import driver

PAGES = ["", "timeline", "news", "classroom", "sources"]
MIN_LENGTH = 12  # shorter English (names, 'Map', 'Year') may be part of the content's own text


def _names() -> set[str]:
    """Return the msgids that are bare names ('the Soviet Union', 'South Sakhalin'): the bibliography's
    verbatim English titles hold them too, so they say nothing about the UI's own strings."""
    from content.present import CONTROLLER_NAMES, TERRITORY_NAMES
    from geo.view import LEGEND_TEXTS

    return set(CONTROLLER_NAMES.values()) | set(TERRITORY_NAMES.values()) | set(LEGEND_TEXTS[:10])


def english_ui_strings(lang: str) -> list[str]:
    """Return the catalog's English strings a page in `lang` must not show (the fixed text of each msgid)."""
    with open(LOCALES_DIR / "messages.pot", "rb") as fh:
        ids = [m.id for m in read_po(fh) if m.id]
    wanted, names = [], _names()
    with using(lang):
        for mid in ids:
            if _(mid) == mid or mid in names:
                continue
            fragments = [lit.strip() for lit, *_rest in string.Formatter().parse(mid)]
            longest = max(fragments, key=len)
            if len(longest) >= MIN_LENGTH:
                wanted.append(longest)
    return wanted


# The text of the page's own interface: titles, headings, labels, buttons, tabs, captions,
# notices, bold labels and placeholders. Content (prose, the bibliography's verbatim titles and
# notes, the provenance record's wording, quoted excerpts and citations) is checked by the
# content check, not here.
UI_TEXT = """() => {
  const sel = 'h1, h2, h3, h4, h5, h6, label, button, summary, [role="tab"], [data-testid="stCaptionContainer"],'
    + ' [data-testid="stAlert"], [data-testid="stWidgetLabel"], strong, [data-testid="stPageLink"]';
  const parts = Array.from(document.querySelectorAll(sel))
    .filter(e => !e.closest('blockquote, pre, code, [data-testid="stCode"]'))
    .map(e => e.innerText);
  document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(e => parts.push(e.placeholder));
  document.querySelectorAll('[data-baseweb="select"] [aria-live], [data-baseweb="select"] div[value]')
    .forEach(e => parts.push(e.innerText));
  return parts.join(' | ');
}"""


# Two different letters drawn in the page's font: a missing font draws both as the same box.
GLYPHS_DIFFER = """([a, b]) => {
  const draw = (ch) => {
    const c = document.createElement('canvas'); c.width = 40; c.height = 40;
    const x = c.getContext('2d'); x.font = '28px ' + getComputedStyle(document.body).fontFamily;
    x.fillText(ch, 4, 30); return Array.from(x.getImageData(0, 0, 40, 40).data).join(',');
  };
  return draw(a) !== draw(b) && draw(a) !== draw(' ');
}"""

OVERFLOW = """() => {
  const s = document.scrollingElement, main = document.querySelector('[data-testid="stMain"]');
  return {doc: s.scrollWidth - window.innerWidth, main: main ? main.scrollWidth - main.clientWidth : 0};
}"""


def open_page(page, server, path: str, lang: str) -> None:
    page.goto(f"{server.url}/{path}?lang={lang}")
    page.locator("h1").first.wait_for(timeout=60000)
    if path in ("", "classroom"):
        driver.map_frame(page, timeout=60)
    page.wait_for_timeout(800)


@pytest.mark.parametrize("lang", ["ja", "ru"])
@pytest.mark.parametrize("path", PAGES)
def test_the_page_is_in_the_language_and_fits_the_window(page, server, lang, path):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, server, path, lang)
    text = page.evaluate(UI_TEXT)
    left = [s for s in english_ui_strings(lang) if s in text]
    assert not left, f"English UI strings on /{path}?lang={lang}: {left}"
    script = r"[\u3040-\u30ff\u4e00-\u9fff]" if lang == "ja" else r"[\u0400-\u04ff]"
    assert len(re.findall(script, text)) > 20
    assert len(re.findall(script, page.locator("body").inner_text())) > 100
    assert page.evaluate(GLYPHS_DIFFER, ["択", "捉"] if lang == "ja" else ["Ж", "Щ"])
    for width, height in ((1280, 720), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(700)
        over = page.evaluate(OVERFLOW)
        assert over["doc"] <= 0 and over["main"] <= 0, f"/{path}?lang={lang} at {width}×{height}: {over}"


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_the_maps_own_texts_are_in_the_language(page, server, lang):
    page.goto(f"{server.url}/?lang={lang}&year=2020")
    frame = driver.map_frame(page, timeout=60)
    frame.wait_for_function("() => document.querySelector('.fi-legend-row')", timeout=30000)
    with using(lang):
        hint, legend_row = _("Click an island"), _("Disputed: administered by the Russian Federation, claimed by Japan")
        toggles = {_("Hide legend"), _("Legend")}
        north = _("North is up")
    texts = frame.evaluate("""() => ({
      hint: document.querySelector('.fi-selected').textContent,
      legend: document.querySelector('.fi-legend-body').textContent,
      toggle: document.querySelector('.fi-legend-toggle').textContent,
      north: document.querySelector('.fi-north').getAttribute('aria-label'),
      labels: Object.fromEntries(Array.from(document.querySelectorAll('.fi-label'))
        .map(e => [e.dataset.label, e.textContent])),
    })""")
    assert texts["hint"] == hint
    assert legend_row in texts["legend"]
    assert texts["toggle"] in toggles
    assert texts["north"] == north
    expected = {"ja": {"iturup": "択捉島 / イトゥルップ島", "sea_of_okhotsk": "オホーツク海", "hokkaido": "北海道"},
                "ru": {"iturup": "Итуруп / Эторофу", "sea_of_okhotsk": "Охотское море", "hokkaido": "Хоккайдо"}}[lang]
    for label_id, name in expected.items():
        assert texts["labels"][label_id].replace("\n", "") in (name, name.replace(" / ", " /")), texts["labels"]
    assert "Click an island" not in str(texts) and "Sea of Okhotsk" not in str(texts)


def test_the_classroom_switch_changes_the_language(page, server):
    page.goto(f"{server.url}/classroom?lang=en")
    driver.map_frame(page, timeout=60)
    page.locator("[data-testid='stMain'] button", has_text="日本語").first.click()
    page.locator("[data-testid='stMain'] button", has_text="次へ").first.wait_for(timeout=30000)
    assert "lang=ja" in page.url
