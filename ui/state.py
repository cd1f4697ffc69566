"""Session-state keys, seeded once from the link, and written back to the link."""

from __future__ import annotations

import streamlit as st

from content.i18n import LANGUAGE_NAMES, _, preferred_language, set_language
from content.models import ISLAND_IDS
from content.viewstate import ViewState, parse_view
from geo.mapview import island_id_from_click
from ui.text import md

ISLAND = "island"
YEAR = "year"
DATE = "date"
PERSPECTIVE = "perspective"
SCREENSHOT = "screenshot"
STOP = "stop"
LANG = "lang"
LANG_PICKER = "lang_picker"
LANG_IN_LINK = "lang_in_link"
NOTICES = "link_notices"
SEEDED = "state_seeded"
MAP = "map"
GOTO_MAP = "goto_map"


# Streamlit's frontend, reconnecting after its server went away, asks for a rerun only
# when the page holds a fragment that reruns on a timer (or a run was under way); else
# it assumes its old session lives on. A server restarted (or another worker behind
# nginx) has never run that session: its first run would then be the reader's next
# click, seen with no widget history, so on_change never fires and the view seeded
# from the link overwrites the click; and the download buttons would still name files
# the dead process held. This fragment makes every reconnect rerun at once.
RECONNECT_RERUN_EVERY = "1h"


@st.fragment(run_every=RECONNECT_RERUN_EVERY)
def _rerun_on_reconnect() -> None:
    """Hold an auto-rerun fragment on every page (an empty one, rerun hourly at no cost)."""


DRAWN = "widgets_drawn"


def widget_default(key: str, value):
    """Bind widget `key` to the view's `value`; return the default to pass it (None once drawn).

    Once this session has drawn the widget, the view is written into it before each
    draw (a timeline event or a tour stop may have moved the view). On its first draw
    in a session the widget gets the view as its default instead: the browser's own
    value, if it has one, then wins, which is how a reader's click reaches a session
    that a restarted server never ran (see `reconcile`).
    """
    if key in st.session_state.get(DRAWN, ()):
        st.session_state[key] = value
        return None
    return value


def reconcile(key: str, value, on_change) -> None:
    """After a widget's first draw in a session, apply the browser's value if it differs from the view.

    Streamlit runs no on_change for a value a session sees before it has drawn the
    widget: the first click after a reconnect to a new server process, made before
    the reconnect's own rerun has drawn the page. Apply it here and rerun.
    """
    drawn = st.session_state.setdefault(DRAWN, set())
    if key in drawn:
        return
    drawn.add(key)
    if st.session_state.get(key) != value:
        on_change()
        st.rerun()


def init_state() -> None:
    """Seed the session from the query string on the session's first run only."""
    with st.sidebar:
        _rerun_on_reconnect()
    if st.session_state.get(SEEDED):
        set_language(st.session_state.get(LANG, "en"))
        return
    params = st.query_params.to_dict()
    lang = parse_view(params).lang or preferred_language(st.context.headers.get("Accept-Language"))
    set_language(lang)
    view = parse_view(params)  # again, so that its notices are in the reader's language
    st.session_state[LANG] = lang
    # Written into the link only when the link named it or the reader chose it.
    st.session_state[LANG_IN_LINK] = view.lang is not None
    st.session_state[ISLAND] = view.island
    st.session_state[YEAR] = view.year
    st.session_state[DATE] = view.date
    st.session_state[PERSPECTIVE] = view.perspective
    st.session_state[SCREENSHOT] = view.screenshot
    st.session_state[STOP] = view.stop
    st.session_state[NOTICES] = list(view.notices)
    st.session_state[SEEDED] = True


def current_view() -> ViewState:
    """Return the view the session shows now."""
    return ViewState(
        island=st.session_state.get(ISLAND),
        year=st.session_state.get(YEAR),
        date=st.session_state.get(DATE),
        perspective=st.session_state.get(PERSPECTIVE, "neutral"),
        screenshot=bool(st.session_state.get(SCREENSHOT)),
        stop=st.session_state.get(STOP),
        lang=st.session_state.get(LANG) if st.session_state.get(LANG_IN_LINK) else None,
    )


def sync_query_params() -> None:
    """Write the current view into the URL so that the link restores it.

    Query parameters are cleared when the page changes, so every page calls this.
    """
    wanted = current_view().to_query()
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def show_notices() -> None:
    """Show, once, what the link asked for that could not be honoured."""
    for notice in st.session_state.pop(NOTICES, []):
        # The notice quotes the link's own text: escaped, so a link cannot put markup in it.
        st.warning(md(notice), icon="⚠️")


def _on_language(key: str = LANG_PICKER) -> None:
    # A click on the chosen language deselects it in a segmented control: keep the language.
    lang = st.session_state.get(key) or st.session_state.get(LANG, "en")
    st.session_state[LANG] = lang
    st.session_state[LANG_IN_LINK] = True
    set_language(lang)


def language_picker(key: str = LANG_PICKER) -> None:
    """Show the language switch (English / 日本語 / Русский); the choice goes into the link.

    The sidebar holds one; a page that hides the sidebar (the classroom) shows its own under another key.
    """
    st.session_state[key] = st.session_state.get(LANG, "en")
    st.segmented_control(_("Language"), list(LANGUAGE_NAMES), format_func=LANGUAGE_NAMES.get, key=key,
                         on_change=_on_language, args=(key,), label_visibility="collapsed", width="stretch")


def select_island(island_id: str | None) -> None:
    """Make an island the selection (None clears it)."""
    st.session_state[ISLAND] = island_id


ISLAND_PICKER = "island_picker"


def _on_pick() -> None:
    select_island(st.session_state.get(ISLAND_PICKER))


def island_picker(labels: dict[str, str]) -> None:
    """Show the island list: the keyboard's way to select an island.

    The widget has its own key because Streamlit drops a widget's key on pages
    that do not show it; the selection itself lives under ISLAND.
    """
    island = st.session_state.get(ISLAND)
    first = widget_default(ISLAND_PICKER, island)
    st.selectbox(
        _("Island"), options=list(labels), format_func=labels.get, key=ISLAND_PICKER,
        index=list(labels).index(first) if first in labels else None,
        placeholder=_("Choose an island (or click one on the map)"), on_change=_on_pick,
    )
    reconcile(ISLAND_PICKER, island, _on_pick)


def on_map_click() -> None:
    """Select the island the map reports as clicked (st_folium's on_change)."""
    clicked = island_id_from_click(st.session_state.get(MAP), ISLAND_IDS)
    if clicked:
        select_island(clicked)


def show_on_map(date: str, island: str | None = None) -> None:
    """Ask for the map at a date (an event's), switching to the map page on this rerun."""
    st.session_state[YEAR] = int(date[:4])
    st.session_state[DATE] = date
    if island:
        st.session_state[ISLAND] = island
    st.session_state[GOTO_MAP] = True


def leave_for_map_if_asked(map_page: str) -> None:
    """Switch to the map page if a callback asked for it."""
    if st.session_state.pop(GOTO_MAP, False):
        st.switch_page(map_page)


def open_map_page() -> None:
    """Serve /map (the map page's own path) by switching to the map page at /."""
    st.switch_page("app_pages/map.py")


def set_screenshot(on: bool) -> None:
    """Turn screenshot mode on or off."""
    st.session_state[SCREENSHOT] = on


def tour_stop(count: int) -> int:
    """Return the current tour stop (1-based), kept within 1..count."""
    stop = st.session_state.get(STOP) or 1
    if stop > count:
        st.session_state.setdefault(NOTICES, []).append(
            _("The tour has {count} stops; starting at stop 1.").format(count=count))
        stop = 1
    st.session_state[STOP] = stop
    return stop


def step_tour(delta: int, count: int) -> None:
    """Move the tour by `delta` stops, staying within 1..count."""
    st.session_state[STOP] = min(count, max(1, (st.session_state.get(STOP) or 1) + delta))
