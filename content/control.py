"""Who administered which territory at a given date, derived from the history events.

The events are the one copy of these facts: the map at any year is replayed
from their control changes, never kept in a second table.
"""

from __future__ import annotations

from typing import Iterable

from content.models import TERRITORY_IDS, Event, date_sort_key

# Before the first treaty no border was agreed.
INITIAL = "unsettled"

def _as_of(when: str) -> tuple[int, int, int]:
    """Return the last day a PartialDate covers, as a sort key ('1945' → end of 1945)."""
    year, month, day = date_sort_key(when)
    return year, month or 12, day or 31


def control_at(events: Iterable[Event], when: str | int) -> dict[str, str]:
    """Return {territory id: controller} after every event that began on or before `when`.

    `when` is a year or a PartialDate ('1945', '1945-09', '1945-09-01').
    """
    cutoff = _as_of(str(when))
    state = {t: INITIAL for t in TERRITORY_IDS}
    for event in sorted(events, key=lambda e: date_sort_key(e.date)):
        if date_sort_key(event.date) > cutoff:
            break
        for change in event.control:
            state[change.territory] = change.to
    return state


def era_of(year: int, key_years: Iterable[int]) -> tuple[int, int]:
    """Return the (first, last) year of the era that `year` falls in, eras starting at key years."""
    keys = sorted(key_years)
    start = max([y for y in keys if y <= year], default=keys[0])
    later = [y for y in keys if y > start]
    return start, (later[0] - 1 if later else 9999)


def events_in_era(events: Iterable[Event], year: int, key_years: Iterable[int]) -> list[Event]:
    """Return the events of the era that `year` falls in, for listing beside the map."""
    start, end = era_of(year, key_years)
    return [e for e in events if start <= int(e.date[:4]) <= end]
