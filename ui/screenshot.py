"""Screenshot mode: the map alone, with title, legend, scale, north arrow, source and date."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from content.load import Content
from content.i18n import _
from content.perspective import PERSPECTIVE_TITLES, labels_for
from content.present import format_date
from geo.describe import source_line
from ui import state
from ui.chrome import hide_chrome
from ui.data import get_provenance
from ui.downloads import map_title
from ui.mapwidget import render_map
from ui.text import md


def render_screenshot(content: Content, selected: str | None, when: str, perspective: str) -> None:
    """Show the clean view a journalist can screenshot: no sidebar, toolbar or widgets."""
    hide_chrome()
    labels = labels_for(content.islands, perspective)
    st.markdown(f"#### {md(map_title(labels, selected))}")
    st.caption(md(_("{perspective} · map at {date}").format(perspective=_(PERSPECTIVE_TITLES[perspective]),
                                                           date=format_date(when))))
    render_map(selected, when, perspective, height=640, clean=True)
    atlas = _("Four Islands atlas")
    st.caption(md(f"{source_line(get_provenance())} · {atlas} · {dt.date.today().isoformat()}"))
    st.button(_("Exit screenshot mode"), key="exit_screenshot", type="tertiary",
              on_click=state.set_screenshot, args=(False,))
