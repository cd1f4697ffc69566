"""Classroom and newsroom: the tour with the keyboard, screenshot mode, the PNG download."""

from __future__ import annotations

import io
import time

from content.load import load_content
from tests.browser import driver

TOUR = load_content().tour


def tour_title(page) -> str:
    return page.locator("[data-testid='stHeading'] h1").first.inner_text()


def wait_title(page, prefix: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    title = ""
    while time.monotonic() < deadline:
        title = tour_title(page)
        if title.startswith(prefix):
            return title
        time.sleep(0.05)
    return title


def test_walk_the_tour_with_the_keyboard_at_projector_size(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    log = driver.RequestLog(page)
    page.goto(f"{server.url}/classroom")
    frame = driver.map_frame(page)
    assert wait_title(page, f"1/{len(TOUR)} ·").endswith(TOUR[0].title)
    assert page.locator("[data-testid='stSidebar']").is_hidden()
    assert page.locator("header[data-testid='stHeader']").is_hidden()
    for n in range(2, len(TOUR) + 1):
        page.locator("[data-testid='stHeading'] h1").first.click()  # focus the page, not the map
        page.keyboard.press("ArrowRight")
        title = wait_title(page, f"{n}/{len(TOUR)} ·")
        assert title.endswith(TOUR[n - 1].title), title
        page.wait_for_url(f"**stop={n}", timeout=10000)
    frame = driver.map_frame(page)
    assert "2022" in frame.locator(".fi-view").inner_text() or "2026" in frame.locator(".fi-view").inner_text()
    page.keyboard.press("ArrowLeft")
    assert wait_title(page, f"{len(TOUR) - 1}/{len(TOUR)} ·").startswith(f"{len(TOUR) - 1}/")
    # The whole stop fits a 1280×720 projector: map, text and buttons above the fold.
    for locator in (page.get_by_role("button", name="Next"), page.locator("iframe").first):
        box = locator.bounding_box()
        assert box and box["y"] + box["height"] <= 720, box
    assert log.external == []
    context.close()


def test_screenshot_mode_has_no_chrome_and_all_the_furniture(page, server):
    page.goto(f"{server.url}/?screenshot=1&island=kunashir&year=1950")
    frame = driver.map_frame(page)
    for hidden in ("[data-testid='stSidebar']", "header[data-testid='stHeader']", "[data-testid='stToolbar']"):
        assert page.locator(hidden).count() == 0 or page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("[data-testid='stSlider']").count() == 0
    assert page.locator("[data-testid='stSelectbox']").count() == 0
    assert frame.locator(".fi-legend").is_visible()
    assert frame.locator(".leaflet-control-scale").is_visible()
    assert frame.locator(".fi-north").is_visible()
    assert frame.locator(".leaflet-control-zoom").is_hidden()
    main = page.locator("[data-testid='stMain']").inner_text()
    assert "Kunashir / Kunashiri" in main and "GSHHG" in main and "1950" in main
    page.get_by_role("button", name="Exit screenshot mode").click()
    page.get_by_role("combobox", name="Island").wait_for(timeout=10000)
    assert "screenshot" not in page.url


def test_downloads_png_svg_and_handout_of_the_view(page, server):
    from PIL import Image

    page.goto(f"{server.url}/?island=shikotan&year=1950")
    driver.map_frame(page)
    page.get_by_text("Screenshot, download, print").click()
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name="Map as PNG").click()
    download = info.value
    assert download.suggested_filename == "four-islands-shikotan-1950-neutral.png"
    image = Image.open(io.BytesIO(open(download.path(), "rb").read()))
    assert image.format == "PNG" and image.width >= 2400
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name="Map as SVG").click()
    svg = open(info.value.path(), encoding="utf-8").read()
    assert svg.lstrip().startswith("<?xml") and "Shikotan" in svg and "GSHHG" in svg
    with page.expect_download(timeout=90000) as info:
        page.get_by_role("button", name="Printable handout: Shikotan (PDF)").click()
    assert info.value.suggested_filename == "four-islands-handout-shikotan.pdf"
    assert open(info.value.path(), "rb").read(5) == b"%PDF-"
    assert page.requests.external == []
