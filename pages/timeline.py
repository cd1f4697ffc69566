"""Timeline page: every event of the dispute, filterable by island, kind, period and text."""

import streamlit as st

from content.filters import filter_events, year_range
from content.models import EventKind
from ui import state
from ui.data import require_content, island_labels
from ui.panel import SourceNotes, render_event, render_excerpt

content = require_content()
labels = island_labels(content)
first, last = year_range(content.events)

st.title("Timeline of the dispute", anchor=False)
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
        render_event(event, content, notes)
        related = content.excerpts_for_event(event.id)
        if related:
            with st.expander(f"News excerpts about this event ({len(related)})"):
                for article, excerpt in related:
                    render_excerpt(article, excerpt, content, notes)
if not events:
    st.info("No event matches these filters.")
st.divider()
st.markdown("#### Sources")
notes.render()
state.sync_query_params()
