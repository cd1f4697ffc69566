"""Render an island's panel, events and excerpts with Streamlit; all content text escaped."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

import streamlit as st

from content import present
from content.i18n import _, language
from content.load import Content
from content.perspective import island_label
from content.models import Article, Event, Excerpt
from ui.data import get_content
from ui.datadownloads import render_data_downloads
from ui.text import link, md


PANEL_LIST_HEIGHT = 640  # px


class SourceNotes(present.SourceNumbering):
    """Number the sources a panel cites, in order of first use."""

    def refs(self, source_ids: tuple[str, ...] | list[str]) -> str:
        """Return ' [1, 3]' for the given sources, numbering new ones."""
        numbers = self.numbers(source_ids)
        return f" \\[{', '.join(numbers)}\\]" if numbers else ""

    def markdown(self) -> str:
        """Return the numbered sources with links as Markdown."""
        sources = (self.content.sources[sid] for sid in self.order)
        return "  \n".join(f"{n}\\. {link(present.format_source(s), s.url)}" for n, s in enumerate(sources, start=1))

    def render(self) -> None:
        """List the numbered sources with links, as one element (one element renders fast)."""
        if self.order:
            st.markdown(self.markdown())


def lines_markdown(lines: list[present.Line], notes: SourceNotes) -> str:
    """Return labelled facts as a compact Markdown list with source numbers."""
    rows = []
    for line in lines:
        row = f"- **{md(line.label)}:** {md(line.value)}{notes.refs(line.sources)}"
        if line.note:
            row += f"  \n  _{md(line.note)}_"
        rows.append(row)
    return "\n".join(rows)


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


def excerpt_markdown(article: Article, excerpt: Excerpt, notes: SourceNotes | None = None) -> str:
    """Return a verbatim excerpt as Markdown: the quote, a marked translation, outlet, date, speaker,
    link, any correction, and its citation ready to copy (a code block, which has a copy button)."""
    who = f"{md(excerpt.speaker)} — " if excerpt.speaker else ""
    lines = [f"> {md(excerpt.text)}"]
    if excerpt.translation and excerpt.translation != excerpt.text:
        marker = md(_("Translation"))  # outside the f-string, so that pybabel extracts it
        lines.append(f"> _{marker}:_ {md(excerpt.translation)}")
    lines.append(f":gray[{who}{md(present.outlet_label(article))}, {md(present.format_date(article.date))}]"
                 f" · “{link(article.headline, article.url)}”")
    if article.state_controlled and article.state_control_note:
        lines.append(f":gray[ⓘ {md(article.state_control_note)}]")
    if excerpt.correction:
        refs = notes.refs(excerpt.correction.sources) if notes else ""
        lines.append("**" + _("Correction:") + f"** {md(excerpt.correction.text)}{refs}")
    lines.append(code_block(present.cite_excerpt(article, excerpt)))
    return "\n\n".join(lines)


def code_block(text: str) -> str:
    """Return text as a fenced Markdown code block that no backtick run in it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def render_excerpts(pairs: list[tuple[Article, Excerpt]], notes: SourceNotes | None = None) -> None:
    """Render excerpts as one Markdown element, ruled apart (one element per list renders fast)."""
    if pairs:
        st.markdown("\n\n---\n\n".join(excerpt_markdown(a, x, notes) for a, x in pairs))


@dataclass(frozen=True)
class PanelText:
    """An island's panel as escaped Markdown, built once per island, language and day."""

    heading: str
    status: str
    facts: str
    summary: str
    members: str  # "" for a single island
    russia: str
    japan: str
    history: str
    history_count: int
    news: str
    news_count: int
    sources: str
    citation: str


def build_panel_text(content: Content, island_id: str, today: dt.date) -> PanelText:
    """Build an island's panel text, numbering its sources in order of first use."""
    island = content.islands[island_id]
    notes = SourceNotes(content)
    facts = lines_markdown(present.name_lines(island) + present.fact_lines(island), notes)
    members = lines_markdown(present.member_lines(island), notes) if island.members else ""
    russia = lines_markdown(present.russian_lines(island), notes)
    japan = lines_markdown(present.japanese_lines(island), notes)
    events = content.events_for(island_id)
    excerpts = content.excerpts_for(island_id)
    history = "\n\n---\n\n".join(event_markdown(e, notes) for e in events)
    news = "\n\n---\n\n".join(excerpt_markdown(a, x, notes) for a, x in excerpts)
    notes.refs(island.sources)
    cited = [content.sources[sid] for sid in notes.order]
    return PanelText(
        heading=md(island_label(island, "neutral")), status=md(present.status_summary(island)), facts=facts,
        summary=md(island.summary), members=members, russia=russia, japan=japan,
        history=history, history_count=len(events), news=news, news_count=len(excerpts),
        sources=notes.markdown(), citation=present.cite_island(island, cited, today),
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _panel_text(content_root: str | None, lang: str, island_id: str, today: dt.date) -> PanelText:
    return build_panel_text(get_content(), island_id, today)


def panel_text(island_id: str) -> PanelText:
    """Return the island's panel text in the run's language, built once per process and day."""
    return _panel_text(os.environ.get("FOUR_ISLANDS_CONTENT"), language(), island_id, dt.date.today())


def render_panel_head(island_id: str) -> None:
    """Render the top of an island's panel: names, status, area (drawn first, so it shows fast)."""
    text = panel_text(island_id)
    st.subheader(text.heading, anchor=False)
    st.markdown(text.status)
    st.markdown(text.facts)


def render_panel_body(content: Content, island_id: str) -> None:
    """Render the rest of an island's panel: both sides' status, history, news, sources."""
    text = panel_text(island_id)
    st.markdown(text.summary)
    if text.members:
        with st.expander(_("The islets of the group ({count})").format(
                count=len(content.islands[island_id].members))):
            st.markdown(text.members)

    russia, japan = st.columns(2)
    with russia:
        st.markdown("##### " + _("As Russia administers it") + "\n\n" + text.russia)
    with japan:
        st.markdown("##### " + _("As Japan claims it") + "\n\n" + text.japan)

    history_tab, news_tab, sources_tab = st.tabs(
        [_("Claims history ({count})").format(count=text.history_count),
         _("News ({count})").format(count=text.news_count), _("Sources")]
    )
    # Long lists scroll inside the panel, so the sources stay one tab away.
    with history_tab, st.container(height=PANEL_LIST_HEIGHT):
        st.markdown(text.history)
    with news_tab, st.container(height=PANEL_LIST_HEIGHT):
        if text.news_count:
            st.markdown(text.news)
        else:
            st.caption(_("No news excerpt concerns this island yet."))
    with sources_tab:
        st.markdown(text.sources)
        st.caption(_("Cite this panel"))
        st.code(text.citation, language=None, wrap_lines=True)
        st.markdown("##### " + _("Download this island's data"))
        render_data_downloads(content, island_id)
