"""Render an island's panel, events and excerpts with Streamlit; all content text escaped."""

from __future__ import annotations

import streamlit as st

from content import present
from content.load import Content
from content.models import Article, Event, Excerpt
from ui.text import link, md


class SourceNotes:
    """Number the sources a panel cites, in order of first use."""

    def __init__(self, content: Content):
        self.content = content
        self.order: list[str] = []

    def refs(self, source_ids: tuple[str, ...] | list[str]) -> str:
        """Return ' [1, 3]' for the given sources, numbering new ones."""
        numbers = []
        for sid in source_ids:
            if sid not in self.order:
                self.order.append(sid)
            numbers.append(str(self.order.index(sid) + 1))
        return f" \\[{', '.join(numbers)}\\]" if numbers else ""

    def render(self) -> None:
        """List the numbered sources with links."""
        for n, sid in enumerate(self.order, start=1):
            source = self.content.sources[sid]
            st.markdown(f"{n}\\. {link(present.format_source(source), source.url)}")


def render_lines(lines: list[present.Line], notes: SourceNotes) -> None:
    """Render labelled facts as a compact list with source numbers."""
    rows = []
    for line in lines:
        row = f"- **{md(line.label)}:** {md(line.value)}{notes.refs(line.sources)}"
        if line.note:
            row += f"  \n  _{md(line.note)}_"
        rows.append(row)
    st.markdown("\n".join(rows))


def render_event(event: Event, content: Content, notes: SourceNotes) -> None:
    """Render one history event: date, title, summary, positions, control change."""
    st.markdown(f"**{md(present.event_heading(event))}**{notes.refs(event.sources)}")
    st.markdown(md(event.summary))
    if event.positions:
        if event.positions.japan:
            st.markdown(f"🇯🇵 _Japan's position:_ {md(event.positions.japan)}")
        if event.positions.russia:
            st.markdown(f"🇷🇺 _Russia's position:_ {md(event.positions.russia)}")
    change = present.control_text(event)
    if change:
        st.caption(md(change))


def render_excerpt(article: Article, excerpt: Excerpt, content: Content, notes: SourceNotes | None = None) -> None:
    """Render a verbatim excerpt with outlet, date, speaker, link and any correction."""
    with st.container(border=True):
        st.markdown(f"> {md(excerpt.text)}")
        who = f"{md(excerpt.speaker)} — " if excerpt.speaker else ""
        source_line = f"{who}{md(present.outlet_label(article))}, {md(present.format_date(article.date))}"
        source_line += f" · “{link(article.headline, article.url)}”"
        st.caption(source_line)
        if article.state_controlled and article.state_control_note:
            st.caption(f"ⓘ {md(article.state_control_note)}")
        if excerpt.correction:
            refs = notes.refs(excerpt.correction.sources) if notes else ""
            st.info(f"**Correction:** {md(excerpt.correction.text)}{refs}", icon="✏️")
        st.code(present.cite_excerpt(article, excerpt), language=None, wrap_lines=True)


def render_island_panel(content: Content, island_id: str) -> None:
    """Render the whole panel of one island."""
    island = content.islands[island_id]
    notes = SourceNotes(content)
    st.subheader(md(island.names.en), anchor=False)
    st.markdown(md(present.status_summary(island)))
    render_lines(present.name_lines(island), notes)
    render_lines(present.fact_lines(island), notes)
    st.markdown(md(island.summary))
    if island.members:
        with st.expander(f"The islets of the group ({len(island.members)})"):
            render_lines(present.member_lines(island), notes)

    russia, japan = st.columns(2)
    with russia:
        st.markdown("##### As Russia administers it")
        render_lines(present.russian_lines(island), notes)
    with japan:
        st.markdown("##### As Japan claims it")
        render_lines(present.japanese_lines(island), notes)

    events = content.events_for(island_id)
    excerpts = content.excerpts_for(island_id)
    history_tab, news_tab, sources_tab = st.tabs(
        [f"Claims history ({len(events)})", f"News ({len(excerpts)})", "Sources"]
    )
    with history_tab:
        for event in events:
            render_event(event, content, notes)
    with news_tab:
        if not excerpts:
            st.caption("No news excerpt concerns this island yet.")
        for article, excerpt in excerpts:
            render_excerpt(article, excerpt, content, notes)
    with sources_tab:
        notes.refs(island.sources)
        notes.render()

