"""Headline, date, outlet and agency detection from a cleaned page and its removals."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from content.ingest.dates import date_hints, parse_dateline
from content.ingest.outlets import match_agency, match_outlet

HEADLINE_WINDOW = 12  # lines from the top where a headline may stand
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 25
BODY_MIN_WORDS = 10  # a line this long ending in a full stop is body: no headline below it


def find_headline(lines: list[str]) -> str | None:
    """Find the headline among the top lines: a repeated line, else the first title-like line."""
    top: list[str] = []
    for line in lines[:HEADLINE_WINDOW]:
        if line.endswith(".") and len(line.split()) >= BODY_MIN_WORDS:
            break
        top.append(line)
    counts = Counter(lines)
    fits = [ln for ln in top if HEADLINE_MIN_WORDS <= len(ln.split()) <= HEADLINE_MAX_WORDS
            and not ln.endswith(".")]
    for line in fits:
        if counts[line] > 1:
            return line
    return fits[0] if fits else None


@dataclass(frozen=True)
class Found:
    """A detected value and how it was found ('dateline in text: …'); value None if not found."""

    value: str | bool | None
    basis: str | None = None


def detect_date(datelines: list[str], body: str, given: str | None = None) -> tuple[Found, list[str]]:
    """Find the publication date (ISO) from the option or a dateline, and list partial hints."""
    hints = date_hints(body)
    if given:
        return Found(given, "given on the command line"), hints
    for line in datelines:
        iso = parse_dateline(line)
        if iso:
            return Found(iso, f"dateline in text: '{line.strip()}'"), hints
    return Found(None), hints


def detect_outlet(chrome: list[str], url: str | None, given: str | None = None,
                  state_controlled: bool | None = None) -> tuple[Found, Found]:
    """Find the outlet and whether the state controls it, from options, URL or page chrome."""
    match = match_outlet(chrome, url)
    if given:
        outlet = Found(given, "given on the command line")
    elif match:
        outlet = Found(match[0].name, match[1])
    else:
        outlet = Found(None)
    if state_controlled is not None:
        state = Found(state_controlled, "given on the command line")
    elif match and (not given or given == match[0].name) and match[0].state_controlled is not None:
        state = Found(match[0].state_controlled, f"outlet table entry for {match[0].name}")
    else:
        state = Found(None)
    return outlet, state


def detect_agency(credits: list[str], body: str) -> Found:
    """Find the wire agency named by a credit line or an agency dateline ('TOKYO (AP) —')."""
    match = match_agency(credits + [body])
    return Found(match[0], f"credit line: '{match[1]}'") if match else Found(None)
