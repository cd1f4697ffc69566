"""Download buttons for the current view: PNG, SVG and the island's printable handout.

Files are rendered on the server from the same GeoJSON only when a button is
clicked (Streamlit runs the callable then), never on every rerun.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st

from content.load import Content
from content.i18n import _, language
from content.perspective import PERSPECTIVE_TITLES, labels_for
from content.present import format_date
from geo.describe import source_line
from geo.export import map_caption
from geo.export import render_map as render_static_map
from geo.handout import render_island_handout
from ui.data import get_context, get_islands, get_map_view, get_provenance


def map_title(labels: dict[str, str], selected: str | None) -> str:
    """Return the exported map's title in the perspective's names."""
    if selected:
        return labels[selected]
    names = list(labels.values())
    return _("The four islands: {names} and {last}").format(names=_(", ").join(names[:-1]), last=names[-1])


def render_downloads(content: Content, selected: str | None, when: str, perspective: str) -> None:
    """Show PNG and SVG downloads of the current view, and the handout for the selected island."""
    labels = labels_for(content.islands, perspective)
    today = dt.date.today().isoformat()
    args = dict(
        islands=get_islands(), context=get_context(), boundaries_view=get_map_view(when, perspective),
        labels=labels, title=map_title(labels, selected),
        caption=map_caption(_(PERSPECTIVE_TITLES[perspective]), format_date(when),
                            labels[selected] if selected else None, today),
        source_line=f"{source_line(get_provenance())} · " + _("Four Islands atlas"), selected=selected,
    )
    stem = f"four-islands-{selected or 'all'}-{when}-{perspective}"
    png_col, svg_col = st.columns(2)
    png_col.download_button(_("Map as PNG"), data=partial(render_static_map, "png", **args, lang=language()), file_name=f"{stem}.png",
                            mime="image/png", on_click="ignore", icon=":material/image:", use_container_width=True)
    svg_col.download_button(_("Map as SVG"), data=partial(render_static_map, "svg", **args, lang=language()), file_name=f"{stem}.svg",
                            mime="image/svg+xml", on_click="ignore", icon=":material/draw:", use_container_width=True)
    if selected:
        st.download_button(
            _("Printable handout: {island} (PDF)").format(island=labels[selected]),
            data=partial(render_island_handout, content, selected, int(when[:4]), perspective, lang=language()),
            file_name=f"four-islands-handout-{selected}.pdf", mime="application/pdf", on_click="ignore",
            icon=":material/print:", use_container_width=True,
        )
