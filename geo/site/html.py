"""Render content as HTML for the static edition: panels, events, excerpts, bibliography.

Every content string goes through `esc` (html.escape, quotes too): content is
text, never markup. The words come from content.present, as in the app, and the
page's own words from `_` (locales/*/LC_MESSAGES/site.po), in the run's language.
"""

from __future__ import annotations

import re
from html import escape

from content import present
from content.i18n import _

from content.load import Content
from content.models import Article, Event, Excerpt, Source
from content.perspective import island_label
from content.viewstate import FIRST_YEAR


# A string of the app's catalog (messages.po): translated as _ does, not extracted into site.pot.
app_text = _


def esc(text: object) -> str:
    """Escape text for HTML element content and attribute values."""
    return escape(str(text), quote=True)


def link(text: object, url: object | None) -> str:
    """Return an escaped link that opens outside the frame, or the escaped text when there is no URL."""
    if not url:
        return esc(text)
    return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(text)}</a>'


class SourceNotes(present.SourceNumbering):
    """Number the sources a page or panel cites, in order of first use, as HTML."""

    def refs(self, source_ids: tuple[str, ...] | list[str]) -> str:
        """Return ' [1, 3]' as HTML for the given sources, numbering new ones."""
        numbers = self.numbers(source_ids)
        return f' <span class="fi-refs">[{", ".join(numbers)}]</span>' if numbers else ""

    def render(self) -> str:
        """Return the numbered sources as an ordered list with links."""
        items = "".join(
            f'<li data-id="{esc(sid)}">{link(present.format_source(self.content.sources[sid]), self.content.sources[sid].url)}</li>'
            for sid in self.order
        )
        return f'<ol class="fi-sources">{items}</ol>'


class DeferredNotes(SourceNotes):
    """Number sources as SourceNotes does, but leave each [n] to the page script (data-src holds the ids).

    Lets one copy of an event or excerpt serve every panel of the map page, each
    panel numbering its own sources.
    """

    def refs(self, source_ids: tuple[str, ...] | list[str]) -> str:
        """Return an empty reference span naming the sources, recording their order of first use."""
        self.numbers(source_ids)
        return f' <span class="fi-refs" data-src="{esc(" ".join(source_ids))}"></span>' if source_ids else ""


def lines_html(lines: list[present.Line], notes: SourceNotes) -> str:
    """Return labelled facts as a list, each with its source numbers and note."""
    rows = []
    for line in lines:
        note = f'<br><em class="fi-note">{esc(line.note)}</em>' if line.note else ""
        rows.append(f"<li><strong>{esc(line.label)}:</strong> {esc(line.value)}{notes.refs(line.sources)}{note}</li>")
    return f'<ul class="fi-facts">{"".join(rows)}</ul>'


def event_html(event: Event, notes: SourceNotes, map_link: str | None = None) -> str:
    """Return one event: date and title, summary, both positions, change of control."""
    parts = [f'<h4 class="fi-event-title">{esc(present.event_heading(event))}{notes.refs(event.sources)}</h4>',
             f"<p>{esc(event.summary)}</p>"]
    if event.positions and event.positions.japan:
        parts.append("<p><em>" + esc(app_text("Japan's position:")) + f"</em> {esc(event.positions.japan)}</p>")
    if event.positions and event.positions.russia:
        parts.append("<p><em>" + esc(app_text("Russia's position:")) + f"</em> {esc(event.positions.russia)}</p>")
    change = present.control_text(event)
    if change:
        parts.append(f'<p class="fi-muted">{esc(change)}</p>')
    if map_link and int(event.date[:4]) >= FIRST_YEAR:  # the map starts at the first treaty
        parts.append(f'<p><a href="{esc(map_link)}">{esc(app_text("Show the map at this date"))}</a></p>')
    return f'<article class="fi-event" id="event-{esc(event.id)}">{"".join(parts)}</article>'


def excerpt_html(article: Article, excerpt: Excerpt, notes: SourceNotes) -> str:
    """Return a verbatim excerpt with outlet, date, speaker, link, state-control label and correction."""
    who = f"{esc(excerpt.speaker)} — " if excerpt.speaker else ""
    # Verbatim in its own language; a translation into the reader's language is marked as one.
    parts = [f"<blockquote>{esc(excerpt.text)}</blockquote>"]
    if excerpt.translation and excerpt.translation != excerpt.text:
        parts.append(f'<blockquote class="fi-translation"><span class="fi-muted">{esc(_("Translation:"))}</span> '
                     f"{esc(excerpt.translation)}</blockquote>")
    parts += [
        f'<p class="fi-muted">{who}{esc(present.outlet_label(article))}, {esc(present.format_date(article.date))}'
        f" · “{link(article.headline, article.url)}”</p>",
    ]
    if article.state_controlled and article.state_control_note:
        parts.append(f'<p class="fi-muted fi-state">ⓘ {esc(article.state_control_note)}</p>')
    if excerpt.correction:
        parts.append(f'<p class="fi-correction"><strong>{esc(app_text("Correction:"))}</strong> {esc(excerpt.correction.text)}'
                     f"{notes.refs(excerpt.correction.sources)}</p>")
    parts.append(f'<p class="fi-cite"><span>{esc(_("Cite:"))}</span> <code>{esc(present.cite_excerpt(article, excerpt))}</code></p>')
    return f'<div class="fi-excerpt" id="excerpt-{esc(excerpt.id)}">{"".join(parts)}</div>'


def panel_html(content: Content, island_id: str, citation_date, rel: str = "",
               store: dict[str, str] | None = None) -> str:
    """Return an island's whole panel: names, both statuses, history, news, sources and a citation.

    `rel` is the path from the page to the site's root ("" or "../"). With a
    `store`, each event and excerpt goes into it once (keyed "event-ID" or
    "excerpt-ID") and the panel holds a placeholder that the page script fills
    with a copy, and the source numbers are left to the script too.
    """
    island = content.islands[island_id]
    notes = DeferredNotes(content) if store is not None else SourceNotes(content)

    def shared(key: str, html: str) -> str:
        if store is None:
            return html
        store.setdefault(key, html)
        return f'<div class="fi-clone" data-from="{esc(key)}"></div>'
    head = (f'<h2 class="fi-panel-title">{esc(island_label(island, "neutral"))}</h2>'
            f"<p>{esc(present.status_summary(island))}</p>"
            + lines_html(present.name_lines(island) + present.fact_lines(island), notes)
            + f"<p>{esc(island.summary)}</p>")
    members = ""
    if island.members:
        members = (f"<details><summary>{esc(app_text('The islets of the group ({count})').format(count=len(island.members)))}</summary>"
                   f"{lines_html(present.member_lines(island), notes)}</details>")
    status = (f'<div class="fi-sides"><section><h3>{esc(app_text("As Russia administers it"))}</h3>'
              f"{lines_html(present.russian_lines(island), notes)}</section>"
              f"<section><h3>{esc(app_text('As Japan claims it'))}</h3>{lines_html(present.japanese_lines(island), notes)}"
              "</section></div>")
    events = content.events_for(island_id)
    # A shared copy's link leaves the island out: on the map page the selection stays as it is.
    history = "".join(
        shared(f"event-{e.id}", event_html(e, notes, f"{rel}index.html#{map_query(None if store is not None else island_id, e.date)}"))
        for e in events
    )
    excerpts = content.excerpts_for(island_id)
    news = ("".join(shared(f"excerpt-{x.id}", excerpt_html(a, x, notes)) for a, x in excerpts)
            or f"<p>{esc(app_text('No news excerpt concerns this island yet.'))}</p>")
    notes.refs(island.sources)
    cited = [content.sources[sid] for sid in notes.order]
    if store is None:
        sources = (notes.render() + f"<p><strong>{esc(app_text('Cite this panel'))}</strong></p>"
                   f'<p class="fi-cite"><code>{esc(present.cite_island(island, cited, citation_date))}</code></p>')
    else:
        # Each source's list item and citation are kept once in the store; the script puts them
        # back in this panel's order. The citation's head is cite_island with no source.
        for sid in notes.order:
            source = content.sources[sid]
            store.setdefault(f"source-{sid}", f'<li data-id="{esc(sid)}">{link(present.format_source(source), source.url)}</li>')
            store.setdefault(f"cite-{sid}", f"<span>{esc(present.cite_source(source))}</span>")
        ids = esc(" ".join(notes.order))
        sources = (f'<ol class="fi-sources" data-ids="{ids}"></ol><p><strong>{esc(app_text("Cite this panel"))}</strong></p>'
                   f'<p class="fi-cite"><code data-ids="{ids}" data-head="{esc(present.cite_island(island, [], citation_date))}">'
                   "</code></p>")
    return (
        head + members + status
        + f'<details class="fi-section" open><summary><h3>{esc(app_text("Claims history ({count})").format(count=len(events)))}'
        f"</h3></summary>{history}</details>"
        + f'<details class="fi-section"><summary><h3>{esc(app_text("News ({count})").format(count=len(excerpts)))}</h3></summary>'
        f"{news}</details>"
        + f'<details class="fi-section"><summary><h3>{esc(_("Sources ({count})").format(count=len(notes.order)))}'
        f"</h3></summary>{sources}</details>"
    )


def map_query(island: str | None, date: str) -> str:
    """Return the map page's fragment for an island at an event's date: 'island=iturup&year=1945&date=1945-08'."""
    parts = ([f"island={island}"] if island else []) + [f"year={date[:4]}"]
    if "-" in date:
        parts.append(f"date={date}")
    return "&".join(parts)


def bibliography_html(sources: list[Source]) -> str:
    """Return the bibliography as a list, sorted as the app's Sources page sorts it."""
    items = []
    for source in sorted(sources, key=lambda s: present.format_source(s).casefold()):
        note = f" — <em>{esc(source.note)}</em>" if source.note else ""
        items.append(f'<li id="source-{esc(source.id)}">{link(present.format_source(source), source.url)}'
                     f' · {esc(_(source.kind))}{note}</li>')  # the kinds are in the app's catalog
    return f'<ul class="fi-bibliography">{"".join(items)}</ul>'


_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def _inline(text: str) -> str:
    return _EM.sub(r"<em>\1</em>", _STRONG.sub(r"<strong>\1</strong>", esc(text)))


def prose_html(markdown: str) -> str:
    """Render the project's own reviewed prose (headings, bullet lists, paragraphs, bold, italic)."""
    out: list[str] = []
    block: list[str] = []
    kind = None

    def flush() -> None:
        nonlocal block, kind
        if block:
            if kind == "ul":
                out.append("<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in block) + "</ul>")
            else:
                out.append(f"<p>{_inline(' '.join(block))}</p>")
        block, kind = [], None

    for raw in markdown.splitlines():
        line = raw.strip()
        heading = _HEADING.match(line)
        if not line:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif line.startswith(("- ", "* ")):
            if kind != "ul":
                flush()
                kind = "ul"
            block.append(line[2:])
        elif kind == "ul" and block:
            block[-1] += " " + line
        else:
            kind = "p"
            block.append(line)
    flush()
    return "\n".join(out)
