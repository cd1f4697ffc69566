"""Timeline page: every event of the dispute, filterable by island, kind, period and text."""

from datetime import date

import streamlit as st

from content.i18n import _
from content.filters import filter_events, year_range
from content.models import EventKind
from content.perspective import labels_for
from content.present import cite_event, event_kind_label
from ui import state
from ui.data import require_content
from ui.panel import SourceNotes, event_markdown, render_excerpts

state.leave_for_map_if_asked("app_pages/map.py")
content = require_content()
labels = labels_for(content.islands, "neutral")
first, last = year_range(content.events)

st.title(_("Timeline of the dispute"), anchor=False)
state.show_notices()
st.caption(_("{count} dated events from {first} to {last}, each with its sources. "
             "Dates are given to the precision they are known.").format(count=len(content.events), first=first,
                                                                         last=last))

c1, c2, c3 = st.columns([2, 2, 3])
islands = c1.multiselect(_("Islands"), list(labels), format_func=labels.get, key="tl_islands")
kinds = c2.multiselect(_("Kind"), list(EventKind.__args__), format_func={k: event_kind_label(k) for k in EventKind.__args__}.get, key="tl_kinds")
years = c3.slider(_("Years"), first, last, (first, last), key="tl_years")
query = st.text_input(_("Search"), key="tl_query", placeholder=_("e.g. Shimoda, Article 9, visa-free"))

events = filter_events(content.events, islands, kinds, years, query)
st.caption(_("Showing {shown} of {total} events.").format(shown=len(events), total=len(content.events)))
notes = SourceNotes(content)
for event in events:
    with st.container(border=True):
        st.markdown(event_markdown(event, notes))
        show, cite = st.columns([1, 1])
        show.button(_("Show the map at this date"), key=f"show_{event.id}", icon=":material/map:",
                    on_click=state.show_on_map, args=(event.date,))
        with cite.popover(_("Cite this event"), icon=":material/format_quote:"):
            st.code(cite_event(event, [content.sources[s] for s in event.sources], date.today()),
                    language=None, wrap_lines=True)
        related = content.excerpts_for_event(event.id)
        if related:
            with st.expander(_("News excerpts about this event ({count})").format(count=len(related))):
                render_excerpts(related, notes)
if not events:
    st.info(_("No event matches these filters."))
st.divider()
st.markdown("#### " + _("Sources"))
notes.render()
state.sync_query_params()
