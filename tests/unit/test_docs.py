"""The README documents every link parameter, page, command option and the CI command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content.ingest.__main__ import build_parser
from content.viewstate import ViewState

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("param", sorted(ViewState(island="iturup", year=1950, date="1950", perspective="japan",
                                                   screenshot=True, stop=2).to_query()))
def test_every_link_parameter_is_documented(param):
    assert f"| `{param}` |" in README


@pytest.mark.parametrize("path", re.findall(r'url_path="([a-z]+)"', (REPO / "app.py").read_text()))
def test_every_page_is_documented(path):
    # The default page is served at /; its url_path ("home") only reserves a name.
    assert f"`/{path}`" in README or (path == "home" and "`/` or `/map` (map)" in README)


@pytest.mark.parametrize(
    "option", [o for a in build_parser()._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
)
def test_every_ingest_option_is_documented(option):
    assert option in README


def test_ci_runs_the_readme_test_command():
    assert "make test" in README and "make run" in README
    assert "make test" in (REPO / ".ci" / "run").read_text()
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^test:", makefile, re.M) and re.search(r"^run:", makefile, re.M)
    assert "chromium" in (REPO / "scripts" / "ensure-chromium.sh").read_text()
