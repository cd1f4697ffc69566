"""Timeline page: every event of the dispute, filterable by island, kind, period and text."""

from datetime import date

import streamlit as st

from content.filters import filter_events, year_range
from content.models import EventKind
from content.perspective import labels_for
from content.present import cite_event
from ui import state
from ui.data import require_content
from ui.panel import SourceNotes, event_markdown, render_excerpt

state.leave_for_map_if_asked("app_pages/map.py")
content = require_content()
labels = labels_for(content.islands, "neutral")
first, last = year_range(content.events)

st.title("Timeline of the dispute", anchor=False)
state.show_notices()
st.caption(f"{len(content.events)} dated events from {first} to {last}, each with its sources. "
           "Dates are given to the precision they are known.")

c1, c2, c3 = st.columns([2, 2, 3])
islands = c1.multiselect("Islands", list(labels), format_func=labels.get, key="tl_islands")
kinds = c2.multiselect("Kind", list(EventKind.__args__), key="tl_kinds")
years = c3.slider("Years", first, last, (first, last), key="tl_years")
query = st.text_input("Search", key="tl_query", placeholder="e.g. Shimoda, Article 9, visa-free")

events = filter_events(content.events, islands, kinds, years, query)
st.caption(f"Showing {len(events)} of {len(content.events)} events.")
notes = SourceNotes(content)
for event in events:
    with st.container(border=True):
        st.markdown(event_markdown(event, notes))
        show, cite = st.columns([1, 1])
        show.button("Show the map at this date", key=f"show_{event.id}", icon=":material/map:",
                    on_click=state.show_on_map, args=(event.date,))
        with cite.popover("Cite this event", icon=":material/format_quote:"):
            st.code(cite_event(event, [content.sources[s] for s in event.sources], date.today()),
                    language=None, wrap_lines=True)
        related = content.excerpts_for_event(event.id)
        if related:
            with st.expander(f"News excerpts about this event ({len(related)})"):
                for article, excerpt in related:
                    render_excerpt(article, excerpt, notes)
if not events:
    st.info("No event matches these filters.")
st.divider()
st.markdown("#### Sources")
notes.render()
state.sync_query_params()
