"""Classroom page: a guided tour of the dispute in eight stops, for projecting to a class."""

import streamlit as st

from content.present import format_source
from ui import state
from ui.chrome import hide_chrome, large_type
from ui.data import require_content
from ui.mapwidget import render_map
from ui.text import link, md

content = require_content()
stops = content.tour
hide_chrome()
large_type()
if not stops:
    st.error("The tour has no stops: content/tour.yaml is missing or empty.")
    st.stop()
number = state.tour_stop(len(stops))
stop = stops[number - 1]
state.show_notices()

st.title(f"{number}/{len(stops)} · {md(stop.title)}", anchor=False)
prev_col, progress_col, next_col = st.columns([1, 3, 1], vertical_alignment="center")
prev_col.button("Previous", key="tour_prev", shortcut="Left", disabled=number == 1,
                on_click=state.step_tour, args=(-1, len(stops)), use_container_width=True)
progress_col.progress(number / len(stops), text=f"Stop {number} of {len(stops)} · ← → to move")
next_col.button("Next", key="tour_next", shortcut="Right", disabled=number == len(stops),
                on_click=state.step_tour, args=(1, len(stops)), use_container_width=True, type="primary")
map_col, text_col = st.columns([3, 2], gap="medium")
with map_col:
    render_map(stop.island, stop.date or str(stop.year), stop.perspective, height=430, zoom=stop.zoom, large=True)
with text_col:
    st.markdown(md(stop.text))
    st.markdown(f"**For discussion:** {md(stop.question)}")
    with st.expander("Sources"):
        st.markdown("\n".join(f"- {link(format_source(content.sources[s]), content.sources[s].url)}"
                              for s in stop.sources))

st.page_link("app_pages/map.py", label="Leave the tour for the full map", icon=":material/map:")
state.sync_query_params()
