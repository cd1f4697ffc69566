"""Filter and search the timeline and the news, as the Timeline and News pages do."""

from __future__ import annotations

import unicodedata
from typing import Iterable

from content.models import Article, Event, Excerpt

def _year(date: str) -> int:
    return int(date[:4])


def _fold(text: str) -> str:
    """Fold case and accents so that 'kurils' finds 'Kurils' and 'Kuril’sk'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def filter_events(
    events: Iterable[Event],
    islands: Iterable[str] = (),
    kinds: Iterable[str] = (),
    years: tuple[int, int] | None = None,
    query: str = "",
) -> list[Event]:
    """Keep events that concern any of `islands`, are of any of `kinds`, fall in `years`
    (inclusive) and contain every word of `query`; an empty filter keeps everything."""
    island_set, kind_set = set(islands), set(kinds)
    words = _fold(query).split()
    kept = []
    for event in events:
        if island_set and not island_set.intersection(event.islands):
            continue
        if kind_set and event.kind not in kind_set:
            continue
        if years:
            start = _year(event.date)
            end = _year(event.end_date) if event.end_date else start
            if end < years[0] or start > years[1]:
                continue
        if words:
            haystack = _fold(" ".join([event.title, event.summary, event.date]))
            if not all(w in haystack for w in words):
                continue
        kept.append(event)
    return kept


def filter_excerpts(
    articles: Iterable[Article],
    islands: Iterable[str] = (),
    outlets: Iterable[str] = (),
    years: Iterable[int] = (),
    query: str = "",
) -> list[tuple[Article, Excerpt]]:
    """Return (article, excerpt) pairs matching the island, outlet, year and text filters."""
    island_set, outlet_set, year_set = set(islands), set(outlets), set(years)
    words = _fold(query).split()
    kept = []
    for article in articles:
        if outlet_set and article.outlet not in outlet_set:
            continue
        if year_set and _year(article.date) not in year_set:
            continue
        for excerpt in article.excerpts:
            if island_set and not island_set.intersection(excerpt.islands):
                continue
            if words:
                haystack = _fold(" ".join(filter(None, [excerpt.text, excerpt.speaker, article.headline, article.outlet])))
                if not all(w in haystack for w in words):
                    continue
            kept.append((article, excerpt))
    return kept


def year_range(events: Iterable[Event]) -> tuple[int, int]:
    """Return the first and last year the events span."""
    years = [_year(e.date) for e in events] + [_year(e.end_date) for e in events if e.end_date]
    return min(years), max(years)
