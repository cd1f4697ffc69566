"""Open-data download buttons and the embed block for the current view.

Files are built only when a button is clicked (the callable runs then), and
once per process: the bytes are immutable, so st.cache_resource shares them.
"""

from __future__ import annotations

import os
from functools import partial

import streamlit as st

from content.embed import DEFAULT_STATIC_URL, embed_query, embed_snippet
from content.load import Content
from content.i18n import N_, _, language
from content.perspective import PERSPECTIVE_TITLES, labels_for
from content.present import format_date
from geo.downloads import all_in_one_zip, datasets
from ui.data import get_content
from ui.text import md


def static_url() -> str:
    """Return where the static edition is published: $FOUR_ISLANDS_STATIC_URL, else /four-islands/."""
    return os.environ.get("FOUR_ISLANDS_STATIC_URL") or DEFAULT_STATIC_URL


# The datasets' button labels (geo/downloads.py names them in English), for extraction.
DATASET_LABELS = (
    N_("Outlines (GeoJSON)"), N_("Boundary lines (GeoJSON)"), N_("Outlines (GeoPackage)"),
    N_("Outlines and boundary lines (GeoPackage)"), N_("Events (CSV, zip with README)"), N_("Events (JSON)"),
    N_("News excerpts (CSV, zip with README)"), N_("News excerpts (JSON)"),
    N_("Bibliography (CSL-JSON, for Zotero)"), N_("Bibliography (BibTeX)"), N_("Everything (zip with README)"),
)


@st.cache_resource(show_spinner=False, max_entries=64)
def _file_bytes(content_root: str | None, island: str | None, filename: str, lang: str = "en") -> bytes:
    """Build one download's bytes, once per process, content root and language (the content is the reader's)."""
    content = get_content()
    if filename.endswith("-data.zip"):
        return all_in_one_zip(content, island)
    return next(d for d in datasets(content, island) if d.filename == filename).build()


def render_data_downloads(content: Content, island: str | None = None, columns: int = 2) -> None:
    """Show a button per dataset (outlines, events, excerpts, bibliography) for all islands or one."""
    root = os.environ.get("FOUR_ISLANDS_CONTENT")
    entries = [(d.label, d.filename, d.mime) for d in datasets(content, island)]
    stem = "four-islands" if island is None else f"four-islands-{island}"
    entries.append((N_("Everything (zip with README)"), f"{stem}-data.zip", "application/zip"))
    cols = st.columns(columns)
    for i, (label, filename, mime) in enumerate(entries):
        cols[i % columns].download_button(
            _(label), data=partial(_file_bytes, root, island, filename, language()), file_name=filename, mime=mime,
            on_click="ignore", icon=":material/download:", use_container_width=True, key=f"dl_{filename}",
        )
    st.caption(_("Each file carries the licence and how to cite the atlas (in its metadata, an @comment, "
                 "the atlas's own CSL entry, or a README beside the CSV)."))


def render_embed(content: Content, island: str | None, year: int | None, date: str | None, perspective: str,
                 key: str = "embed") -> None:
    """Show the <iframe> snippet for the current view and where it points."""
    labels = labels_for(content.islands, perspective)
    when = format_date(date) if date else (str(year) if year else _("today"))
    title = _("Four Islands map: {view}").format(
        view=f"{labels[island] + ' · ' if island else ''}{_(PERSPECTIVE_TITLES[perspective])} · {when}")
    base = static_url()
    st.markdown("**" + _("Embed this view") + "**")
    st.code(embed_snippet(base, embed_query(island, year, perspective, date), title), language="html", wrap_lines=True)
    hint = ("" if os.environ.get("FOUR_ISLANDS_STATIC_URL") else
            " " + _("Set FOUR_ISLANDS_STATIC_URL to the address where you publish it (`make static` builds it)."))
    st.caption(_("Points at the static edition's embed page under {base}, which any web host or CDN "
                 "serves to any number of readers.").format(base=md(base)) + hint)
