"""The user's path in a real browser: the map draws, a click opens the panel, nothing leaves the machine."""

from __future__ import annotations

import time

import pytest

from content.load import load_content
from tests.browser import driver

CONTENT = load_content()
LABELS = {i: island.names.en for i, island in CONTENT.islands.items()}


def open_map(page, server, query: str = ""):
    page.goto(f"{server.url}/{query}")
    return driver.map_frame(page)


def wait_for_heading(page, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    heading = ""
    while time.monotonic() < deadline:
        heading = driver.panel_heading(page)
        if heading == text:
            return heading
        time.sleep(0.05)
    return heading


def test_map_draws_all_islands_and_context_land_offline(page, server):
    frame = open_map(page, server)
    for island_id in LABELS:
        assert frame.locator(f"path.fi-island-{island_id}").count() == 1, island_id
    assert frame.locator("path").count() > 4, "no context land drawn"
    assert frame.evaluate("() => typeof window.L !== 'undefined' && L.version") == "1.9.3"
    leaflet = [u for u in page.requests.local if u.endswith("leaflet.js")]
    assert leaflet and all("/app/static/vendor/" in u for u in leaflet)
    assert page.requests.external == [], page.requests.external


@pytest.mark.parametrize("island_id", list(LABELS))
def test_click_on_each_island_shows_its_panel(page, server, points, island_id):
    frame = open_map(page, server)
    driver.click_island(page, frame, island_id, points)
    status = frame.locator(".fi-selected")
    assert status.inner_text() == LABELS[island_id]  # in-map feedback, no round trip
    assert wait_for_heading(page, LABELS[island_id]) == LABELS[island_id]
    panel = page.locator("[data-testid='stMain']")
    island = CONTENT.islands[island_id]
    for text in (island.names.ja.kanji, island.names.ru.cyrillic, "As Russia administers it", "As Japan claims it"):
        panel.get_by_text(text, exact=False).first.wait_for(timeout=10000)
    assert f"island={island_id}" in page.url
    assert page.requests.external == []


def test_second_click_moves_the_panel(page, server, points):
    frame = open_map(page, server)
    driver.click_island(page, frame, "kunashir", points)
    assert wait_for_heading(page, LABELS["kunashir"]) == LABELS["kunashir"]
    frame = driver.map_frame(page)
    driver.show_on_map(frame, *points["shikotan"])
    driver.click_island(page, frame, "shikotan", points)
    assert wait_for_heading(page, LABELS["shikotan"]) == LABELS["shikotan"]


def test_pan_and_zoom_cause_no_rerun_but_a_click_does(page, server, points):
    frame = open_map(page, server)
    page.wait_for_timeout(1500)  # let the first render settle
    before = page.reruns.count()
    box = frame.frame_element().bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 150, cy + 60, steps=8)
    page.mouse.up()
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(600)
    page.mouse.wheel(0, 400)
    frame.evaluate("() => window.map.zoomIn()")
    page.wait_for_timeout(1200)  # the component debounces by 250 ms
    assert page.reruns.count() == before, "pan/zoom sent a rerun to the server"
    # The detector can fail: a click on an island must send one.
    driver.show_on_map(frame, *points["iturup"])
    driver.click_island(page, frame, "iturup", points)
    assert wait_for_heading(page, LABELS["iturup"]) == LABELS["iturup"]
    page.wait_for_timeout(1000)  # past the component's own 250 ms debounce
    assert page.reruns.count() == before + 1, "a click must ask for exactly one rerun"


def test_link_opens_the_island_panel(page, server):
    open_map(page, server, "?island=shikotan")
    assert wait_for_heading(page, LABELS["shikotan"]) == LABELS["shikotan"]


def test_bad_link_falls_back_with_a_notice(page, server):
    open_map(page, server, "?island=atlantis")
    alert = page.locator("[data-testid='stAlert']").filter(has_text="Unknown island")
    alert.first.wait_for(timeout=15000)
    assert driver.panel_heading(page) == ""
    assert page.requests.external == []


def test_keyboard_selects_an_island(page, server):
    open_map(page, server)
    box = page.get_by_role("combobox", name="Island")
    box.focus()
    page.keyboard.type("Habomai")
    page.keyboard.press("Enter")
    assert wait_for_heading(page, LABELS["habomai"]) == LABELS["habomai"]
