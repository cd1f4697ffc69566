"""Cached loaders: content and geometry are parsed once per process, not per rerun.

Everything here is read-only and shared by every session, so it is held with
st.cache_resource: st.cache_data would pickle and copy the value on every call
(tens of milliseconds per rerun for the content alone). Callers never mutate
what these return: content models are frozen, and the GeoJSON dicts are only read.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from ui.text import md

from content.i18n import _, language
from content.load import CONTENT_DIR, Content, ContentError, load_content
from content.translations import localize
from content.control import control_at
from geo.view import MapView, build_view
from geo.load import load_boundaries, load_context, load_islands, load_provenance


@st.cache_resource(show_spinner=False)
def _load_content(root: str | None) -> Content | ContentError:
    # A broken content file is read once too: under load, every session would
    # otherwise parse everything again only to show the same problems.
    try:
        return load_content(Path(root)) if root else load_content()
    except ContentError as exc:
        return exc


@st.cache_resource(show_spinner=False)
def _localized(root: str | None, lang: str) -> Content:
    content = get_english_content()
    return localize(content, lang, Path(root) if root else CONTENT_DIR)


def get_english_content() -> Content:
    """Return all content in English, loaded and checked once per content root (ContentError if broken).

    FOUR_ISLANDS_CONTENT names another content root (the hostile-content tests use it).
    """
    loaded = _load_content(os.environ.get("FOUR_ISLANDS_CONTENT"))
    if isinstance(loaded, ContentError):
        raise loaded
    return loaded


def get_content() -> Content:
    """Return all content in the run's language (the English overlaid with its translation), once per process."""
    return _localized(os.environ.get("FOUR_ISLANDS_CONTENT"), language())


@st.cache_resource(show_spinner=False)
def get_islands() -> dict:
    """Return the islands FeatureCollection (EPSG:4326)."""
    return load_islands()


@st.cache_resource(show_spinner=False)
def get_context() -> dict:
    """Return the context-land FeatureCollection (EPSG:4326)."""
    return load_context()


@st.cache_resource(show_spinner=False)
def get_boundaries() -> dict:
    """Return the boundary-lines FeatureCollection (EPSG:4326)."""
    return load_boundaries()


@st.cache_resource(show_spinner=False)
def get_provenance() -> dict:
    """Return the geometry build's provenance record."""
    return load_provenance()


def require_content() -> Content:
    """Return the content, or show what is wrong with it and stop the page."""
    try:
        return get_content()
    except ContentError as exc:
        lines = "\n".join(f"- `{p.file}` · `{p.field}`: {md(p.reason)}" for p in exc.problems)
        st.error(_("The content files have problems, so this page cannot be shown:") + f"\n\n{lines}")
        st.stop()


@st.cache_resource(show_spinner=False, max_entries=1024)
def _map_view(when: str, perspective: str, lang: str) -> MapView:
    control = control_at(get_content().events, when)
    return build_view(control, int(when[:4]), perspective, get_boundaries())


def get_map_view(when: str, perspective: str) -> MapView:
    """Return the map's fills, lines and legend at a year or date ('1945', '1945-09-01'), in the run's language."""
    return _map_view(when, perspective, language())
