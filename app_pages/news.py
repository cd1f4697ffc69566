"""News page: every verbatim excerpt, searchable and filterable, with full citations."""

import streamlit as st

from content.i18n import _
from content.filters import filter_excerpts
from content.perspective import labels_for
from ui import state
from ui.data import require_content
from ui.panel import SourceNotes, render_excerpts

content = require_content()
labels = labels_for(content.islands, "neutral")
outlets = sorted({a.outlet for a in content.articles})
years = sorted({int(a.date[:4]) for a in content.articles})

st.title(_("News excerpts"), anchor=False)
state.show_notices()
st.caption(_("Short verbatim excerpts from the articles the project started from, each with outlet, "
             "date and speaker. State-controlled outlets are labelled; where an article states "
             "something wrong, a correction with its source follows the excerpt."))

c1, c2, c3 = st.columns(3)
islands = c1.multiselect(_("Islands"), list(labels), format_func=labels.get, key="news_islands")
chosen_outlets = c2.multiselect(_("Outlet"), outlets, key="news_outlets")
chosen_years = c3.multiselect(_("Year"), years, key="news_years")
query = st.text_input(_("Search the excerpts"), key="news_query", placeholder=_("e.g. peace treaty, Lavrov"))

found = filter_excerpts(content.articles, islands, chosen_outlets, chosen_years, query)
total = sum(len(a.excerpts) for a in content.articles)
st.caption(_("Showing {shown} of {total} excerpts from {articles} articles.").format(
    shown=len(found), total=total, articles=len(content.articles)))
notes = SourceNotes(content)
render_excerpts(found, notes)
if not found:
    st.info(_("No excerpt matches these filters."))
if notes.order:
    st.markdown("#### " + _("Sources for the corrections"))
    notes.render()
state.sync_query_params()
