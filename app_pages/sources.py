"""Sources & method page: where the outlines come from, how content is handled, the bibliography."""

import streamlit as st

from content.i18n import _, language
from content.method import load_method
from content.present import format_source, source_kind_label
from geo.describe import provenance_summary
from ui import state
from ui.data import get_provenance, require_content
from ui.datadownloads import render_data_downloads, render_embed
from ui.text import link, md

content = require_content()
provenance = get_provenance()

st.title(_("Sources & method"), anchor=False)
state.show_notices()
st.markdown(load_method(language()))

st.markdown("### " + _("Outlines"))
st.markdown("\n".join(f"- **{md(label)}:** {md(value)}" for label, value in provenance_summary(provenance)))
with st.expander(_("The full provenance record of the geometry build")):
    st.json(provenance, expanded=False)

st.markdown("### " + _("Download data"))
st.caption(_("The outlines and boundary lines, the events, the news excerpts and the bibliography, for all four "
             "islands; each island's panel offers its own slice."))
render_data_downloads(content)
with st.expander(_("Embed a view in a story"), icon=":material/code:"):
    render_embed(content, st.session_state.get(state.ISLAND), st.session_state.get(state.YEAR),
                 st.session_state.get(state.DATE), st.session_state.get(state.PERSPECTIVE, "neutral"))

st.markdown("### " + _("Bibliography ({count} sources)").format(count=len(content.sources)))
kinds = sorted({s.kind for s in content.sources.values()})
chosen = st.multiselect(_("Kind of source"), kinds, format_func={k: source_kind_label(k) for k in kinds}.get, key="src_kinds")
for source in sorted(content.sources.values(), key=lambda s: format_source(s).casefold()):
    if chosen and source.kind not in chosen:
        continue
    line = link(format_source(source), source.url)
    note = f" — _{md(source.note)}_" if source.note else ""
    st.markdown(f"- {line} · {md(source_kind_label(source.kind))}{note}")
state.sync_query_params()
