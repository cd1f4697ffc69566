"""Map page: the four islands; a click, the list or a link opens an island's panel."""

import streamlit as st
from streamlit_folium import st_folium

from geo.describe import attribution
from geo.mapview import build_base_map, build_selection_layer, island_view
from ui import state
from ui.data import get_context, get_islands, get_provenance, island_labels, require_content
from ui.panel import render_island_panel

content = require_content()
islands = get_islands()
labels = island_labels(content)


st.title("Four Islands", anchor=False)
st.caption("Iturup / Etorofu · Kunashir / Kunashiri · Shikotan · Habomai — "
           "administered by Russia since 1945, claimed by Japan.")
state.show_notices()

map_col, panel_col = st.columns([3, 2], gap="medium")
with panel_col:
    state.island_picker(labels)
    selected = st.session_state.get(state.ISLAND)
with map_col:
    center, zoom = island_view(islands, selected)
    st_folium(
        build_base_map(islands, get_context(), labels, attribution(get_provenance())),
        key=state.MAP, height=620, use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked"],
        feature_group_to_add=build_selection_layer(islands, selected),
        center=center, zoom=zoom, on_change=state.on_map_click,
    )
with panel_col:
    if selected:
        render_island_panel(content, selected)
    else:
        st.info("Hover an island for its names; click it, or choose it above, to open its panel.")

state.sync_query_params()
