"""Map page: the four islands at any year and in any perspective; a click opens a panel."""

import streamlit as st
from streamlit_folium import st_folium

from content.control import era_of, events_in_era
from content.perspective import PERSPECTIVE_TITLES, labels_for
from content.present import event_heading
from content.viewstate import KEY_YEARS
from geo.describe import attribution
from geo.mapview import build_base_map, build_view_layer, island_view
from ui import controls, state
from ui.data import get_context, get_islands, get_map_view, get_provenance, island_labels, require_content
from ui.panel import render_island_panel
from ui.text import md

content = require_content()
islands = get_islands()

st.title("Four Islands", anchor=False)
st.caption("Iturup / Etorofu · Kunashir / Kunashiri · Shikotan · Habomai — "
           "administered by Russia since 1945, claimed by Japan.")
state.show_notices()

map_col, panel_col = st.columns([3, 2], gap="medium")
with panel_col:
    perspective = controls.render_perspective_control()
    year = controls.render_year_control()
    when = st.session_state.get(state.DATE) or str(year)
    view = get_map_view(when, perspective)
    state.island_picker(island_labels(content))
    selected = st.session_state.get(state.ISLAND)
with map_col:
    center, zoom = island_view(islands, selected)
    st_folium(
        build_base_map(islands, get_context(), island_labels(content), attribution(get_provenance())),
        key=state.MAP, height=620, use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked"],
        feature_group_to_add=build_view_layer(
            view, labels_for(content.islands, perspective), selected,
            f"{PERSPECTIVE_TITLES[perspective]} · {when}"),
        center=center, zoom=zoom, on_change=state.on_map_click,
    )
    first, last = era_of(year, KEY_YEARS)
    with st.expander(f"Events of this period ({first}–{last if last < 9999 else 'today'})", expanded=False):
        for event in events_in_era(content.events, year, KEY_YEARS):
            st.markdown(f"- {md(event_heading(event))}")
with panel_col:
    if selected:
        render_island_panel(content, selected)
    else:
        st.info("Hover an island for its names; click it, or choose it above, to open its panel.")

state.sync_query_params()
