"""Hostile content (HTML and script tags) shows as text in the panel, the tooltip and the news page."""

from __future__ import annotations

import time

from tests.browser import driver
from tests.browser.conftest import HOSTILE_NAME

PAYLOAD = '<img src=x onerror="window.__pwned=2">'


def no_script_ran(page, frame=None) -> None:
    assert page.evaluate("() => window.__pwned === undefined")
    if frame is not None:
        assert frame.evaluate("() => window.__pwned === undefined")
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("[data-testid='stMain'] b", has_text="bold").count() == 0


def test_hostile_text_in_the_panel_is_shown_as_text(page, hostile_server):
    page.goto(f"{hostile_server.url}/?island=shikotan")
    frame = driver.map_frame(page)
    heading = page.locator("[data-testid='stHeading'] h3").first
    heading.wait_for(timeout=15000)
    assert heading.inner_text() == HOSTILE_NAME
    page.get_by_role("tab", name="News").click()
    excerpt = page.get_by_text("Hostile excerpt <script>window.__pwned=1</script>", exact=False).first
    excerpt.wait_for(timeout=10000)
    assert PAYLOAD in excerpt.inner_text()
    page.wait_for_timeout(500)
    no_script_ran(page, frame)
    assert page.requests.external == []


def test_hostile_name_in_the_tooltip_and_the_map_status_is_text(page, hostile_server, points):
    page.goto(hostile_server.url)
    frame = driver.map_frame(page)
    driver.show_on_map(frame, *points["shikotan"])
    x, y = driver.page_xy(page, frame, *points["shikotan"])
    page.mouse.move(x, y)
    tooltip = frame.locator(".fi-tooltip")
    tooltip.wait_for(timeout=5000)
    assert tooltip.inner_text() == HOSTILE_NAME
    assert frame.locator(".leaflet-tooltip img, .leaflet-tooltip script").count() == 0
    page.mouse.click(x, y)
    assert frame.locator(".fi-selected").inner_text() == HOSTILE_NAME
    page.wait_for_timeout(500)
    no_script_ran(page, frame)


def test_hostile_excerpt_on_the_news_page_is_text(page, hostile_server):
    page.goto(f"{hostile_server.url}/news")
    page.get_by_text("Hostile headline <script>", exact=False).first.wait_for(timeout=15000)
    main = page.locator("[data-testid='stMain']")
    assert "Hostile excerpt <script>window.__pwned=1</script>" in main.inner_text()
    assert "Hostile speaker <script>" in main.inner_text()
    page.wait_for_timeout(500)
    no_script_ran(page)
    assert page.requests.external == []
