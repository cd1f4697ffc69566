"""Year and perspective change the map's colours, lines and names; a shared link restores the view."""

from __future__ import annotations

import time

import pytest

from content.load import load_content
from content.perspective import labels_for
from geo.view import PALETTE
from tests.browser import driver

CONTENT = load_content()
LABELS = {p: labels_for(CONTENT.islands, p) for p in ("neutral", "japan", "russia")}
HABOMAI_OCCUPATION = CONTENT.event("occupation-habomai-1945")


def fill(frame, island_id: str) -> str:
    return frame.locator(f"path.fi-island-{island_id}").get_attribute("fill")


def wait_fill(frame, island_id: str, colour: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = fill(frame, island_id)
        if got == colour:
            return got
        time.sleep(0.05)
    return got


@pytest.mark.parametrize(
    "query, colour, title",
    [
        ("?year=1900", PALETTE["japan"], "Neutral atlas · 1900"),
        ("?year=1950", PALETTE["russia"], "Neutral atlas · 1950"),
        ("?year=1950&perspective=japan", PALETTE["japan"], "As Japan draws it · 1950"),
    ],
)
def test_year_and_perspective_colour_the_islands(page, server, query, colour, title):
    page.goto(f"{server.url}/{query}")
    frame = driver.map_frame(page)
    assert wait_fill(frame, "kunashir", colour) == colour
    assert frame.locator(".fi-view").inner_text() == title
    assert page.requests.external == []


def legend_text(frame) -> str:
    """Return the legend's entries, read whether the legend is open or folded (it folds itself
    when it would cover an island or a name)."""
    return frame.locator(".fi-legend-body").text_content() or ""


def test_moving_to_a_key_year_recolours_and_redraws_the_lines(page, server):
    page.goto(f"{server.url}/?year=1950")
    frame = driver.map_frame(page)
    assert wait_fill(frame, "iturup", PALETTE["russia"]) == PALETTE["russia"]
    assert "Line of control" in legend_text(frame)
    page.get_by_role("radio", name="1875", exact=True).click()
    assert wait_fill(frame, "iturup", PALETTE["japan"]) == PALETTE["japan"]
    deadline = time.monotonic() + 10
    while "Saint Petersburg" not in legend_text(frame) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "Saint Petersburg" in legend_text(frame)
    assert "Line of control" not in legend_text(frame)
    page.wait_for_url("**year=1875**", timeout=10000)


@pytest.mark.parametrize(
    "perspective, label",
    [("neutral", "Iturup / Etorofu"), ("japan", "Etorofu"), ("russia", "Iturup")],
)
def test_perspective_changes_the_names_on_the_map(page, server, points, perspective, label):
    page.goto(f"{server.url}/?perspective={perspective}")
    frame = driver.map_frame(page)
    page.wait_for_timeout(500)  # the first render's view layer has relabelled the map
    page.mouse.move(*driver.page_xy(page, frame, *points["kunashir"]))
    frame.locator(".fi-tooltip", has_text=LABELS[perspective]["kunashir"]).first.wait_for(timeout=5000)
    driver.click_island(page, frame, "iturup", points)
    assert frame.locator(".fi-selected").inner_text() == label


def test_switching_perspective_with_the_radio(page, server):
    page.goto(server.url)
    frame = driver.map_frame(page)
    page.get_by_text("As Russia draws it", exact=True).click()
    deadline = time.monotonic() + 10
    while "As Russia draws it" not in frame.locator(".fi-view").inner_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert frame.locator(".fi-view").inner_text().startswith("As Russia draws it")
    page.wait_for_url("**perspective=russia**", timeout=10000)
    assert "as Russia draws it" in legend_text(frame)


def test_a_shared_link_restores_the_whole_view(page, server):
    page.goto(f"{server.url}/?island=habomai&year=1956&perspective=russia")
    frame = driver.map_frame(page)
    page.locator("[data-testid='stHeading'] h3", has_text="Habomai").first.wait_for(timeout=15000)
    assert frame.locator(".fi-view").inner_text() == "As Russia draws it · 1956"
    assert frame.locator(".fi-selected").inner_text() == LABELS["russia"]["habomai"]
    assert page.get_by_role("radio", name="As Russia draws it").is_checked()
    assert "1956" in page.locator("[data-testid='stSlider']").inner_text()
    for part in ("island=habomai", "year=1956", "perspective=russia"):
        assert part in page.url


def test_timeline_event_opens_the_map_at_its_date(page, server):
    page.goto(f"{server.url}/timeline")
    page.get_by_text("Search").first.wait_for(timeout=15000)
    box = page.get_by_role("textbox", name="Search")
    box.fill("Habomai")
    box.press("Enter")
    card = page.locator("[data-testid='stVerticalBlock']").filter(has_text=HABOMAI_OCCUPATION.title).filter(
        has=page.get_by_role("button", name="Show the map at this date")).last
    card.wait_for(timeout=10000)
    card.get_by_role("button", name="Show the map at this date").click()
    frame = driver.map_frame(page)
    deadline = time.monotonic() + 10
    while "1945" not in frame.locator(".fi-view").inner_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "September 1945" in frame.locator(".fi-view").inner_text()
    assert wait_fill(frame, "habomai", PALETTE["russia"]) == PALETTE["russia"]
    page.wait_for_url("**date=1945-09**", timeout=10000)
