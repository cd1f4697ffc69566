"""A server (or, behind nginx, a worker) killed under an open page: the page comes back and works.

After a reconnect to a new process the view comes back from the URL, the next click
is applied, and a download works (before the fix, the first click after a reconnect
was lost and "Map as PNG" did nothing until some other rerun).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from deploy.serve_scaled import healthy
from tests.browser import driver

VIEW = "/?island=kunashir&year=1956"
PANEL = "Kunashir / Kunashiri"
SLOW = 120.0  # seconds: a cold process's first run on two busy shared cores


class SocketWatch:
    """Follow the page's Streamlit websockets: which are open, and how many runs each finished."""

    def __init__(self, page):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._msg = ForwardMsg
        self.sockets: list[dict] = []
        page.on("websocket", self._on_socket)

    def _on_socket(self, ws):
        if "_stcore/stream" not in ws.url:
            return
        rec = {"finished": 0}
        self.sockets.append(rec)
        ws.on("framereceived", lambda payload: self._on_frame(rec, payload))

    def _on_frame(self, rec, payload):
        if isinstance(payload, (bytes, bytearray)):
            msg = self._msg.FromString(bytes(payload))
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished == self._msg.FINISHED_SUCCESSFULLY:
                rec["finished"] += 1

    def wait_for(self, page, what, timeout: float = SLOW) -> None:
        """Poll the page (so Playwright delivers its events) until `what()` holds."""
        deadline = time.monotonic() + timeout
        while not what():
            assert time.monotonic() < deadline, "timed out waiting for the page's websocket"
            page.wait_for_timeout(50)


def open_view(page, url: str) -> SocketWatch:
    """Open the Kunashir 1956 view and wait until its map and panel are drawn."""
    watch = SocketWatch(page)
    page.goto(url + VIEW)
    driver.map_frame(page, timeout=SLOW)
    page.get_by_role("heading", name=PANEL).wait_for(timeout=SLOW * 1000)
    watch.wait_for(page, lambda: watch.sockets and watch.sockets[-1]["finished"] >= 1)
    return watch


def wait_for_text(locator, text: str, timeout: float = SLOW) -> str:
    """Return the locator's text once it contains `text` (or the last text seen, to assert on)."""
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        try:
            seen = locator.inner_text(timeout=2000)
            if text in seen:
                break
        except Exception:  # the map frame remounting
            pass
        time.sleep(0.1)
    return seen


def assert_view_is_back(page, year: str) -> None:
    """The map and the island's panel are shown at `year`, as the link says."""
    frame = driver.map_frame(page, timeout=SLOW)
    assert year in wait_for_text(frame.locator(".fi-view"), year)
    page.get_by_role("heading", name=PANEL).wait_for(timeout=SLOW * 1000)
    assert f"year={year}" in page.url and "island=kunashir" in page.url


def click_1945_and_check(page) -> None:
    """Click the 1945 key year: the map, the panel and the link follow at once."""
    page.get_by_role("radio", name="1945", exact=True).click()
    page.wait_for_url("**year=1945**", timeout=SLOW * 1000)
    assert_view_is_back(page, "1945")


def download_png(page, year: str) -> None:
    """Download the map as PNG: the file is the current view's."""
    expander = page.get_by_text("Screenshot, download, print")
    if not page.get_by_role("button", name="Map as PNG").is_visible():
        expander.click()
    with page.expect_download(timeout=SLOW * 1000) as info:
        page.get_by_role("button", name="Map as PNG").click()
    assert info.value.suggested_filename == f"four-islands-kunashir-{year}-neutral.png"
    with open(info.value.path(), "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def lone_server():
    """A server of this test's own, to kill and restart on the same port."""
    srv = driver.Server().start(timeout=SLOW)
    yield srv
    srv.stop()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_server_killed_and_restarted_under_an_open_page(page, lone_server, sig):
    watch = open_view(page, lone_server.url)
    lone_server.proc.send_signal(sig)
    lone_server.proc.wait(30)
    lone_server.proc = None
    lone_server.start(timeout=SLOW)
    watch.wait_for(page, lambda: len(watch.sockets) >= 2)  # the page reconnected
    if sig == signal.SIGTERM:
        # The hardest case: the click lands while the new process's first run is going on.
        click_1945_and_check(page)
        download_png(page, "1945")
    else:
        # Once the reconnect's run is done: the view from the URL, and the download first.
        watch.wait_for(page, lambda: watch.sockets[-1]["finished"] >= 1)
        assert_view_is_back(page, "1956")
        download_png(page, "1956")
        click_1945_and_check(page)
    assert page.requests.external == []


class Scaled:
    """deploy/serve_scaled.py run as a subprocess: nginx in front of two workers."""

    def __init__(self, run_dir):
        self.run_dir = run_dir
        self.port = driver.free_port()
        self.proc = subprocess.Popen(
            [sys.executable, str(driver.REPO / "deploy" / "serve_scaled.py"), "--workers", "2",
             "--port", str(self.port), "--host", "127.0.0.1", "--run-dir", str(run_dir)],
            cwd=driver.REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 2 * SLOW
        while not (run_dir / "workers.json").exists():
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve_scaled exited:\n{self.proc.stdout.read()}")
            assert time.monotonic() < deadline, "serve_scaled did not start in time"
            time.sleep(0.2)
        self.url = self.state()["url"]

    def state(self) -> dict:
        return json.loads((self.run_dir / "workers.json").read_text())

    def stop(self) -> str:
        self.proc.send_signal(signal.SIGTERM)
        out, _ = self.proc.communicate(timeout=60)
        return out


@pytest.fixture
def scaled(tmp_path):
    srv = Scaled(tmp_path)
    yield srv
    out = srv.stop()
    assert srv.proc.returncode == 0, out
    for w in srv.state()["workers"]:  # nothing left running
        with pytest.raises(ProcessLookupError):
            os.kill(w["pid"], 0)


def worker_cookie(page) -> str:
    """Return the worker nginx pinned this browser to (its fi_worker cookie)."""
    return next((c["value"] for c in page.context.cookies() if c["name"] == "fi_worker"), "")


def test_worker_killed_behind_nginx_page_moves_to_the_other(page, scaled):
    watch = open_view(page, scaled.url)
    workers = {w["name"]: w for w in scaled.state()["workers"]}
    holder = worker_cookie(page)
    assert holder in workers, f"no worker cookie: {page.context.cookies()}"
    # nginx's log agrees: this browser's websocket went to that worker's port.
    log = (scaled.run_dir / "access.log").read_text()
    assert f"127.0.0.1:{workers[holder]['port']}" in log
    (other,) = set(workers) - {holder}
    os.kill(workers[holder]["pid"], signal.SIGKILL)
    watch.wait_for(page, lambda: len(watch.sockets) >= 2)  # reconnected through nginx
    watch.wait_for(page, lambda: watch.sockets[-1]["finished"] >= 1)
    assert worker_cookie(page) == other  # the cookie followed the websocket
    assert_view_is_back(page, "1956")
    click_1945_and_check(page)
    # The supervisor brings the dead worker back on its port as a new process; the
    # page stays with the worker that holds its session, downloads included.
    deadline = time.monotonic() + SLOW
    port = workers[holder]["port"]
    while not (scaled.state()["workers"][int(holder[1:]) - 1]["restarts"] == 1 and healthy(port)):
        assert time.monotonic() < deadline, "the dead worker was not restarted"
        time.sleep(0.2)
    download_png(page, "1945")
    assert worker_cookie(page) == other
    assert page.requests.external == []
