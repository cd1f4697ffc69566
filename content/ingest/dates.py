"""Dateline patterns: a line that is only a publication date (and time) and its ISO date."""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Russian month names in the genitive ("4 февраля 2022"), by stem.
RUSSIAN_MONTHS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?|\s*[+-]\d{2}:?\d{2})?)?"
_PREFIX = r"^(?:(?:published|updated|posted|first published)(?:\s+on)?\s*:?\s*)?(?:(?:" + "|".join(WEEKDAYS) + r")[a-z]*,?\s+)?"

DATELINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(_PREFIX + body + _TIME + r"\s*$", re.IGNORECASE)
    for body in (
        r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})",  # 4 Feb, 2022 07:43
        _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})",  # February 4, 2022
        r"(?P<year>\d{4})-(?P<month_num>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?",
        r"(?P<year>\d{4})年\s*(?P<month_num>\d{1,2})月\s*(?P<day>\d{1,2})日",
        r"(?P<day>\d{1,2})\s+(?P<month_ru>[а-яё]+)\s+(?P<year>\d{4})(?:\s*г\.?)?",
    )
)

_MONTH_DAY = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}\b(?!,?\s*\d{4})"
)
_WEEKDAY = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")


def _russian_month(word: str) -> int | None:
    for stem, number in sorted(RUSSIAN_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.lower().startswith(stem):
            return number
    return None


def parse_dateline(line: str) -> str | None:
    """Return the ISO date (YYYY-MM-DD) if the line is only a date, else None."""
    text = line.strip()
    if not text or len(text) > 60:
        return None
    for pattern in DATELINES:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        if parts.get("month"):
            month = MONTHS[parts["month"].lower()[:3]]
        elif parts.get("month_ru"):
            month = _russian_month(parts["month_ru"])
            if month is None:
                continue
        else:
            month = int(parts["month_num"])
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            continue
    return None


def date_hints(text: str) -> list[str]:
    """List the incomplete date mentions in a text ('March 22', 'Friday'), each once."""
    hints: list[str] = []
    for pattern in (_MONTH_DAY, _WEEKDAY):
        for match in pattern.finditer(text):
            if match.group(0) not in hints:
                hints.append(match.group(0))
    return hints
