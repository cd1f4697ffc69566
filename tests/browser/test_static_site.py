"""The static edition in a real browser, from file:// and from python -m http.server on loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest

from content.i18n import catalog
from content.load import load_content
from content.perspective import island_label
from content.present import format_date
from geo.site.build import export_site
from tests.browser import driver
from tests.browser.conftest import HOSTILE_NAME, build_hostile_content

# FOUR_ISLANDS_CONTENT names another content root, as for the app.
CONTENT = load_content(os.environ["FOUR_ISLANDS_CONTENT"]) if os.environ.get("FOUR_ISLANDS_CONTENT") else load_content()


@pytest.fixture(scope="session")
def static_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("static") / "site"
    export_site(CONTENT, out)
    return out


@pytest.fixture(scope="session")
def static_server(static_site):
    port = driver.free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(static_site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/index.html", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    content = build_hostile_content(tmp_path_factory.mktemp("hostile-static"))
    out = tmp_path_factory.mktemp("hostile-site") / "site"
    export_site(load_content(content), out, translations_root=content)
    return out


@pytest.fixture(params=["file", "http"])
def base(request, static_site):
    if request.param == "file":
        return static_site.as_uri()
    return request.getfixturevalue("static_server")


def wait_for_map(page, timeout: float = 20000) -> None:
    page.wait_for_function("() => window.fiMap && document.querySelectorAll('path.fi-island').length >= 4",
                           timeout=timeout)


def click_island(page, island_id: str, points) -> None:
    lat, lon = points[island_id]
    x, y = page.evaluate(
        "([lat, lon]) => { window.fiMap.setView([lat, lon], 9, {animate: false});"
        " const p = window.fiMap.latLngToContainerPoint([lat, lon]);"
        " const r = window.fiMap.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }",
        [lat, lon],
    )
    page.mouse.click(x, y)


def watch_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def test_the_map_draws_and_each_island_opens_its_panel(page, base, points):
    errors = watch_errors(page)
    page.goto(f"{base}/index.html")
    wait_for_map(page)
    assert page.locator("#panel-none").is_visible()
    for island_id, island in CONTENT.islands.items():
        click_island(page, island_id, points)
        panel = page.locator(f"#panel-{island_id}")
        panel.wait_for(state="visible", timeout=5000)
        assert panel.locator("h2").inner_text() == island.names.en
        assert island.names.ja.kanji in panel.inner_text() and island.names.ru.cyrillic in panel.inner_text()
        assert page.locator(".fi-panel:visible").count() == 1
        assert page.locator(".fi-selected").inner_text() == island.names.en
        assert f"island={island_id}" in page.evaluate("location.hash")
    assert errors == []
    assert page.requests.external == []


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_the_map_draws_and_each_island_opens_its_panel_in_the_language(page, static_server, points, lang):
    errors = watch_errors(page)
    page.goto(f"{static_server}/{lang}/index.html")
    wait_for_map(page)
    assert page.evaluate("document.documentElement.lang") == lang
    words = catalog(lang)
    for island_id, island in CONTENT.islands.items():
        name = island_label(island, "neutral", lang)
        click_island(page, island_id, points)
        panel = page.locator(f"#panel-{island_id}")
        panel.wait_for(state="visible", timeout=5000)
        assert panel.locator("h2").inner_text() == name
        text = panel.inner_text()
        assert words["As Russia administers it"] in text and words["As Japan claims it"] in text
        assert "As Russia administers it" not in text and "Cite this panel" not in text
        assert page.locator(".fi-selected").inner_text() == name
    # The language switch keeps the view: English opens on the same island.
    page.locator(".fi-langs a[hreflang=en]").click()
    wait_for_map(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#panel-habomai").is_visible()
    assert "island=habomai" in page.evaluate("location.hash")
    assert errors == []
    assert page.requests.external == []


def test_a_map_panel_reads_as_the_islands_own_page(page, static_site):
    """The map page keeps shared events, excerpts and sources once; a panel filled from them matches the island page."""
    base = static_site.as_uri()
    page.goto(f"{base}/islands/iturup.html")
    own = {sel: page.locator(sel).all_inner_texts() for sel in (".fi-refs", ".fi-sources li", ".fi-cite code", ".fi-event-title")}
    page.goto(f"{base}/index.html#island=iturup")
    wait_for_map(page)
    panel = page.locator("#panel-iturup")
    panel.wait_for(state="visible", timeout=5000)
    for sel, texts in own.items():
        assert panel.locator(sel).all_inner_texts() == texts, sel
    assert panel.locator(".fi-refs").first.inner_text().startswith("[")
    first = next(e for e in CONTENT.events_for("iturup") if int(e.date[:4]) >= 1855)
    panel.locator(".fi-event a", has_text="Show the map at this date").first.click()
    shown = format_date(first.date) if "-" in first.date else first.date
    page.wait_for_function("(t) => document.querySelector('.fi-view').textContent === t", arg=f"Neutral atlas · {shown}")
    assert page.locator("#panel-iturup").is_visible()


def test_a_link_opens_its_view_and_the_controls_follow(page, base):
    page.goto(f"{base}/index.html?island=habomai&year=1956&perspective=russia")
    wait_for_map(page)
    assert page.locator(".fi-view").inner_text() == "As Russia draws it · 1956"
    assert page.locator("#panel-habomai").is_visible()
    assert page.locator(".fi-selected").inner_text() == CONTENT.islands["habomai"].names.en_russian
    assert "as Russia draws it" in page.locator(".fi-legend").inner_text()
    page.locator(".fi-key[data-year='1905']").click()
    assert page.locator(".fi-view").inner_text() == "As Russia draws it · 1905"
    assert "year=1905" in page.evaluate("location.hash")
    snippet = page.locator("#fi-embed-code").input_value()
    assert "embed.html?island=habomai&amp;year=1905&amp;perspective=russia" in snippet
    if base.startswith("http"):
        assert f'src="{base}/embed.html?' in snippet
    page.select_option("#fi-perspective", "japan")
    assert page.locator(".fi-view").inner_text() == "As Japan draws it · 1905"
    assert page.requests.external == []


def test_the_embed_page_shows_the_view_at_an_events_date(page, base):
    page.goto(f"{base}/embed.html?island=shikotan&date=1945-09-01")
    wait_for_map(page)
    assert page.locator(".fi-view").inner_text() == "Neutral atlas · 1 September 1945"
    assert page.locator(".fi-credit").is_visible() and "GSHHG" in page.locator(".fi-credit").inner_text()
    assert page.locator("#fi-open").get_attribute("href").startswith("index.html#island=shikotan&year=1945")
    assert page.locator(".fi-panel").count() == 0
    assert page.requests.external == []


def test_timeline_news_sources_and_island_pages_load(page, base):
    page.goto(f"{base}/timeline.html")
    assert page.locator("h1").inner_text() == "Timeline of the dispute"
    assert page.locator(".fi-event").count() == len(CONTENT.events)
    page.fill("#fi-filter", "shimoda")
    shown = page.locator(".fi-event:visible").count()
    assert 0 < shown < len(CONTENT.events)
    assert page.locator("#fi-filter-count").inner_text() == f"{shown} of {len(CONTENT.events)}"
    page.goto(f"{base}/news.html")
    assert page.locator("h1").inner_text() == "News excerpts"
    assert page.locator(".fi-excerpt").count() == CONTENT.excerpt_count
    assert page.locator(".fi-correction").count() == sum(1 for _, x in CONTENT.excerpts() if x.correction)
    page.goto(f"{base}/sources.html")
    assert page.locator("h1").inner_text() == "Sources & method"
    assert page.locator("a[download][href='data/four-islands-sources.bib']").count() == 1
    assert page.locator(".fi-bibliography li").count() == len(CONTENT.sources)
    page.goto(f"{base}/islands/kunashir.html")
    assert page.locator("h2").first.inner_text() == CONTENT.islands["kunashir"].names.en
    assert "embed.html?island=kunashir" in page.locator("#fi-embed-code").input_value()
    assert page.requests.external == []


def test_downloads_are_served_and_parse(static_server):
    with urllib.request.urlopen(f"{static_server}/data/four-islands-sources.json") as r:
        items = json.loads(r.read())
    assert {i["id"] for i in items} >= set(CONTENT.sources)
    with urllib.request.urlopen(f"{static_server}/data/four-islands-iturup-outlines.geojson") as r:
        assert [f["properties"]["id"] for f in json.loads(r.read())["features"]] == ["iturup"]


def test_hostile_content_shows_as_text_and_runs_nothing(page, hostile_site, points):
    errors = watch_errors(page)
    page.goto(f"{hostile_site.as_uri()}/index.html")
    wait_for_map(page)
    click_island(page, "shikotan", points)
    panel = page.locator("#panel-shikotan")
    panel.wait_for(state="visible", timeout=5000)
    assert panel.locator("h2").inner_text() == HOSTILE_NAME
    assert page.locator(".fi-selected").inner_text() == HOSTILE_NAME
    panel.locator("summary", has_text="News").click()
    assert "Hostile excerpt <script>window.__pwned=1</script>" in panel.inner_text()
    page.goto(f"{hostile_site.as_uri()}/news.html")
    assert "Hostile speaker <script>" in page.locator("main").inner_text()
    page.goto(f"{hostile_site.as_uri()}/islands/shikotan.html")
    assert page.locator("h2").first.inner_text() == HOSTILE_NAME
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("main b", has_text="bold").count() == 0
    assert errors == []
    assert page.requests.external == []
