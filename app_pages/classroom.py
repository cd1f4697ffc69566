"""Classroom page: a guided tour of the dispute in eight stops, for projecting to a class."""

import streamlit as st

from content.i18n import _
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
    st.error(_("The tour has no stops: content/tour.yaml is missing or empty."))
    st.stop()
number = state.tour_stop(len(stops))
stop = stops[number - 1]
state.show_notices()

title_col, lang_col = st.columns([5, 2], vertical_alignment="center")
title_col.title(f"{number}/{len(stops)} · {md(stop.title)}", anchor=False)
with lang_col:
    state.language_picker(key="classroom_lang_picker")  # the sidebar is hidden here
prev_col, progress_col, next_col = st.columns([1, 3, 1], vertical_alignment="center")
prev_col.button(_("Previous"), key="tour_prev", shortcut="Left", disabled=number == 1,
                on_click=state.step_tour, args=(-1, len(stops)), use_container_width=True)
progress_col.progress(number / len(stops), text=_("Stop {number} of {count} · ← → to move").format(number=number, count=len(stops)))
next_col.button(_("Next"), key="tour_next", shortcut="Right", disabled=number == len(stops),
                on_click=state.step_tour, args=(1, len(stops)), use_container_width=True, type="primary")
map_col, text_col = st.columns([3, 2], gap="medium")
with map_col:
    render_map(stop.island, stop.date or str(stop.year), stop.perspective, height=430, zoom=stop.zoom, large=True)
with text_col:
    st.markdown(md(stop.text))
    st.markdown("**" + _("For discussion:") + f"** {md(stop.question)}")
    with st.expander(_("Sources")):
        st.markdown("\n".join(f"- {link(format_source(content.sources[s]), content.sources[s].url)}"
                              for s in stop.sources))

st.page_link("app_pages/map.py", label=_("Leave the tour for the full map"), icon=":material/map:")
state.sync_query_params()
