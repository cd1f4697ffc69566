"""Every page runs in Japanese and Russian, with its titles, controls and notices translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content.i18n import _, using

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = {
    "app_pages/map.py": "Four Islands",
    "app_pages/timeline.py": "Timeline of the dispute",
    "app_pages/news.py": "News excerpts",
    "app_pages/sources.py": "Sources & method",
}


def run_app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("lang", ["ja", "ru"])
@pytest.mark.parametrize("page", list(PAGES) + ["app_pages/classroom.py"])
def test_every_page_runs_in_the_language_with_its_title_translated(lang, page):
    at = run_app(lang=lang)
    if page != "app_pages/map.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title
    if page in PAGES:
        with using(lang):
            wanted = _(PAGES[page])
        assert wanted != PAGES[page]
        assert at.title[0].value == wanted


@pytest.mark.parametrize("lang,perspective_title,island_label", [
    ("ja", "中立の地図", "択捉島 / イトゥルップ島"), ("ru", "Нейтральный атлас", "Итуруп / Эторофу")])
def test_the_map_pages_controls_are_in_the_language(lang, perspective_title, island_label):
    at = run_app(lang=lang)
    radio = at.radio(key="perspective_picker")
    assert radio.label == {"ja": "視点", "ru": "Точка зрения"}[lang]
    assert perspective_title in [radio.format_func(o) for o in radio.options] or perspective_title in radio.options
    picker = at.selectbox(key="island_picker")
    assert island_label in picker.options


def test_a_bad_language_in_the_link_shows_a_notice_in_english():
    at = run_app(lang="xx")
    assert not at.exception
    assert any("Unknown language 'xx'" in w.value.replace("\\", "") for w in at.warning)
    assert at.title[0].value == "Four Islands"


def test_the_classroom_has_its_own_language_switch():
    at = run_app(lang="ru")
    at.switch_page("app_pages/classroom.py").run()
    picker = at.button_group(key="classroom_lang_picker") if hasattr(at, "button_group") else None
    assert picker is not None
    picker.set_value("ja").run()
    assert not at.exception
    assert at.button(key="tour_next").label == "次へ"


def test_screenshot_mode_follows_the_links_language():
    at = run_app(lang="ru", screenshot="1")
    assert not at.exception
    assert at.button(key="exit_screenshot").label == "Выйти из режима снимка экрана"
    assert any("Нейтральный атлас · карта на" in c.value for c in at.caption)
