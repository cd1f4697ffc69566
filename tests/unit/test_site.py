"""The static edition: deterministic, self-contained, every content string escaped."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from content.load import load_content
from content.models import ISLAND_IDS
from geo.site.build import export_site
from geo.site.html import prose_html
from tests.browser.conftest import HOSTILE_NAME, build_hostile_content

CONTENT = load_content()
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><b>bold</b>'


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("site") / "site"
    return out, export_site(CONTENT, out)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = build_hostile_content(tmp_path_factory.mktemp("hostile"))
    out = tmp_path_factory.mktemp("hostile-site") / "site"
    export_site(load_content(root), out, translations_root=root)
    return out


class Refs(HTMLParser):
    """Collect what a page loads (src, stylesheet and icon links) and what it links to (a href)."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href"):
            self.loads.append(a["href"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


def _pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_site_has_every_page_and_dataset(site):
    out, files = site
    for name in ["index.html", "embed.html", "timeline.html", "news.html", "sources.html",
                 "vendor/leaflet-1.9.3/leaflet.js", "assets/site.css", "assets/site.js",
                 "data/four-islands-outlines.geojson", "data/four-islands.gpkg", "data/four-islands-sources.bib"]:
        assert name in files, name
    for island in ISLAND_IDS:
        assert f"islands/{island}.html" in files
        assert f"data/four-islands-{island}-events.json" in files


def test_same_content_builds_the_same_bytes(site, tmp_path):
    out, files = site
    again = export_site(CONTENT, tmp_path / "again")
    assert again == files
    for name in files:
        assert (out / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


def test_every_page_loads_only_files_inside_the_site(site):
    out, _ = site
    for page in _pages(out):
        refs = Refs()
        refs.feed(page.read_text(encoding="utf-8"))
        assert refs.loads, page
        for url in refs.loads:
            parts = urlsplit(url)
            assert not parts.scheme and not parts.netloc and not url.startswith("/"), (page, url)
            assert (page.parent / unquote(parts.path)).is_file(), (page, url)
        for url in refs.links:
            parts = urlsplit(url)
            if not parts.scheme and parts.path:
                assert (page.parent / unquote(parts.path)).is_file(), (page, url)


def test_the_map_page_holds_every_panel_with_both_sides_and_three_scripts(site):
    out, _ = site
    text = (out / "index.html").read_text(encoding="utf-8")
    for island_id, island in CONTENT.islands.items():
        assert f'id="panel-{island_id}"' in text
        assert island.names.ja.kanji in text and island.names.ru.cyrillic in text
    assert "As Russia administers it" in text and "As Japan claims it" in text
    assert "state-controlled media" in text and "Correction:" in text
    assert "https://cdn" not in text and "unpkg" not in text


def test_the_map_script_carries_a_view_for_every_year_and_perspective(site):
    out, _ = site
    text = (out / "embed.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r"var D = (\{.*?\});\n", text).group(1))
    for perspective in ("neutral", "japan", "russia"):
        table = data["perspectives"][perspective]
        assert len(table["years"]) == data["last"] - 1855 + 1
        assert max(table["years"]) < len(table["views"])
    assert data["writeLink"] is False


def test_hostile_content_is_escaped_on_every_page(hostile_site):
    for page in _pages(hostile_site):
        text = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in text, page
        assert 'onerror="window.__pwned' not in text, page
    index = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "Shikotan &lt;img src=x onerror=&quot;window.__pwned=3&quot;&gt;" in index
    news = (hostile_site / "news.html").read_text(encoding="utf-8")
    assert "Hostile excerpt &lt;script&gt;window.__pwned=1&lt;/script&gt;" in news
    assert HOSTILE_NAME not in index


@pytest.mark.parametrize(
    "markdown, html",
    [
        ("### Title\n\nA **bold** and *italic* line\ncontinued.", "<h3>Title</h3>\n<p>A <strong>bold</strong> and <em>italic</em> line continued.</p>"),
        ("- one\n  more\n- two <b>", "<ul><li>one more</li><li>two &lt;b&gt;</li></ul>"),
    ],
)
def test_prose_renders_headings_lists_and_emphasis_escaped(markdown, html):
    assert prose_html(markdown) == html


def test_the_command_refuses_bad_content_and_writes_nothing(tmp_path, monkeypatch, capsys):
    import shutil

    from geo.site.__main__ import main

    root = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", root,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__", "ingest", "drafts"))
    (root / "islands" / "habomai.yaml").write_text("id: habomai\nnames: [", encoding="utf-8")
    monkeypatch.setenv("FOUR_ISLANDS_CONTENT", str(root))
    assert main(["export-site", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "islands/habomai.yaml" in err and "no site was written" in err
    assert not (tmp_path / "out").exists()


def test_the_command_writes_the_site_and_says_where(tmp_path, capsys):
    from geo.site.__main__ import main

    assert main(["export-site", str(tmp_path / "out"), "--base-url", "https://example.org/fi/"]) == 0
    assert "index.html" in capsys.readouterr().out
    island = (tmp_path / "out" / "islands" / "iturup.html").read_text(encoding="utf-8")
    assert "https://example.org/fi/embed.html?island=iturup" in island


def test_the_command_never_empties_a_folder_it_did_not_write(tmp_path, capsys):
    from geo.site.__main__ import main

    precious = tmp_path / "repo"
    precious.mkdir()
    (precious / "keep.txt").write_text("mine")
    assert main(["export-site", str(precious)]) == 1
    assert "was not written by export-site" in capsys.readouterr().err
    assert (precious / "keep.txt").read_text() == "mine"
    out = tmp_path / "site"
    assert main(["export-site", str(out)]) == 0
    (out / "stale.html").write_text("old")
    assert main(["export-site", str(out)]) == 0
    assert not (out / "stale.html").exists()
