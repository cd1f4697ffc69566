"""The Sources page and each island panel offer the data downloads; the map and Sources pages offer the embed code."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from content.load import load_content
from geo.downloads import datasets

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _content():
    import os

    root = os.environ.get("FOUR_ISLANDS_CONTENT")
    return load_content(root) if root else load_content()


CONTENT = _content()


def run_app(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def _downloads(at: AppTest) -> dict[str, str]:
    """Map each download button's label to its file name."""
    return {b.proto.label: b.proto.url for b in at.get("download_button")}


def _iframes(at: AppTest) -> list[str]:
    return [c.value for c in at.code if c.value.startswith("<iframe")]


def test_sources_page_offers_every_dataset_and_the_embed_code():
    at = run_app()
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception
    labels = set(_downloads(at))
    assert {d.label for d in datasets(CONTENT)} | {"Everything (zip with README)"} <= labels
    assert any("embed.html" in s for s in _iframes(at))


@pytest.mark.parametrize("island_id", ["iturup", "habomai"])
def test_an_island_panel_offers_its_slice_and_the_embed_code_names_the_view(island_id):
    at = run_app(island=island_id, year="1956", perspective="japan")
    assert not at.exception
    keys = {b.proto.id for b in at.get("download_button")}
    for dataset in datasets(CONTENT, island_id):
        assert any(dataset.filename in k for k in keys), dataset.filename
    snippets = _iframes(at)
    assert len(snippets) == 1
    assert f'embed.html?island={island_id}&amp;year=1956&amp;perspective=japan"' in snippets[0]
    assert "/four-islands/" in snippets[0] and "GSHHG" in snippets[0]


def test_the_embed_code_follows_the_static_url_setting(monkeypatch):
    monkeypatch.setenv("FOUR_ISLANDS_STATIC_URL", "https://news.example/atlas/")
    at = run_app(island="kunashir")
    assert not at.exception
    assert 'src="https://news.example/atlas/embed.html?island=kunashir"' in _iframes(at)[0]
