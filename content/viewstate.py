"""The view a link names: which island, year and perspective, parsed from a query string.

A bad value never breaks the page: it falls back to the default and yields a
notice the page shows, naming the parameter and the value it ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Mapping

from content.i18n import LANGUAGES, _
from content.models import ISLAND_IDS, check_partial_date

PERSPECTIVES: tuple[str, ...] = ("neutral", "japan", "russia")
# The link's own parameters, and Streamlit's (embed mode), which pass without a notice.
KNOWN_PARAMETERS: frozenset[str] = frozenset(
    {"island", "year", "date", "perspective", "screenshot", "stop", "lang", "embed", "embed_options"})
_ASCII_NUMBER = re.compile(r"^[0-9]{1,6}$")
FIRST_YEAR = 1855
MAX_STOPS = 99
KEY_YEARS: tuple[int, ...] = (1855, 1875, 1905, 1945, 1956, 1993, 2018, 2022)


def current_year() -> int:
    """Return this year, the last year the map can show."""
    return dt.date.today().year


@dataclass(frozen=True)
class ViewState:
    """What a shareable link restores. `year` None means today."""

    island: str | None = None
    year: int | None = None
    date: str | None = None  # a PartialDate within `year`, for the map at an event's date
    perspective: str = "neutral"
    screenshot: bool = False
    stop: int | None = None  # classroom tour stop, 1-based
    lang: str | None = None  # en, ja or ru; None: the link names none (the browser's language decides)
    notices: tuple[str, ...] = field(default=(), compare=False)

    def to_query(self) -> dict[str, str]:
        """Return the query parameters that restore this view (defaults left out)."""
        query: dict[str, str] = {}
        if self.island:
            query["island"] = self.island
        if self.year is not None:
            query["year"] = str(self.year)
        if self.date is not None:
            query["date"] = self.date
        if self.perspective != "neutral":
            query["perspective"] = self.perspective
        if self.screenshot:
            query["screenshot"] = "1"
        if self.stop is not None:
            query["stop"] = str(self.stop)
        if self.lang is not None:
            query["lang"] = self.lang
        return query


def _first(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def parse_view(params: Mapping[str, str | list[str]]) -> ViewState:
    """Parse query parameters into a ViewState, with a notice for each value ignored."""
    notices: list[str] = []
    unknown = sorted(k for k in params if k not in KNOWN_PARAMETERS)
    if unknown:
        shown = ", ".join(f"'{k[:20]}'" for k in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        known = ', '.join(sorted(KNOWN_PARAMETERS - {'embed', 'embed_options'}))
        notices.append((_("Ignoring unknown link parameters {names}. Known: {known}.") if len(unknown) > 1
                        else _("Ignoring unknown link parameter {names}. Known: {known}.")).format(
                            names=shown, known=known))

    island = _first(params.get("island"))
    if island is not None:
        island = island.strip().lower()
        if island not in ISLAND_IDS:
            notices.append(
                _("Unknown island '{value}' in the link; showing the whole map. Known islands: {known}.").format(
                    value=island[:40], known=', '.join(ISLAND_IDS))
            )
            island = None
        elif not island:
            island = None

    year: int | None = None
    raw_year = _first(params.get("year"))
    if raw_year is not None and raw_year.strip():
        last = current_year()
        try:
            if not _ASCII_NUMBER.match(raw_year.strip()):
                raise ValueError(raw_year)
            year = int(raw_year.strip())
        except ValueError:
            notices.append(_("Year '{value}' in the link is not a number; showing today.").format(value=raw_year[:20]))
        else:
            if not FIRST_YEAR <= year <= last:
                notices.append(_("Year {year} in the link is outside {first}–{last}; showing today.").format(
                    year=year, first=FIRST_YEAR, last=last))
                year = None

    date: str | None = None
    raw_date = _first(params.get("date"))
    if raw_date is not None and raw_date.strip():
        try:
            date = check_partial_date(raw_date.strip())
        except ValueError:
            notices.append(_("Date '{value}' in the link is not a date (YYYY-MM-DD); ignoring it.").format(
                value=raw_date[:20]))
        else:
            if not FIRST_YEAR <= int(date[:4]) <= current_year():
                notices.append(_("Date {date} in the link is outside {first}–{last}; ignoring it.").format(
                    date=date, first=FIRST_YEAR, last=current_year()))
                date = None
            elif year is not None and int(date[:4]) != year:
                notices.append(_("Date {date} in the link is not in year {year}; ignoring the date.").format(
                    date=date, year=year))
                date = None
            else:
                year = int(date[:4])

    perspective = _first(params.get("perspective")) or "neutral"
    perspective = perspective.strip().lower()
    if perspective not in PERSPECTIVES:
        notices.append(_("Unknown perspective '{value}' in the link; showing the neutral view.").format(
            value=perspective[:20]))
        perspective = "neutral"

    screenshot = (_first(params.get("screenshot")) or "").strip().lower() in ("1", "true", "yes")

    stop: int | None = None
    raw_stop = _first(params.get("stop"))
    if raw_stop is not None and raw_stop.strip():
        # ASCII digits only: '²' and '①' pass str.isdigit() but int() refuses them.
        if _ASCII_NUMBER.match(raw_stop.strip()) and 1 <= int(raw_stop.strip()) <= MAX_STOPS:
            stop = int(raw_stop.strip())
        else:
            notices.append(_("Tour stop '{value}' in the link is not a stop number; starting the tour at 1.").format(
                value=raw_stop[:20]))

    lang = _first(params.get("lang"))
    if lang is not None:
        lang = lang.strip().lower() or None
        if lang is not None and lang not in LANGUAGES:
            notices.append(_("Unknown language '{value}' in the link; one of: {known}.").format(
                value=lang[:20], known=', '.join(LANGUAGES)))
            lang = None
    return ViewState(island=island, year=year, date=date, perspective=perspective, screenshot=screenshot,
                     stop=stop, lang=lang, notices=tuple(notices))
