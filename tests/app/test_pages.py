"""App-level tests: every page runs, the island list opens a panel, bad links fall back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content.load import load_content

APP = str(Path(__file__).resolve().parents[2] / "app.py")

CONTENT = load_content()
PAGES = ["app_pages/map.py", "app_pages/timeline.py", "app_pages/news.py", "app_pages/classroom.py", "app_pages/sources.py"]


def unescape(markdown: str) -> str:
    """Return Markdown source as the reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def run_app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page):
    at = run_app()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page} shows no title"


def test_map_page_is_default_and_offers_the_island_list():
    at = run_app()
    assert at.title[0].value == "Four Islands"
    picker = at.selectbox(key="island_picker")
    assert picker.options == [i.names.en for i in CONTENT.islands.values()]
    assert not [h for h in at.subheader if h.value in {i.names.en for i in CONTENT.islands.values()}]


@pytest.mark.parametrize("island_id", list(CONTENT.islands))
def test_choosing_an_island_in_the_list_shows_its_panel(island_id):
    at = run_app()
    at.selectbox(key="island_picker").set_value(island_id).run()
    assert not at.exception
    island = CONTENT.islands[island_id]
    headings = [h.value for h in at.subheader]
    assert any(island.names.en.replace("/", "\\/") in h or island.names.en in h for h in headings), headings
    text = " ".join(m.value for m in at.markdown)
    assert island.names.ja.kanji in text
    assert island.names.ru.cyrillic in text
    assert at.query_params["island"] == [island_id] or at.query_params["island"] == island_id


@pytest.mark.parametrize("island_id", list(CONTENT.islands))
def test_link_with_island_opens_its_panel(island_id):
    at = run_app(island=island_id)
    assert not at.exception
    assert at.selectbox(key="island_picker").value == island_id
    assert not at.warning


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"island": "atlantis"}, "Unknown island 'atlantis'"),
        ({"island": "<script>"}, "Unknown island"),
        ({"year": "abc"}, "not a number"),
        ({"year": "1700"}, "outside"),
        ({"perspective": "martian"}, "Unknown perspective"),
    ],
)
def test_bad_link_falls_back_with_a_notice(query, expected):
    at = run_app(**query)
    assert not at.exception
    assert any(expected in unescape(w.value) for w in at.warning), [w.value for w in at.warning]
    assert at.selectbox(key="island_picker").value is None


def test_timeline_filters_by_island():
    at = run_app()
    at.switch_page("app_pages/timeline.py").run()
    total = len(CONTENT.events)
    at.multiselect(key="tl_islands").set_value(["habomai"]).run()
    caption = " ".join(c.value for c in at.caption)
    shown = len(CONTENT.events_for("habomai"))
    assert f"Showing {shown} of {total} events" in caption
    assert shown < total


def test_news_search_narrows_the_excerpts():
    at = run_app()
    at.switch_page("app_pages/news.py").run()
    at.text_input(key="news_query").set_value("Lavrov").run()
    caption = " ".join(c.value for c in at.caption)
    assert "Showing" in caption and "excerpts" in caption
    total = sum(len(a.excerpts) for a in CONTENT.articles)
    assert f"Showing {total} of" not in caption


def expander_labels(at: AppTest) -> list[str]:
    return [e.label for e in at.expander]


def test_year_slider_changes_the_period_listed_and_the_link():
    at = run_app()
    assert any("2022–today" in label for label in expander_labels(at))
    at.slider(key="year_slider").set_value(1900).run()
    assert not at.exception
    assert any("1875–1904" in label for label in expander_labels(at)), expander_labels(at)
    assert at.query_params["year"] in (["1900"], "1900")


def test_key_year_buttons_jump_to_the_year():
    at = run_app()
    at.button_group(key="year_pills").set_value("1945").run()
    assert at.slider(key="year_slider").value == 1945
    assert any("1945–1955" in label for label in expander_labels(at))


def test_perspective_switch_changes_the_link_and_its_help():
    at = run_app()
    at.radio(key="perspective_picker").set_value("japan").run()
    assert not at.exception
    assert at.query_params["perspective"] in (["japan"], "japan")
    assert "Japanese names" in at.radio(key="perspective_picker").help


def test_screenshot_link_shows_only_the_map_and_its_lines():
    at = run_app(screenshot="1", island="iturup")
    assert not at.exception
    assert not at.selectbox and not at.slider and not at.radio
    captions = " ".join(c.value for c in at.caption)
    assert "GSHHG" in captions
    at.button(key="exit_screenshot").click().run()
    assert at.selectbox(key="island_picker").value == "iturup"


def test_classroom_next_and_previous_move_through_the_stops():
    at = run_app()
    at.switch_page("app_pages/classroom.py").run()
    tour = CONTENT.tour
    assert at.title[0].value.startswith(f"1/{len(tour)}")
    at.button(key="tour_next").click().run()
    at.button(key="tour_next").click().run()
    assert at.title[0].value.startswith(f"3/{len(tour)}")
    at.button(key="tour_prev").click().run()
    assert at.title[0].value.startswith(f"2/{len(tour)}")
    assert at.button(key="tour_prev").disabled is False


def test_a_bad_tour_stop_falls_back_to_the_first():
    at = run_app(stop="42")
    at.switch_page("app_pages/classroom.py").run()
    assert at.title[0].value.startswith("1/")
    assert any("starting at stop 1" in w.value for w in at.warning)


def test_broken_content_shows_the_file_and_field_not_a_traceback(tmp_path, monkeypatch):
    import shutil

    root = tmp_path / "content"
    shutil.copytree(Path(APP).parent / "content", root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    island = root / "islands" / "kunashir.yaml"
    island.write_text(island.read_text().replace("summary:", "summmary:", 1))
    monkeypatch.setenv("FOUR_ISLANDS_CONTENT", str(root))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    assert "islands/kunashir.yaml" in message and "summmary" in message


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query, expected", [
    ({"island": "atlantis"}, "Unknown island"),
    ({"stop": "²"}, "not a stop number"),
    ({"stop": "①"}, "not a stop number"),
    ({"year": "١٩٥٦"}, "not a number"),
    ({"colour": "red"}, "unknown link parameter 'colour'"),
])
def test_every_page_names_what_a_bad_link_asked_for(page, query, expected):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page} shows no title"
    assert any(expected in unescape(w.value) for w in at.warning), [w.value for w in at.warning]


def test_a_link_cannot_put_markup_into_the_notice():
    at = run_app(island="[click](https://e.com) **b** <b>")  # within the 40 characters quoted
    notice = " ".join(w.value for w in at.warning)
    assert "Unknown island" in unescape(notice)
    # Every character that would start a link, emphasis or HTML is escaped in the Markdown source.
    assert "\\[click\\]\\(https\u2060\\:" in notice and "\\*\\*b\\*\\*" in notice and "\\<b\\>" in notice
