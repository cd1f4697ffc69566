"""The worst links from the fuzzing, in a real browser: the page still works and shows no traceback."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.browser import driver

TRACEBACK_WORDS = ("Traceback", "File \"", "ValueError", "line ", "secret-detail")

# (path, query, words the notice must contain): the cases that once showed a traceback or
# put live markup into the app's own warning, and the pages that ignored bad links silently.
WORST = [
    ("", "stop=" + quote("²"), "not a stop number"),
    ("classroom", "stop=" + quote("①"), "not a stop number"),
    ("timeline", "stop=" + quote("²"), "not a stop number"),
    ("", "island=" + quote("[click here](https://example.com)"), "Unknown island"),
    ("news", "island=atlantis", "Unknown island"),
    ("sources", "year=" + quote("١٩٥٦"), "not a number"),
    ("timeline", "perspective=" + quote("<script>window.__pwned=1</script>"), "Unknown perspective"),
    ("", "year=" + "9" * 300 + "&date=" + quote("1945-02-30"), "not"),
]


def page_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


@pytest.mark.parametrize("path, query, notice", WORST, ids=[f"{p or 'map'}?{q[:24]}" for p, q, _ in WORST])
def test_a_bad_link_shows_the_page_and_a_notice_never_a_traceback(page, server, path, query, notice):
    page.goto(f"{server.url}/{path}?{query}")
    alert = page.locator("[data-testid='stAlertContentWarning']").first
    alert.wait_for(timeout=45000)
    assert notice in alert.inner_text()
    # The link's text is quoted as text: no link, no element, no script inside the app's warning.
    assert alert.locator("a, script, strong, b").count() == 0
    if path in ("", "classroom"):
        driver.map_frame(page, timeout=60)
    else:
        page.locator("h1").first.wait_for(timeout=45000)
    text = page_text(page)
    assert not any(word in text for word in TRACEBACK_WORDS[:2]), text[:500]
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.requests.external == []


def test_map_path_opens_the_map_without_page_not_found(page, server):
    page.goto(f"{server.url}/map?island=habomai")
    driver.map_frame(page, timeout=60)
    page.locator("[data-testid='stHeading'] h3").first.wait_for(timeout=45000)
    assert "Habomai" in driver.panel_heading(page)
    assert "Page not found" not in page.locator("body").inner_text()
    assert "island=habomai" in page.url


@pytest.fixture(scope="module")
def failing_server():
    srv = driver.Server(script="tests/browser/apps/raises.py").start()
    yield srv
    srv.stop()


def test_an_unexpected_error_shows_no_traceback_to_the_reader(page, failing_server):
    page.goto(failing_server.url)
    page.locator("h1", has_text="Failing page").wait_for(timeout=45000)
    error = page.locator("[data-testid='stException'], [data-testid='stAlertContentError']").first
    error.wait_for(timeout=45000)
    body = page.locator("body").inner_text()
    for word in ("Traceback", "secret-detail-7f3a", "inner_function_name_that_must_not_show", "raises.py"):
        assert word not in body, word
    log = failing_server.stop()
    assert "secret-detail-7f3a" in log  # the details go to the server's log instead
