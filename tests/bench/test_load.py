"""The load benchmark's client drives a real app server: two readers, no errors, clicks honoured."""

from __future__ import annotations

import asyncio

import pytest

from bench.load import run_round
from bench.loadclient.reader import CLICK, FIRST_VIEW, YEAR
from bench.loadclient.stats import Server
from tests.browser import driver


@pytest.fixture(scope="module")
def app():
    srv = driver.Server().start()
    yield srv
    srv.stop()


def test_two_readers_at_once_get_every_run_and_the_clicked_islands_panel(app):
    result = asyncio.run(run_round(app.url, 2, ramp=0.5, think=0.0, timeout=60.0,
                                   server=Server([app.proc.pid]), settle=0.5))
    assert [r.error for r in result.errors] == []
    kinds = [r.kind for r in result.runs]
    assert kinds.count(FIRST_VIEW) == 2 and kinds.count(YEAR) == 2 and kinds.count(CLICK) == 3
    assert all(r.latency is not None and r.latency > 0 for r in result.runs)
    clicks = [r for r in result.runs if r.kind == CLICK]
    assert all(r.checked_ok for r in clicks), [r.check for r in clicks]
    assert all("panel heading" in r.check and "shown" in r.check for r in clicks)
    assert all(r.checked_ok for r in result.runs if r.kind == YEAR)
    assert result.server_cpu > 0 and result.rss_idle > result.rss_before * 0.5
