"""Gather one island's handout: names, status, sourced facts, key dates and a short bibliography.

Plain strings only, so that the PDF renderer (geo/handout.py), a page or a test
can use them as they are. Facts and dates carry numbered references [n] into
the bibliography, numbered in order of first use. Every string is in the run's
language (content.i18n); give content already in that language (localize).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from content.control import control_at
from content.i18n import N_, _, language

from content.load import Content
from content.models import Event
from content.perspective import PERSPECTIVE_TITLES, island_label
from content.present import (
    CONTROLLER_NAMES,
    cite_source,
    event_heading,
    fact_lines,
    format_date,
    format_figure,
    japanese_lines,
    name_lines,
    status_summary,
)

# A string of the app's catalog (messages.po): translated as _ does, not extracted into site.pot.
app_text = _


MAX_KEY_DATES = 10
RECENT_DATES = 3  # the most recent events always listed, besides control changes and treaties
ATLAS = "Four Islands atlas"  # in the app's catalog (messages.po); translated where used


@dataclass(frozen=True)
class Handout:
    """One page about one island, as plain strings."""

    island_id: str
    title: str  # both names, the language's own usage first: "Iturup / Etorofu", "択捉島 / イトゥルップ島"
    subtitle: str  # what the island is and what the map shows
    names: tuple[str, ...]  # English, 日本語, Русский lines
    names_latin: tuple[str, ...]  # the same with the Japanese line in romaji only, for a font without kanji
    status: str  # de facto administration and Japan's claim; control in the map's year if given
    facts: tuple[str, ...]  # "Area: 3,166.64 km² (Government of Japan ..., 2025) [1]"
    key_dates: tuple[str, ...]  # "7 February 1855 — Treaty of Shimoda ... [3]"
    bibliography: tuple[str, ...]  # "[1] Author. Title. Publisher. Date. URL (accessed YYYY-MM-DD)"
    citation: str  # how to cite this handout
    accessed: str  # ISO 8601 date the handout was made


def key_events(events: list[Event], island_id: str, limit: int = MAX_KEY_DATES) -> list[Event]:
    """Pick an island's key events: its control changes and the treaties, then the most recent few.

    Returns at most `limit` events in date order; when there are too many, the
    oldest treaties that changed nothing for this island are left out first.
    """
    own = [e for e in events if any(c.territory == island_id for c in e.control)]
    treaties = [e for e in events if e.kind == "treaty" and e not in own]
    rest = [e for e in events if e not in own and e not in treaties]
    recent = rest[-RECENT_DATES:]
    room = max(0, limit - len(own) - len(recent))
    kept_treaties = treaties[len(treaties) - room:] if room < len(treaties) else treaties
    chosen = {e.id for e in own + kept_treaties + recent}
    picked = [e for e in events if e.id in chosen]
    return picked[-limit:] if len(picked) > limit else picked


def usage_names(island) -> tuple[str, str]:
    """Return the island's (Russian usage, Japanese usage) names written in the run's language."""
    names = island.names
    if language() == "ja":
        return names.ja.russian or names.en_russian, names.ja.kanji
    if language() == "ru":
        return names.ru.cyrillic, names.ru.japanese or names.en_japanese
    return names.ru.latin, names.ja.romaji


class _References:
    """Number sources in order of first use."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def mark(self, *source_ids: str) -> str:
        numbers = []
        for source_id in source_ids:
            if source_id not in self.order:
                self.order.append(source_id)
            numbers.append(self.order.index(source_id) + 1)
        return "[" + ", ".join(str(n) for n in sorted(set(numbers))) + "]" if numbers else ""


def build_handout(
    content: Content,
    island_id: str,
    year: int | None = None,
    perspective: str = "neutral",
    accessed: dt.date | None = None,
) -> Handout:
    """Build the handout for an island; `year` is the map's year (None: today), `accessed` defaults to today."""
    if island_id not in content.islands:
        raise ValueError(f"unknown island {island_id!r}; expected one of {', '.join(content.islands)}")
    if perspective not in PERSPECTIVE_TITLES:
        raise ValueError(f"unknown perspective {perspective!r}; expected one of {', '.join(PERSPECTIVE_TITLES)}")
    accessed = accessed or dt.date.today()
    island = content.islands[island_id]
    names = island.names
    refs = _References()

    lines = name_lines(island)
    name_texts = tuple(f"{line.label}: {line.value}" for line in lines)
    names_latin = (name_texts[0], _("Japanese: {romaji}").format(romaji=names.ja.romaji), name_texts[2])

    map_year = year if year is not None else accessed.year
    status = status_summary(island)
    if year is not None:
        controller = control_at(content.events, str(year))[island_id]
        status += " " + _("In {year}: administered by {controller}.").format(
            year=year, controller=_(CONTROLLER_NAMES[controller]))

    facts = [f"{line.label}: {line.value} {refs.mark(*line.sources)}" for line in fact_lines(island)]
    ru = island.russian_administration
    ja = island.japanese_claim
    if ru.settlements:
        facts.append(f"{app_text('Main settlements')}: {app_text(', ').join(ru.settlements)}"
                     + f" {refs.mark(*ru.sources[:1])}")
    facts.append(_("Population (Russian figures): {figure}").format(figure=format_figure(ru.population))
                 + f" {refs.mark(ru.population.source)}")
    residents = japanese_lines(island)[-1]  # the panel's own line: Japanese residents in 1945
    facts.append(f"{residents.label}: {format_figure(ja.population_1945)} {refs.mark(ja.population_1945.source)}")

    key_dates = [f"{event_heading(e)} {refs.mark(e.sources[0])}"
                 for e in key_events(content.events_for(island_id), island_id)]

    bibliography = tuple(
        f"[{n}] {cite_source(content.source(source_id), accessed)}" for n, source_id in enumerate(refs.order, 1)
    )
    view = _("{perspective}, {year}").format(perspective=_(PERSPECTIVE_TITLES[perspective]), year=map_year)
    title = island_label(island, "neutral")
    return Handout(
        island_id=island_id,
        title=title,
        subtitle=_("{russian} in Russian usage, {japanese} in Japanese usage · one of the four islands "
                   "administered by Russia and claimed by Japan · map: {view}").format(
            russian=usage_names(island)[0], japanese=usage_names(island)[1], view=view),
        names=name_texts,
        names_latin=names_latin,
        status=status,
        facts=tuple(facts),
        key_dates=tuple(key_dates),
        bibliography=bibliography,
        citation=_("{atlas}. “{title}”: island handout (map: {view}). Accessed {date}.").format(
            atlas=_(ATLAS), title=title, view=view, date=format_date(accessed.isoformat())),
        accessed=accessed.isoformat(),
    )
