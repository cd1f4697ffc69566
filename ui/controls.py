"""The map's year and perspective controls, bound to the session's view state."""

from __future__ import annotations

import streamlit as st

from content.i18n import N_, _
from content.perspective import PERSPECTIVE_NOTES, PERSPECTIVE_TITLES
from content.viewstate import FIRST_YEAR, KEY_YEARS, current_year
from ui import state

YEAR_SLIDER = "year_slider"
YEAR_PILLS = "year_pills"
PERSPECTIVE_PICKER = "perspective_picker"
TODAY = N_("Today")  # the pill's value; shown in the run's language


def shown_year() -> int:
    """Return the year the map shows (today when none is chosen)."""
    return st.session_state.get(state.YEAR) or current_year()


def shown_when() -> str:
    """Return the year or date (an event's) the map shows: '1956' or '1945-09-05'."""
    return st.session_state.get(state.DATE) or str(shown_year())


def set_year(year: int | None, date: str | None = None) -> None:
    """Show the map at a year (None: today), or at a date within it."""
    st.session_state[state.YEAR] = None if year is None or year == current_year() else year
    st.session_state[state.DATE] = date


def _on_slider() -> None:
    set_year(st.session_state[YEAR_SLIDER])


def _on_pills() -> None:
    choice = st.session_state.get(YEAR_PILLS)
    if choice is not None:
        set_year(None if choice == TODAY else int(choice))


def _on_perspective() -> None:
    st.session_state[state.PERSPECTIVE] = st.session_state.get(PERSPECTIVE_PICKER) or "neutral"


def render_year_control() -> int:
    """Show the year slider and the key-year buttons; return the year shown."""
    year = shown_year()
    key_options = [str(y) for y in KEY_YEARS] + [TODAY]
    pill = TODAY if st.session_state.get(state.YEAR) is None else (str(year) if str(year) in key_options else None)
    st.slider(_("Year"), FIRST_YEAR, current_year(), value=state.widget_default(YEAR_SLIDER, year), key=YEAR_SLIDER,
              on_change=_on_slider,
              help=_("Who administered each island in that year, and the boundary lines then in force."))
    state.reconcile(YEAR_SLIDER, year, _on_slider)
    shown = {option: _(option) if option == TODAY else option for option in key_options}  # translated now
    st.pills(_("Key years"), key_options, format_func=shown.get, default=state.widget_default(YEAR_PILLS, pill), key=YEAR_PILLS,
             on_change=_on_pills, label_visibility="collapsed")
    state.reconcile(YEAR_PILLS, pill, _on_pills)
    return year


def render_perspective_control() -> str:
    """Show the perspective switch; return the perspective shown."""
    perspective = st.session_state.get(state.PERSPECTIVE, "neutral")
    options = list(PERSPECTIVE_TITLES)
    first = state.widget_default(PERSPECTIVE_PICKER, perspective)
    st.radio(
        _("Perspective"), options, format_func={p: _(t) for p, t in PERSPECTIVE_TITLES.items()}.get, horizontal=True,
        index=options.index(first) if first else 0,
        key=PERSPECTIVE_PICKER, on_change=_on_perspective, help=_(PERSPECTIVE_NOTES[perspective]),
    )
    state.reconcile(PERSPECTIVE_PICKER, perspective, _on_perspective)
    return perspective
