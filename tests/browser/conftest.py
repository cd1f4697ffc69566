"""Fixtures for real-browser tests: a Streamlit server and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.browser import driver

ARTIFACTS = Path(__file__).parent / "artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright_instance():
    if not os.access(driver.CHROMIUM, os.X_OK):
        pytest.fail(f"{driver.CHROMIUM} is missing: run scripts/ensure-chromium.sh (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_instance):
    b = driver.launch(playwright_instance)
    yield b
    b.close()


@pytest.fixture(scope="session")
def server():
    srv = driver.Server().start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory):
    """A server whose content holds a hostile article and a hostile island name."""
    content = build_hostile_content(tmp_path_factory.mktemp("hostile-content"))
    srv = driver.Server(env={"FOUR_ISLANDS_CONTENT": str(content)}).start()
    yield srv
    srv.stop()


def build_hostile_content(root: Path) -> Path:
    """Copy the content under root, add the hostile article and give Shikotan a hostile name; return the copy."""
    import yaml

    shutil.copytree(driver.REPO / "content", root / "content",
                    ignore=shutil.ignore_patterns("*.py", "__pycache__", "ingest", "drafts"))
    content = root / "content"
    fixtures = driver.REPO / "tests" / "fixtures" / "hostile"
    for f in (fixtures / "news").glob("*.yaml"):
        shutil.copy(f, content / "news" / f.name)
    shikotan = content / "islands" / "shikotan.yaml"
    data = yaml.safe_load(shikotan.read_text())
    data["names"]["en"] = HOSTILE_NAME
    shikotan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return content


HOSTILE_NAME = 'Shikotan <img src=x onerror="window.__pwned=3"><script>window.__pwned=4</script>'


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    pg = context.new_page()
    pg.requests = driver.RequestLog(pg)
    pg.reruns = driver.RerunLog(pg)
    yield pg
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


@pytest.fixture(scope="session")
def points():
    return driver.island_points()
