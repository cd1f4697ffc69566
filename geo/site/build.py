"""Write the static edition: map pages, a page per island, timeline, news, sources, downloads.

Every page links only to files inside the site, by relative URL, so the site
works from file://, from any static host or CDN and from a USB stick. The
output depends only on the content and the geometry: no clock, no randomness.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from content import downloads as cd
from content.embed import DEFAULT_STATIC_URL, embed_query, embed_snippet
from content.load import Content
from content.method import load_method
from content.perspective import PERSPECTIVE_TITLES
from content.viewstate import KEY_YEARS
from geo.describe import attribution, provenance_summary
from geo.downloads import write_datasets
from geo.load import load_provenance
from geo.site.html import SourceNotes, bibliography_html, esc, event_html, excerpt_html, map_query, panel_html, prose_html
from geo.site.staticmap import build_static_map, map_data, render_map_page

REPO = Path(__file__).resolve().parents[2]
STATIC_DIR = REPO / "static"
ASSETS_DIR = Path(__file__).resolve().parent / "assets"
SITE_TITLE = "Four Islands"
MARKER = ".four-islands-site"  # marks a folder export-site may empty and rewrite


class SiteError(Exception):
    """Raised when the site cannot be written where asked."""


NAV = (("index.html", "Map"), ("timeline.html", "Timeline"), ("news.html", "News"), ("sources.html", "Sources & data"))


def _head(title: str, rel: str) -> str:
    return (f'<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title>"
            f'<link rel="icon" href="{rel}favicon.png"><link rel="stylesheet" href="{rel}assets/site.css">')


def _nav(rel: str, current: str) -> str:
    here = ' aria-current="page"'
    links = "".join(f'<a href="{rel}{href}"{here if href == current else ""}>{esc(label)}</a>' for href, label in NAV)
    return f'<header class="fi-top"><a class="fi-brand" href="{rel}index.html">{SITE_TITLE}</a><nav>{links}</nav></header>'


def text_page(content: Content, title: str, body: str, rel: str = "", current: str = "") -> str:
    """Return a whole text page (no map) with the site's navigation and the atlas's citation."""
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head>{_head(title, rel)}</head><body class=\"fi-text\">"
            f"{_nav(rel, current)}<main>{body}</main>"
            f'<footer class="fi-foot">Cite as: {esc(cd.atlas_citation(content))}</footer>'
            f'<script src="{rel}assets/site.js"></script></body></html>\n')


def embed_box(base: str, query: str, title: str, rel: str, live: bool = False) -> str:
    """Return the embed block: the snippet to copy, rebased on the page's own URL when served over HTTP.

    With `live` the page's script rewrites the snippet for the view shown on the map.
    """
    snippet = embed_snippet(base, "__QUERY__" if live else query, "__TITLE__" if live else title)
    shown = snippet if not live else embed_snippet(base, query, title)
    return (f'<div class="fi-embed"><label for="fi-embed-code"><strong>Embed this view</strong></label>'
            f'<textarea id="fi-embed-code" readonly rows="5" data-base="{esc(base)}" data-rel="{esc(rel)}"'
            + (f' data-template="{esc(snippet)}"' if live else "") + f'>{esc(shown)}</textarea>'
            f'<button type="button" class="fi-copy" data-for="fi-embed-code">Copy</button>'
            f'<p class="fi-muted">Paste into a story\'s HTML. The frame shows the static edition\'s page for this view '
            f'and credits the atlas; the link stays the same as long as the edition is published at the same address.</p></div>')


def downloads_html(written, rel: str) -> str:
    """Return a table of downloads with sizes."""
    rows = "".join(
        f'<tr><td><a href="{rel}data/{esc(d.filename)}" download>{esc(d.label)}</a></td>'
        f"<td><code>{esc(d.filename)}</code></td><td>{size / 1024:,.1f} KB</td></tr>"
        for d, size in written
    )
    return (f'<table class="fi-downloads"><thead><tr><th>Data</th><th>File</th><th>Size</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
            f'<p class="fi-muted">{esc(" ".join(cd.LICENCE_LINES))}</p>')


def _map_controls(content: Content, last: int) -> str:
    islands = "".join(f'<button type="button" class="fi-pick" data-island="{esc(i)}">{esc(isl.names.en)}</button>'
                      for i, isl in content.islands.items())
    keys = "".join(f'<button type="button" class="fi-key" data-year="{y}">{y}</button>' for y in KEY_YEARS if y <= last)
    options = "".join(f'<option value="{esc(p)}">{esc(t)}</option>' for p, t in PERSPECTIVE_TITLES.items())
    return (f'<div class="fi-controls">'
            f'<label>Perspective <select id="fi-perspective">{options}</select></label>'
            f'<label>Year <output id="fi-year-out">{last}</output>'
            f'<input type="range" id="fi-year" min="1855" max="{last}" value="{last}" step="1"></label>'
            f'<div class="fi-keys" role="group" aria-label="Key years">{keys}'
            f'<button type="button" class="fi-key" data-year="{last}">Today</button></div>'
            f'<div class="fi-picks" role="group" aria-label="Islands">{islands}</div></div>')


def index_page(content: Content, data: dict, base: str, when) -> str:
    """Return the atlas page: the map, its controls, every island's panel (shown on click) and the embed block."""
    last = data["last"]
    store: dict[str, str] = {}  # events and excerpts that several panels show, kept once
    panels = "".join(
        f'<section class="fi-panel" id="panel-{esc(i)}" data-island="{esc(i)}" hidden>'
        f'{panel_html(content, i, when, store=store)}<p><a href="islands/{esc(i)}.html">This island on its own page, with its data</a></p></section>'
        for i in content.islands
    )
    panels += ('<div id="fi-store" hidden>'
               + "".join(f'<div id="store-{esc(k)}">{v}</div>' for k, v in sorted(store.items())) + "</div>")
    intro = ('<section class="fi-panel" id="panel-none"><p>Iturup / Etorofu · Kunashir / Kunashiri · Shikotan · '
             "Habomai — administered by Russia since 1945, claimed by Japan.</p>"
             "<p>Hover an island for its names; click it, or choose it above, to open its panel.</p></section>")
    body = (_nav("", "index.html")
            + f'<aside class="fi-side" aria-label="Island panel">{_map_controls(content, last)}{intro}{panels}'
            + embed_box(base, embed_query(None, last, "neutral"), f"Four Islands map: {PERSPECTIVE_TITLES['neutral']} · {last}", "", live=True)
            + "</aside>")
    head = _head(f"{SITE_TITLE}: the Kuril Islands / Northern Territories dispute", "")
    page = render_map_page(build_static_map(content, data), head, body)
    return page.replace("<html>", '<html lang="en">', 1).replace("</html>", '<script src="assets/site.js"></script>\n</html>', 1)


def embed_page(content: Content, data: dict) -> str:
    """Return the embed page: the map alone with a credit line; the view comes from the link."""
    body = ('<p class="fi-credit"><a id="fi-open" href="index.html" target="_blank" rel="noopener">Four Islands atlas</a>'
            f" · {esc(attribution(load_provenance()))} · Leaflet</p>")
    head = _head(f"{SITE_TITLE}: map", "") + '<meta name="robots" content="noindex">'
    page = render_map_page(build_static_map(content, data), head, body).replace('<body>', '<body class="fi-embed-page">', 1)
    return page.replace("<html>", '<html lang="en">', 1).replace("</html>", '<script src="assets/site.js"></script>\n</html>', 1)


def island_page(content: Content, island_id: str, base: str, written, when, last: int) -> str:
    """Return one island's page: the panel, its data and the embed block for it."""
    island = content.islands[island_id]
    body = (f'<p><a href="../index.html#island={esc(island_id)}">Open {esc(island.names.en)} on the map</a></p>'
            + panel_html(content, island_id, when, "../")
            + '<h3 id="data">Download this island\'s data</h3>' + downloads_html(written, "../")
            + embed_box(base, embed_query(island_id, last, "neutral"), f"Four Islands map: {island.names.en}", "../"))
    return text_page(content, f"{island.names.en} — {SITE_TITLE}", body, "../")


def filter_box(selector: str, what: str, total: int, placeholder: str) -> str:
    """Return a search box the page script uses to hide the items that do not match every word."""
    return (f'<p class="fi-filter"><label>Search the {esc(what)} <input type="search" id="fi-filter" '
            f'data-items="{esc(selector)}" placeholder="{esc(placeholder)}"></label> '
            f'<output id="fi-filter-count" class="fi-muted">{total} of {total}</output></p>')


def timeline_page(content: Content) -> str:
    """Return every event with its sources, each linked to the map at its date and to its excerpts."""
    notes = SourceNotes(content)
    items = []
    for event in content.events:
        related = content.excerpts_for_event(event.id)
        more = ""
        if related:
            links = ", ".join(f'<a href="news.html#excerpt-{esc(x.id)}">{esc(a.outlet)}, {esc(a.date)}</a>' for a, x in related)
            more = f'<p class="fi-muted">News excerpts about this event: {links}</p>'
        items.append(event_html(event, notes, f"index.html#{map_query(None, event.date)}").replace("</article>", more + "</article>"))
    body = (f"<h1>Timeline of the dispute</h1><p>{len(content.events)} dated events, each with its sources. "
            "Dates are given to the precision they are known.</p>"
            + filter_box(".fi-event", "timeline", len(content.events), "e.g. Shimoda, Article 9, visa-free")
            + "".join(items) + "<h2>Sources</h2>" + notes.render())
    return text_page(content, f"Timeline — {SITE_TITLE}", body, "", "timeline.html")


def news_page(content: Content) -> str:
    """Return every verbatim excerpt with outlet, date, speaker, state-control label and corrections."""
    notes = SourceNotes(content)
    excerpts = "".join(excerpt_html(a, x, notes) for a, x in content.excerpts())
    body = ("<h1>News excerpts</h1><p>Short verbatim excerpts from the articles the project started from, each with "
            "outlet, date and speaker. State-controlled outlets are labelled; where an article states something wrong, "
            "a correction with its source follows the excerpt.</p>"
            + filter_box(".fi-excerpt", "excerpts", content.excerpt_count, "e.g. peace treaty, Lavrov")
            + excerpts
            + ("<h2>Sources for the corrections</h2>" + notes.render() if notes.order else ""))
    return text_page(content, f"News — {SITE_TITLE}", body, "", "news.html")


def sources_page(content: Content, written_all, written_islands, base: str) -> str:
    """Return the method, the outlines' provenance, the downloads, embedding and the bibliography."""
    provenance = "".join(f"<li><strong>{esc(k)}:</strong> {esc(v)}</li>" for k, v in provenance_summary(load_provenance()))
    per_island = "".join(
        f'<li><a href="islands/{esc(i)}.html#data">{esc(content.islands[i].names.en)}</a>: '
        + ", ".join(f'<a href="data/{esc(d.filename)}" download>{esc(d.filename)}</a>' for d, _ in w) + "</li>"
        for i, w in written_islands.items()
    )
    body = ("<h1>Sources &amp; method</h1>" + prose_html(load_method())
            + f'<h2>Outlines</h2><ul class="fi-facts">{provenance}</ul>'
            + '<h2 id="data">Download data</h2>' + downloads_html(written_all, "")
            + f"<h3>One island's slice</h3><ul>{per_island}</ul>"
            + "<h3>Cite the atlas</h3>" + f"<p><code>{esc(cd.atlas_citation(content))}</code></p>"
            + '<h2 id="embed">Embed a view</h2>' + embed_box(base, embed_query(None, None, "neutral"), "Four Islands map", "")
            + f"<h2>Bibliography ({len(content.sources)} sources)</h2>" + bibliography_html(list(content.sources.values())))
    return text_page(content, f"Sources & data — {SITE_TITLE}", body, "", "sources.html")


def export_site(content: Content, out: Path, base: str | None = None) -> dict[str, int]:
    """Write the whole static edition into `out` (emptied first); return {relative path: bytes}."""
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
    written_all = write_datasets(content, out / "data")
    written_islands = {i: write_datasets(content, out / "data", i) for i in content.islands}
    data = map_data(content, last, True)
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
    for name, text in pages.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {p.relative_to(out).as_posix(): p.stat().st_size for p in sorted(out.rglob("*")) if p.is_file()}
