"""The UI catalogs: every string the app marks is translated into Japanese and Russian, none fuzzy.

Also: dates and figures in each language's form, the in-map texts in the language, a bad
`?lang=` explained, and every legend text the map can show listed for extraction.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from content.i18n import LOCALES_DIR, _, catalog, using
from content.viewstate import parse_view

POT = LOCALES_DIR / "messages.pot"
LANGS = ("ja", "ru")


def _messages(path: Path, lang: str | None = None):
    with open(path, "rb") as fh:
        return [m for m in read_po(fh, locale=lang) if m.id]


def _fields(text: str) -> list[str]:
    return sorted(f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f is not None)


def test_the_template_holds_the_apps_strings():
    ids = {m.id for m in _messages(POT)}
    assert len(ids) > 150
    for wanted in ("Neutral atlas", "Click an island", "Hide legend", "Timeline of the dispute",
                   "Disputed: administered by the Soviet Union, claimed by Japan"):
        assert wanted in ids


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_none_is_fuzzy(lang):
    po = {m.id: m for m in _messages(LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po", lang)}
    problems = []
    for message in _messages(POT):
        entry = po.get(message.id)
        if entry is None or not entry.string or not str(entry.string).strip():
            problems.append(f"missing: {message.id!r}")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        elif _fields(message.id) != _fields(entry.string):
            problems.append(f"placeholders differ: {message.id!r} -> {entry.string!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_long_messages_are_not_left_in_english(lang):
    left = [mid for mid, text in catalog(lang).items() if len(mid) > 20 and text == mid]
    assert not left, left


def test_perspective_titles_in_each_language():
    with using("ja"):
        assert [_(t) for t in ("Neutral atlas", "As Japan draws it", "As Russia draws it")] == [
            "中立の地図", "日本の描き方", "ロシアの描き方"]
    with using("ru"):
        assert [_(t) for t in ("Neutral atlas", "As Japan draws it", "As Russia draws it")] == [
            "Нейтральный атлас", "Как рисует Япония", "Как рисует Россия"]
    assert _("Neutral atlas") == "Neutral atlas"


def test_dates_and_figures_in_each_language():
    from content.present import format_date, format_number, format_span

    assert format_date("1956-10-19") == "19 October 1956"
    assert format_span("1945-08-28", "1945-09-01") == "28 August – 1 September 1945"
    assert format_number(3166.64) == "3,166.64"
    with using("ja"):
        assert format_date("1956-10-19") == "1956年10月19日"
        assert format_date("1945") == "1945年"
        assert format_span("1945-08-28", "1945-09-01") == "1945年8月28日～9月1日"
    with using("ru"):
        # Babel puts a narrow no-break space before 'г.' (it keeps the year and its mark together).
        assert format_date("1956-10-19").replace("\u202f", " ") == "19 октября 1956 г."
        assert format_number(12345) == "12\xa0345"


def test_a_bad_language_in_the_link_gives_a_notice_and_falls_back():
    view = parse_view({"lang": "xx"})
    assert view.lang is None
    assert any("Unknown language 'xx'" in n for n in view.notices)
    with using("ru"):
        assert any("Неизвестный язык «xx»" in n for n in parse_view({"lang": "xx"}).notices)


def test_every_legend_text_the_map_can_show_is_in_the_catalogs():
    from content.control import control_at
    from content.load import load_content
    from geo.load import load_boundaries
    from geo.view import LEGEND_TEXTS, build_view

    content, boundaries = load_content(), load_boundaries()
    shown = {e.label for year in range(1850, 2027) for p in ("neutral", "japan", "russia")
             for e in build_view(control_at(content.events, str(year)), year, p, boundaries).legend}
    assert shown <= set(LEGEND_TEXTS), shown - set(LEGEND_TEXTS)
    with using("ja"):
        view = build_view(control_at(content.events, "2020"), 2020, "neutral", boundaries)
    assert "係争地：ロシア連邦が施政、日本が領有を主張" in [e.label for e in view.legend]


def test_the_in_map_texts_follow_the_language():
    from geo.load import load_context, load_islands
    from geo.mapview import build_base_map
    from geo.placenames import context_names

    with using("ru"):
        html = build_base_map(load_islands(), load_context(), {}, "GSHHG").get_root().render()
    assert "Щёлкните по острову" in html and "Скрыть легенду" in html and "Север вверху" in html
    assert "Click an island" not in html and "Hide legend" not in html
    with using("ja"):
        names = context_names("neutral")
    assert names["nemuro_strait"] == "根室海峡 / クナシル海峡" and names["sea_of_okhotsk"] == "オホーツク海"
    assert context_names("russia", "ru")["nemuro_strait"] == "Кунаширский пролив"
    assert context_names("neutral", "en") == {}


def test_the_template_is_current_with_the_code():
    """Every string the code marks is in messages.pot (else run `make i18n` and translate)."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    root = LOCALES_DIR.parent
    with open(root / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    marked = {message for _file, _line, message, _comments, _context in extract_from_dir(
        str(root), method_map, options_map, keywords={"_": None, "N_": None},
        directory_filter=lambda d: not any(p in d for p in (".venv", "node_modules", ".git")))}
    in_template = {m.id for m in _messages(POT)}
    assert marked == in_template, {"not extracted": marked - in_template, "stale": in_template - marked}


def test_no_marked_string_hides_inside_an_f_string():
    """pybabel does not look inside f-strings: `f"{_('…')}"` would never reach the catalogs."""
    import re

    from babel.messages.frontend import parse_mapping_cfg

    root = LOCALES_DIR.parent
    with open(root / "babel.cfg", encoding="utf-8") as fh:
        method_map, _options = parse_mapping_cfg(fh)
    hidden = []
    for pattern, _method in method_map:
        for path in root.glob(pattern.replace("**", "**/*") if "**" in pattern else pattern):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if re.search(r"""\{[^{}"]*\b(?:N_|_)\(\s*['"]""", line):
                    hidden.append(f"{path.relative_to(root)}:{n}: {line.strip()}")
    assert not hidden, "\n".join(hidden)
