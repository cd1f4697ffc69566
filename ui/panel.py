"""Render an island's panel, events and excerpts with Streamlit; all content text escaped."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from content import present
from content.i18n import _
from content.load import Content
from content.perspective import island_label
from content.models import Article, Event, Excerpt
from ui.datadownloads import render_data_downloads
from ui.text import link, md


PANEL_LIST_HEIGHT = 640  # px


class SourceNotes(present.SourceNumbering):
    """Number the sources a panel cites, in order of first use."""

    def refs(self, source_ids: tuple[str, ...] | list[str]) -> str:
        """Return ' [1, 3]' for the given sources, numbering new ones."""
        numbers = self.numbers(source_ids)
        return f" \\[{', '.join(numbers)}\\]" if numbers else ""

    def render(self) -> None:
        """List the numbered sources with links, as one element (one element renders fast)."""
        if not self.order:
            return
        sources = (self.content.sources[sid] for sid in self.order)
        st.markdown("  \n".join(f"{n}\\. {link(present.format_source(s), s.url)}"
                                for n, s in enumerate(sources, start=1)))


def render_lines(lines: list[present.Line], notes: SourceNotes) -> None:
    """Render labelled facts as a compact list with source numbers."""
    rows = []
    for line in lines:
        row = f"- **{md(line.label)}:** {md(line.value)}{notes.refs(line.sources)}"
        if line.note:
            row += f"  \n  _{md(line.note)}_"
        rows.append(row)
    st.markdown("\n".join(rows))


def event_markdown(event: Event, notes: SourceNotes) -> str:
    """Return one history event as Markdown: date, title, summary, positions, control change."""
    parts = [f"**{md(present.event_heading(event))}**{notes.refs(event.sources)}  \n{md(event.summary)}"]
    if event.positions and event.positions.japan:
        parts.append("_" + _("Japan's position:") + f"_ {md(event.positions.japan)}")
    if event.positions and event.positions.russia:
        parts.append("_" + _("Russia's position:") + f"_ {md(event.positions.russia)}")
    change = present.control_text(event)
    if change:
        parts.append(f":gray[{md(change)}]")
    return "\n\n".join(parts)


def render_events(events: list[Event], notes: SourceNotes) -> None:
    """Render a list of events as one Markdown element (one element renders fast)."""
    st.markdown("\n\n---\n\n".join(event_markdown(e, notes) for e in events))


def excerpt_markdown(article: Article, excerpt: Excerpt, notes: SourceNotes | None = None) -> str:
    """Return a verbatim excerpt as Markdown with outlet, date, speaker, link and any correction."""
    who = f"{md(excerpt.speaker)} — " if excerpt.speaker else ""
    lines = [
        f"> {md(excerpt.text)}",
        f":gray[{who}{md(present.outlet_label(article))}, {md(present.format_date(article.date))}]"
        f" · “{link(article.headline, article.url)}”",
    ]
    if article.state_controlled and article.state_control_note:
        lines.append(f":gray[ⓘ {md(article.state_control_note)}]")
    if excerpt.correction:
        refs = notes.refs(excerpt.correction.sources) if notes else ""
        lines.append("**" + _("Correction:") + f"** {md(excerpt.correction.text)}{refs}")
    return "\n\n".join(lines)


def render_excerpt(article: Article, excerpt: Excerpt, notes: SourceNotes | None = None) -> None:
    """Render an excerpt in a box, with its citation ready to copy."""
    with st.container(border=True):
        st.markdown(excerpt_markdown(article, excerpt, notes))
        st.code(present.cite_excerpt(article, excerpt), language=None, wrap_lines=True)


def render_panel_head(content: Content, island_id: str, notes: SourceNotes) -> None:
    """Render the top of an island's panel: names, status, area (drawn first, so it shows fast)."""
    island = content.islands[island_id]
    st.subheader(md(island_label(island, "neutral")), anchor=False)
    st.markdown(md(present.status_summary(island)))
    render_lines(present.name_lines(island) + present.fact_lines(island), notes)


def render_panel_body(content: Content, island_id: str, notes: SourceNotes) -> None:
    """Render the rest of an island's panel: both sides' status, history, news, sources."""
    island = content.islands[island_id]
    st.markdown(md(island.summary))
    if island.members:
        with st.expander(_("The islets of the group ({count})").format(count=len(island.members))):
            render_lines(present.member_lines(island), notes)

    russia, japan = st.columns(2)
    with russia:
        st.markdown("##### " + _("As Russia administers it"))
        render_lines(present.russian_lines(island), notes)
    with japan:
        st.markdown("##### " + _("As Japan claims it"))
        render_lines(present.japanese_lines(island), notes)

    events = content.events_for(island_id)
    excerpts = content.excerpts_for(island_id)
    history_tab, news_tab, sources_tab = st.tabs(
        [_("Claims history ({count})").format(count=len(events)), _("News ({count})").format(count=len(excerpts)),
         _("Sources")]
    )
    # Long lists scroll inside the panel, so the sources stay one tab away.
    with history_tab, st.container(height=PANEL_LIST_HEIGHT):
        render_events(events, notes)
    with news_tab, st.container(height=PANEL_LIST_HEIGHT):
        if not excerpts:
            st.caption(_("No news excerpt concerns this island yet."))
        for article, excerpt in excerpts:
            render_excerpt(article, excerpt, notes)
    with sources_tab:
        notes.refs(island.sources)
        notes.render()
        st.caption(_("Cite this panel"))
        cited = [content.sources[sid] for sid in notes.order]
        st.code(present.cite_island(island, cited, dt.date.today()), language=None, wrap_lines=True)
        st.markdown("##### " + _("Download this island's data"))
        render_data_downloads(content, island_id)

