"""The static edition in English, 日本語 and Русский: every page per language, lang set, no English UI left."""

from __future__ import annotations

import ast
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from babel.messages.pofile import read_po

from content.i18n import LANGUAGES, catalog
from content.load import load_content
from content.models import ISLAND_IDS
from geo.site.build import export_site
from tests.browser.conftest import build_hostile_content

REPO = Path(__file__).resolve().parents[2]
CONTENT = load_content()
PAGES = ["index.html", "embed.html", "timeline.html", "news.html", "sources.html",
         *(f"islands/{i}.html" for i in ISLAND_IDS)]
# The files whose strings reach the static edition's pages through app_text (the app's catalog).
SITE_FILES = ["geo/site/build.py", "geo/site/html.py", "content/handout.py", "geo/handout.py"]


def site_messages() -> list[str]:
    """Return the msgids of the static edition's own catalog (locales/site.pot)."""
    with open(REPO / "locales" / "site.pot", "rb") as fh:
        return [m.id for m in read_po(fh) if m.id and isinstance(m.id, str)]


def app_text_messages() -> list[str]:
    """Return the app's strings the edition calls with app_text("…"), read from the files' syntax trees."""
    found = []
    for name in SITE_FILES:
        for node in ast.walk(ast.parse((REPO / name).read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "app_text"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.append(node.args[0].value)
    return found


NUMERIC = {"count", "shown", "total", "size", "km", "lat", "year"}


def english_pattern(msgid: str) -> re.Pattern:
    """Match a text that is exactly the English string, its {placeholders} filled (numbers for numbers)."""
    pieces = re.split(r"\{([a-z_]+)\}", msgid)
    regex = "".join(re.escape(p) if i % 2 == 0 else (r"[\d\s,.\u00a0]+" if p in NUMERIC else ".+?")
                    for i, p in enumerate(pieces))
    return re.compile("^" + regex + "$", re.S)


class Texts(HTMLParser):
    """Collect a page's visible text nodes and the attributes people read (labels, titles, placeholders)."""

    READ = ("aria-label", "title", "placeholder", "alt", "data-done", "data-of", "data-title")

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self.skip = 0
        self.lang = None
        self.links: list[tuple[str, str]] = []  # (hreflang, href) of the language switch

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("script", "style", "code", "textarea"):
            self.skip += 1
        if tag == "a" and a.get("hreflang"):
            self.links.append((a["hreflang"], a["href"]))
        self.texts.extend(a[k].strip() for k in self.READ if a.get(k))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code", "textarea"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.texts.append(data.strip())


def parse(path: Path) -> Texts:
    texts = Texts()
    texts.feed(path.read_text(encoding="utf-8"))
    return texts


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site-languages") / "site"
    export_site(CONTENT, out)
    return out


def test_every_language_has_every_page_with_its_lang(site):
    for lang in LANGUAGES:
        folder = site if lang == "en" else site / lang
        for page in PAGES:
            path = folder / page
            assert path.is_file(), path
            assert parse(path).lang == lang, path
    # The Leaflet files, the assets and the data are shared at the root, not copied per language.
    assert not (site / "ja" / "assets").exists() and not (site / "ru" / "data").exists()


def test_every_page_links_to_itself_in_each_language(site):
    for lang in LANGUAGES:
        folder = site if lang == "en" else site / lang
        for page in PAGES:
            if page == "embed.html":
                continue  # the map alone, for a frame: no navigation
            links = dict(parse(folder / page).links)
            assert sorted(links) == sorted(LANGUAGES), (lang, page)
            for other, href in links.items():
                target = (folder / page).parent / unquote(urlsplit(href).path)
                expected = (site if other == "en" else site / other) / page
                assert target.resolve() == expected.resolve(), (lang, page, other, href)


def test_the_app_strings_the_edition_calls_are_in_the_apps_catalog():
    with open(REPO / "locales" / "messages.pot", "rb") as fh:
        app = {m.id for m in read_po(fh) if m.id}
    used = app_text_messages()
    assert len(used) > 20
    assert [m for m in used if m not in app] == []


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_every_site_string_is_translated(lang):
    translations = catalog(lang)
    assert [m for m in site_messages() if not translations.get(m)] == []


@pytest.mark.parametrize("lang", ["ja", "ru"])
def test_no_english_ui_string_is_left_on_a_translated_page(site, lang):
    messages = [m for m in site_messages() + app_text_messages() if re.sub(r"\{[a-z_]+\}|[\W\d]", "", m)]
    # A string the language writes the same way is not left-over English ("{km} km" in Japanese).
    messages = [m for m in messages if catalog(lang).get(m, m) != m]
    patterns = [(m, english_pattern(m)) for m in messages]
    for page in PAGES:
        texts = parse(site / lang / page).texts
        left = sorted({m for m, p in patterns for t in texts if p.match(unescape(t))})
        assert left == [], (lang, page, left)


def test_translated_pages_carry_the_translated_words_and_content(site):
    ja = (site / "ja" / "index.html").read_text(encoding="utf-8")
    ru = (site / "ru" / "index.html").read_text(encoding="utf-8")
    assert "択捉島 / イトゥルップ島" in ja and "Итуруп / Эторофу" in ru
    assert catalog("ja")["Island panel"] in ja and catalog("ru")["Island panel"] in ru
    # Dates by Babel in the language (a day-precision event on the timeline).
    timeline_ja = (site / "ja" / "timeline.html").read_text(encoding="utf-8")
    timeline_ru = (site / "ru" / "timeline.html").read_text(encoding="utf-8")
    assert "1855年2月7日" in timeline_ja and "7 февраля 1855 г." in timeline_ru
    # The embed snippet on a translated page points at that language's embed page.
    assert "/four-islands/ja/embed.html" in ja and "/four-islands/ru/embed.html" in ru


def test_the_sources_page_uses_the_translated_method_where_there_is_one(site):
    for lang in ("ja", "ru"):
        method = (REPO / "content" / f"method.{lang}.md")
        page = (site / lang / "sources.html").read_text(encoding="utf-8")
        if method.is_file():
            first = next(line for line in method.read_text(encoding="utf-8").splitlines() if line.strip())
            heading = re.sub(r"^#+\s*", "", first).strip()
            assert re.sub(r"[*_]", "", heading) in unescape(re.sub(r"<[^>]+>", "", page)), lang


def test_hostile_content_is_escaped_in_every_language(tmp_path):
    root = build_hostile_content(tmp_path / "hostile")
    out = tmp_path / "site"
    export_site(load_content(root), out, translations_root=root)
    for lang in ("ja", "ru"):
        pages = sorted((out / lang).rglob("*.html"))
        assert len(pages) == len(PAGES)
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert "<script>window.__pwned" not in text, page
            assert 'onerror="window.__pwned' not in text, page
    news = (out / "ru" / "news.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in news
