"""Write the static edition: map pages, a page per island, timeline, news, sources, downloads.

Every page links only to files inside the site, by relative URL, so the site
works from file://, from any static host or CDN and from a USB stick. The
output depends only on the content and the geometry: no clock, no randomness.

Three languages, one folder each with the same pages: English at the root (the
edition's addresses stay as they were), Japanese under ``ja/``, Russian under
``ru/``. The Leaflet files, the assets and the data downloads are shared at the
root. Each page is built inside ``using(lang)`` from ``localize(content, lang)``,
so every UI string, date and content text is the language's; every page carries
``<html lang>`` and links to the same page in the other two languages.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from content import downloads as cd
from content.embed import DEFAULT_STATIC_URL, embed_query, embed_snippet
from content.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, language, using

from content.load import CONTENT_DIR, Content
from content.method import load_method
from content.perspective import PERSPECTIVE_TITLES, island_label
from content.present import format_date
from content.translations import localize
from content.viewstate import KEY_YEARS
from geo.describe import attribution, provenance_summary
from geo.downloads import write_datasets
from geo.load import load_provenance
from geo.site.html import SourceNotes, bibliography_html, esc, event_html, excerpt_html, map_query, panel_html, prose_html
from geo.site.staticmap import build_static_map, map_data, render_map_page

# A string of the app's catalog (messages.po): translated as _ does, not extracted into site.pot.
app_text = _


REPO = Path(__file__).resolve().parents[2]
STATIC_DIR = REPO / "static"
ASSETS_DIR = Path(__file__).resolve().parent / "assets"
SITE_TITLE = "Four Islands"  # app_text: the app's catalog translates it
MARKER = ".four-islands-site"  # marks a folder export-site may empty and rewrite


class SiteError(Exception):
    """Raised when the site cannot be written where asked."""


# The app's own page names (messages.po), translated where the header is set.
NAV = (("index.html", "Map"), ("timeline.html", "Timeline"), ("news.html", "News"),
       ("sources.html", N_("Sources & data")))


def lang_dir(lang: str) -> str:
    """Return a language's folder in the edition: '' for English (the root), 'ja/', 'ru/'."""
    return "" if lang == "en" else f"{lang}/"


def root_of(rel: str) -> str:
    """Return the path from a page to the edition's root (shared assets, data), given the one to its language's home."""
    return rel + ("../" * lang_dir(language()).count("/"))


def _head(title: str, rel: str) -> str:
    root = root_of(rel)
    return (f'<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title>"
            f'<link rel="icon" href="{root}favicon.png"><link rel="stylesheet" href="{root}assets/site.css">')


def lang_switch(rel: str, page: str) -> str:
    """Return the links to this page in each language (the current one marked), by relative URL."""
    root = root_of(rel)
    links = "".join(
        f'<a href="{root}{lang_dir(lang)}{page}" hreflang="{lang}" lang="{lang}"'
        + (' aria-current="true"' if lang == language() else "") + f">{esc(LANGUAGE_NAMES[lang])}</a>"
        for lang in LANGUAGES
    )
    return f'<nav class="fi-langs" aria-label="{esc(app_text("Language"))}">{links}</nav>'


def _nav(rel: str, current: str, page: str) -> str:
    here = ' aria-current="page"'
    links = "".join(f'<a href="{rel}{href}"{here if href == current else ""}>{esc(_(label))}</a>' for href, label in NAV)
    return (f'<header class="fi-top"><a class="fi-brand" href="{rel}index.html">{esc(_(SITE_TITLE))}</a>'
            f"<nav>{links}</nav>{lang_switch(rel, page)}</header>")


def text_page(content: Content, title: str, body: str, rel: str = "", current: str = "", page: str = "") -> str:
    """Return a whole text page (no map) with the site's navigation, language links and the atlas's citation.

    `rel` leads from the page to its language's home; `page` is its path there (for the language links).
    """
    return (f"<!DOCTYPE html>\n<html lang=\"{language()}\"><head>{_head(title, rel)}</head><body class=\"fi-text\">"
            f"{_nav(rel, current, page or current or 'index.html')}<main>{body}</main>"
            f'<footer class="fi-foot">{esc(_("Cite as: {citation}").format(citation=cd.atlas_citation(content)))}</footer>'
            f'<script src="{root_of(rel)}assets/site.js"></script></body></html>\n')


def _map_page(page: str) -> str:
    """Set a folium page's language and load the page script (shared at the edition's root)."""
    return (page.replace("<html>", f'<html lang="{language()}">', 1)
            .replace("</html>", f'<script src="{root_of("")}assets/site.js"></script>\n</html>', 1))


def embed_box(base: str, query: str, title: str, rel: str, live: bool = False) -> str:
    """Return the embed block: the snippet to copy, rebased on the page's own URL when served over HTTP.

    With `live` the page's script rewrites the snippet for the view shown on the map.
    """
    base = base.rstrip("/") + "/" + lang_dir(language())  # the language's own embed page
    snippet = embed_snippet(base, "__QUERY__" if live else query, "__TITLE__" if live else title)
    shown = snippet if not live else embed_snippet(base, query, title)
    return (f'<div class="fi-embed"><label for="fi-embed-code"><strong>{esc(app_text("Embed this view"))}</strong></label>'
            f'<textarea id="fi-embed-code" readonly rows="5" data-base="{esc(base)}" data-rel="{esc(rel)}"'
            + (f' data-template="{esc(snippet)}" data-title="{esc(app_text("Four Islands map: {view}"))}"' if live else "")
            + f'>{esc(shown)}</textarea>'
            f'<button type="button" class="fi-copy" data-for="fi-embed-code" data-done="{esc(_("Copied"))}">'
            f'{esc(_("Copy"))}</button>'
            f'<p class="fi-muted">{esc(_(EMBED_NOTE))}</p></div>')


EMBED_NOTE = N_("Paste into a story's HTML. The frame shows the static edition's page for this view and credits "
                "the atlas; the link stays the same as long as the edition is published at the same address.")


def downloads_html(written, rel: str) -> str:
    """Return a table of downloads with sizes."""
    # The files' labels are the app's (messages.po: its data downloads list them too).
    rows = "".join(
        f'<tr><td><a href="{root_of(rel)}data/{esc(d.filename)}" download>{esc(_(d.label))}</a></td>'
        f"<td><code>{esc(d.filename)}</code></td><td>{esc(_('{size} KB').format(size=format_kb(size)))}</td></tr>"
        for d, size in written
    )
    return (f'<table class="fi-downloads"><thead><tr><th>{esc(_("Data"))}</th><th>{esc(_("File"))}</th>'
            f'<th>{esc(_("Size"))}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
            f'<p class="fi-muted">{esc(" ".join(cd.LICENCE_LINES))}</p>')


def format_kb(size: int) -> str:
    """Return a file size in KB with one decimal, in the language's number format."""
    from babel.numbers import format_decimal

    from content.i18n import BABEL_LOCALES

    return format_decimal(size / 1024, format="#,##0.0", locale=BABEL_LOCALES[language()])


def island_name(content: Content, island_id: str) -> str:
    """Return an island's neutral name in the run's language: 'Iturup / Etorofu', '択捉島 / イトゥルップ島'."""
    return island_label(content.islands[island_id], "neutral")


def _map_controls(content: Content, last: int) -> str:
    islands = "".join(f'<button type="button" class="fi-pick" data-island="{esc(i)}">{esc(island_name(content, i))}</button>'
                      for i in content.islands)
    keys = "".join(f'<button type="button" class="fi-key" data-year="{y}">{y}</button>' for y in KEY_YEARS if y <= last)
    options = "".join(f'<option value="{esc(p)}">{esc(_(t))}</option>' for p, t in PERSPECTIVE_TITLES.items())
    return (f'<div class="fi-controls">'
            f'<label>{esc(app_text("Perspective"))} <select id="fi-perspective">{options}</select></label>'
            f'<label>{esc(app_text("Year"))} <output id="fi-year-out">{last}</output>'
            f'<input type="range" id="fi-year" min="1855" max="{last}" value="{last}" step="1"></label>'
            f'<div class="fi-keys" role="group" aria-label="{esc(app_text("Key years"))}">{keys}'
            f'<button type="button" class="fi-key" data-year="{last}">{esc(app_text("Today"))}</button></div>'
            f'<div class="fi-picks" role="group" aria-label="{esc(app_text("Islands"))}">{islands}</div></div>')


def index_page(content: Content, data: dict, base: str, when) -> str:
    """Return the atlas page: the map, its controls, every island's panel (shown on click) and the embed block."""
    last = data["last"]
    store: dict[str, str] = {}  # events and excerpts that several panels show, kept once
    panels = "".join(
        f'<section class="fi-panel" id="panel-{esc(i)}" data-island="{esc(i)}" hidden>'
        f'{panel_html(content, i, when, store=store)}<p><a href="islands/{esc(i)}.html">'
        f'{esc(_("This island on its own page, with its data"))}</a></p></section>'
        for i in content.islands
    )
    panels += ('<div id="fi-store" hidden>'
               + "".join(f'<div id="store-{esc(k)}">{v}</div>' for k, v in sorted(store.items())) + "</div>")
    intro = (f'<section class="fi-panel" id="panel-none"><p>'
             + esc(app_text("Iturup / Etorofu · Kunashir / Kunashiri · Shikotan · Habomai — administered by the "
                            "Soviet Union from 1945 and by Russia since 1991, claimed by Japan.")) + "</p>"
             f'<p>{esc(app_text("Hover an island for its names; click it, or choose it above, to open its panel."))}</p></section>')
    title = app_text("Four Islands map: {view}").format(view=f"{_(PERSPECTIVE_TITLES['neutral'])} · {last}")
    body = (_nav("", "index.html", "index.html")
            + f'<aside class="fi-side" aria-label="{esc(_("Island panel"))}">{_map_controls(content, last)}{intro}{panels}'
            + embed_box(base, embed_query(None, last, "neutral"), title, "", live=True)
            + "</aside>")
    head = _head(_("Four Islands: the Kuril Islands / Northern Territories dispute"), "")
    return _map_page(render_map_page(build_static_map(content, data, root_of("")), head, body))


def embed_page(content: Content, data: dict) -> str:
    """Return the embed page: the map alone with a credit line; the view comes from the link."""
    body = (f'<p class="fi-credit"><a id="fi-open" href="index.html" target="_blank" rel="noopener">'
            f'{esc(app_text("Four Islands atlas"))}</a> · {esc(attribution(load_provenance()))} · Leaflet</p>')
    head = _head(_("Four Islands: map"), "") + '<meta name="robots" content="noindex">'
    page = render_map_page(build_static_map(content, data, root_of("")), head, body)
    return _map_page(page.replace('<body>', '<body class="fi-embed-page">', 1))


def island_page(content: Content, island_id: str, base: str, written, when, last: int) -> str:
    """Return one island's page: the panel, its data and the embed block for it."""
    name = island_name(content, island_id)
    body = (f'<p><a href="../index.html#island={esc(island_id)}">{esc(_("Open {island} on the map").format(island=name))}</a></p>'
            + panel_html(content, island_id, when, "../")
            + '<h3 id="data">' + esc(app_text("Download this island's data")) + "</h3>" + downloads_html(written, "../")
            + embed_box(base, embed_query(island_id, last, "neutral"), app_text("Four Islands map: {view}").format(view=name), "../"))
    return text_page(content, f"{name} — {_(SITE_TITLE)}", body, "../", page=f"islands/{island_id}.html")


def filter_box(selector: str, what: str, total: int, placeholder: str) -> str:
    """Return a search box the page script uses to hide the items that do not match every word."""
    of = _("{shown} of {total}")
    return (f'<p class="fi-filter"><label>{esc(what)} <input type="search" id="fi-filter" '
            f'data-items="{esc(selector)}" placeholder="{esc(placeholder)}"></label> '
            f'<output id="fi-filter-count" class="fi-muted" data-of="{esc(of)}">'
            f'{esc(of.format(shown=total, total=total))}</output></p>')


def timeline_page(content: Content) -> str:
    """Return every event with its sources, each linked to the map at its date and to its excerpts."""
    notes = SourceNotes(content)
    items = []
    for event in content.events:
        related = content.excerpts_for_event(event.id)
        more = ""
        if related:
            links = app_text(", ").join(f'<a href="news.html#excerpt-{esc(x.id)}">{esc(a.outlet)}, '
                                        f'{esc(format_date(a.date))}</a>' for a, x in related)
            heading = app_text("News excerpts about this event ({count})").format(count=len(related))
            more = f'<p class="fi-muted">{esc(heading)}: {links}</p>'
        items.append(event_html(event, notes, f"index.html#{map_query(None, event.date)}").replace("</article>", more + "</article>"))
    intro = app_text("{count} dated events from {first} to {last}, each with its sources. Dates are given to the "
                     "precision they are known.").format(count=len(content.events), first=content.events[0].date[:4],
                                                         last=content.events[-1].date[:4])
    body = (f"<h1>{esc(app_text('Timeline of the dispute'))}</h1><p>{esc(intro)}</p>"
            + filter_box(".fi-event", _("Search the timeline"), len(content.events),
                         app_text("e.g. Shimoda, Article 9, visa-free"))
            + "".join(items) + f"<h2>{esc(app_text('Sources'))}</h2>" + notes.render())
    return text_page(content, f"{app_text('Timeline')} — {_(SITE_TITLE)}", body, "", "timeline.html")


def news_page(content: Content) -> str:
    """Return every verbatim excerpt with outlet, date, speaker, state-control label and corrections."""
    notes = SourceNotes(content)
    excerpts = "".join(excerpt_html(a, x, notes) for a, x in content.excerpts())
    intro = app_text("Short verbatim excerpts from the articles the project started from, each with outlet, date and "
              "speaker. State-controlled outlets are labelled; where an article states something wrong, a "
              "correction with its source follows the excerpt.")
    body = (f"<h1>{esc(app_text('News excerpts'))}</h1><p>{esc(intro)}</p>"
            + filter_box(".fi-excerpt", app_text("Search the excerpts"), content.excerpt_count, app_text("e.g. peace treaty, Lavrov"))
            + excerpts
            + (f"<h2>{esc(app_text('Sources for the corrections'))}</h2>" + notes.render() if notes.order else ""))
    return text_page(content, f"{app_text('News')} — {_(SITE_TITLE)}", body, "", "news.html")


def sources_page(content: Content, written_all, written_islands, base: str) -> str:
    """Return the method, the outlines' provenance, the downloads, embedding and the bibliography."""
    provenance = "".join(f"<li><strong>{esc(k)}:</strong> {esc(v)}</li>" for k, v in provenance_summary(load_provenance()))
    root = root_of("")
    per_island = "".join(
        f'<li><a href="islands/{esc(i)}.html#data">{esc(island_name(content, i))}</a>: '
        + ", ".join(f'<a href="{root}data/{esc(d.filename)}" download>{esc(d.filename)}</a>' for d, _size in w) + "</li>"
        for i, w in written_islands.items()
    )
    bibliography = app_text("Bibliography ({count} sources)").format(count=len(content.sources))
    body = (f"<h1>{esc(app_text('Sources & method'))}</h1>" + prose_html(load_method(language()))
            + f'<h2>{esc(app_text("Outlines"))}</h2><ul class="fi-facts">{provenance}</ul>'
            + f'<h2 id="data">{esc(app_text("Download data"))}</h2>' + downloads_html(written_all, "")
            + f"<h3>{esc(_('One island’s slice'))}</h3><ul>{per_island}</ul>"
            + f"<h3>{esc(_('Cite the atlas'))}</h3>" + f"<p><code>{esc(cd.atlas_citation(content))}</code></p>"
            + f'<h2 id="embed">{esc(_("Embed a view"))}</h2>'
            + embed_box(base, embed_query(None, None, "neutral"), _("Four Islands map"), "")
            + f"<h2>{esc(bibliography)}</h2>" + bibliography_html(list(content.sources.values())))
    return text_page(content, f"{_('Sources & data')} — {_(SITE_TITLE)}", body, "", "sources.html")


def language_pages(content: Content, base: str, when, written_all, written_islands) -> dict[str, str]:
    """Return the run's language's pages {path in the edition: HTML}: map, embed, timeline, news, sources, islands."""
    last = when.year
    data = map_data(content, last, True)
    where = lang_dir(language())
    pages = {
        "index.html": index_page(content, data, base, when),
        # An embedded view never rewrites the embedding page's address.
        "embed.html": embed_page(content, {**data, "writeLink": False}),
        "timeline.html": timeline_page(content),
        "news.html": news_page(content),
        "sources.html": sources_page(content, written_all, written_islands, base),
    }
    for island_id, written in written_islands.items():
        pages[f"islands/{island_id}.html"] = island_page(content, island_id, base, written, when, last)
    return {where + name: page for name, page in pages.items()}


def export_site(content: Content, out: Path, base: str | None = None,
                translations_root: Path | None = None) -> dict[str, int]:
    """Write the whole static edition into `out` (emptied first); return {relative path: bytes}.

    `translations_root` is the content root whose translations/ the ja and ru pages use
    (default: the project's content; give the root `content` was loaded from).
    """
    base = base or os.environ.get("FOUR_ISLANDS_STATIC_URL") or DEFAULT_STATIC_URL
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        # Only a folder this command wrote is emptied: `export-site .` must never delete a repository.
        if not (out / MARKER).is_file():
            raise SiteError(f"{out} is not empty and was not written by export-site; choose another folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Written by python -m geo.site export-site; the whole folder is replaced on the next build.\n")
    shutil.copytree(STATIC_DIR / "vendor", out / "vendor")
    shutil.copy(STATIC_DIR / "favicon.png", out / "favicon.png")
    shutil.copytree(ASSETS_DIR, out / "assets")
    when = cd.content_date(content)
    last = when.year
    # The data downloads are the English content (its ids, dates and sources), once, shared by every language.
    written_all = write_datasets(content, out / "data")
    written_islands = {i: write_datasets(content, out / "data", i) for i in content.islands}
    pages: dict[str, str] = {}
    for lang in LANGUAGES:
        with using(lang):
            localized = localize(content, lang, translations_root or CONTENT_DIR)
            pages.update(language_pages(localized, base, when, written_all, written_islands))
    for name, text in pages.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {p.relative_to(out).as_posix(): p.stat().st_size for p in sorted(out.rglob("*")) if p.is_file()}
