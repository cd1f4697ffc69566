"""Map page: the four islands at any year and in any perspective; a click opens a panel."""

import streamlit as st

from content.i18n import _
from content.control import era_of, events_in_era
from content.perspective import labels_for
from content.present import era_label, event_heading
from content.viewstate import KEY_YEARS
from ui import controls, state
from ui.data import require_content
from ui.datadownloads import render_embed
from ui.downloads import render_downloads
from ui.mapwidget import render_map
from ui.panel import render_panel_body, render_panel_head
from ui.screenshot import render_screenshot
from ui.text import md

content = require_content()
selected = st.session_state.get(state.ISLAND)
perspective = st.session_state.get(state.PERSPECTIVE, "neutral")
year = controls.shown_year()
when = controls.shown_when()

if st.session_state.get(state.SCREENSHOT):
    render_screenshot(content, selected, when, perspective)
    state.sync_query_params()
    st.stop()

st.title(_("Four Islands"), anchor=False)
st.caption(_("Iturup / Etorofu · Kunashir / Kunashiri · Shikotan · Habomai — "
             "administered by the Soviet Union from 1945 and by Russia since 1991, claimed by Japan."))
state.show_notices()

map_col, panel_col = st.columns([3, 2], gap="medium")
controls_box, panel_box = panel_col.container(), panel_col.container()
if selected:  # the panel's head goes out before the map, so a click shows it sooner
    with panel_box:
        render_panel_head(selected)
with map_col:
    render_map(selected, when, perspective)
    with st.expander(_("Events of this period ({era})").format(era=era_label(*era_of(year, KEY_YEARS)))):
        st.markdown("\n".join(f"- {md(event_heading(e))}" for e in events_in_era(content.events, year, KEY_YEARS)))
with controls_box:
    controls.render_perspective_control()
    controls.render_year_control()
    state.island_picker(labels_for(content.islands, "neutral"))
    with st.expander(_("Screenshot, download, print"), icon=":material/download:"):
        st.button(_("Screenshot mode"), key="enter_screenshot", icon=":material/fullscreen:",
                  on_click=state.set_screenshot, args=(True,), help=_("The map alone, with no app chrome"))
        render_downloads(content, selected, when, perspective)
        render_embed(content, selected, st.session_state.get(state.YEAR), st.session_state.get(state.DATE), perspective)
with panel_box:
    if selected:
        render_panel_body(content, selected)
    else:
        st.info(_("Hover an island for its names; click it, or choose it above, to open its panel."))

state.sync_query_params()
