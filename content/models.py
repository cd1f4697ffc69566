"""Typed content models: islands, history events, news articles, sources.

Every model is frozen and forbids unknown fields, so a typo in a content file
is an error that names the file and the field, never a silently ignored key.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl

ISLAND_IDS: tuple[str, ...] = ("iturup", "kunashir", "shikotan", "habomai")
IslandId = Literal["iturup", "kunashir", "shikotan", "habomai"]

# Territories whose control the history events track: the four islands plus the
# context land whose status changed with the treaties (Urup and the islands north
# of it; Sakhalin south of 50°N).
TERRITORY_IDS: tuple[str, ...] = ISLAND_IDS + ("north_kurils", "south_sakhalin")
TerritoryId = Literal[
    "iturup", "kunashir", "shikotan", "habomai", "north_kurils", "south_sakhalin"
]

# Who administers a territory. The Russian Empire, the USSR and the Russian
# Federation are kept apart because the history speaks of them apart.
Controller = Literal["japan", "russian_empire", "ussr", "russia", "shared", "unsettled"]

EventKind = Literal["treaty", "military", "administrative", "diplomatic", "statement"]
SourceKind = Literal["treaty", "official", "statistics", "dataset", "scholarly", "reference", "news"]

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
Text = Annotated[str, Field(min_length=1)]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)


def check_partial_date(value: str) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD that names a real calendar date."""
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as exc:
        raise ValueError(f"'{value}' is not a real date: {exc}") from None
    return value


PartialDate = Annotated[str, AfterValidator(check_partial_date)]
"""ISO 8601 date with the precision it is known to: '1945', '1945-08' or '1945-08-28'."""


def date_precision(value: str) -> Literal["year", "month", "day"]:
    """Say how precise a PartialDate is."""
    return ("year", "month", "day")[value.count("-")]


def date_sort_key(value: str) -> tuple[int, int, int]:
    """Order PartialDates; an unknown month or day sorts first within its year or month."""
    parts = [int(p) for p in value.split("-")] + [0, 0]
    return parts[0], parts[1], parts[2]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Model):
    """One bibliography entry that facts and excerpts point to by id."""

    id: Slug
    title: Text
    author: Text | None = None  # person or organisation responsible
    publisher: Text | None = None
    date: PartialDate | None = None
    url: HttpUrl | None = None
    kind: SourceKind
    accessed: dt.date | None = None
    note: Text | None = None  # e.g. "secondary source for this figure"


class Figure(Model):
    """A sourced number: value, unit, the year it refers to and who gives it."""

    value: float
    unit: Text
    year: int | None = None
    according_to: Text | None = None  # whose figure, e.g. "Government of Japan"
    source: Slug
    note: Text | None = None


class JapaneseName(Model):
    kanji: Text
    kana: Text | None = None
    romaji: Text
    russian: Text | None = None  # the Russian name in Japanese script ("イトゥルップ島"), for the neutral atlas in Japanese


class RussianName(Model):
    cyrillic: Text
    latin: Text
    japanese: Text | None = None  # the Japanese name in Cyrillic ("Эторофу"), for the neutral atlas in Russian


class Names(Model):
    en: Text  # "Iturup / Etorofu": the neutral form with both names
    en_russian: Text  # "Iturup": the name as Russia uses it, in Latin script
    en_japanese: Text  # "Etorofu": the name as Japan uses it, in Latin script
    ja: JapaneseName
    ru: RussianName


class GroupMember(Model):
    """An islet of a group (Habomai), with both names."""

    ja: JapaneseName
    ru: RussianName
    area: Figure | None = None


class HighestPoint(Model):
    name_ja: Text | None = None
    name_ru: Text | None = None
    name_en: Text
    elevation: Figure


class RussianAdministration(Model):
    federal_subject: Text  # "Sakhalin Oblast"
    district: Text  # "Kurilsky District"
    settlements: list[Text]
    population: Figure
    note: Text | None = None
    sources: list[Slug] = Field(min_length=1)


class PrewarVillage(Model):
    name_en: Text
    name_ja: Text


class JapaneseClaim(Model):
    prefecture: Text  # "Hokkaido"
    subprefecture: Text  # "Nemuro Subprefecture"
    villages: list[PrewarVillage] = Field(min_length=1)  # before 1945
    population_1945: Figure
    note: Text | None = None
    sources: list[Slug] = Field(min_length=1)


class Island(Model):
    """One disputed island (or group), as content/islands/<id>.yaml holds it."""

    id: IslandId
    names: Names
    members: list[GroupMember] = []  # Habomai's islets; empty for a single island
    area: list[Figure] = Field(min_length=1)  # one figure per side where they differ
    highest_point: HighestPoint
    russian_administration: RussianAdministration
    japanese_claim: JapaneseClaim
    summary: Text
    sources: list[Slug] = Field(min_length=1)


class ControlChange(Model):
    """Who administers a territory from this event on."""

    territory: TerritoryId
    to: Controller


class Positions(Model):
    """Each side's position on the event, attributed, in its own terms."""

    japan: Text | None = None
    russia: Text | None = None


class Event(Model):
    """A dated event of the dispute, as content/history/*.yaml holds it."""

    id: Slug
    date: PartialDate
    end_date: PartialDate | None = None  # for an event that spans days (an occupation)
    title: Text
    kind: EventKind
    islands: list[IslandId] = Field(min_length=1)
    summary: Text
    positions: Positions | None = None
    control: list[ControlChange] = []  # empty if the event changed no one's control
    sources: list[Slug] = Field(min_length=1)


class Correction(Model):
    """A short note where an excerpt states something wrong, with its source."""

    text: Text
    sources: list[Slug] = Field(min_length=1)


class Excerpt(Model):
    """A verbatim quote from a seed article, linked to islands and events."""

    id: Slug
    text: Text  # verbatim, as it stands in the article
    translation: Text | None = None  # set from content/translations/<lang>/news.yaml, never in news files
    speaker: Text | None = None  # "Sergey Lavrov, Russian Foreign Minister"; None for the outlet's own words
    islands: list[IslandId] = []
    events: list[Slug] = []
    correction: Correction | None = None


class Article(Model):
    """One news article and its excerpts, as content/news/<id>.yaml holds it."""

    id: Slug
    seed: Text | None = None  # file name under shared/seeds/ the text came from
    outlet: Text
    state_controlled: bool
    state_control_note: Text | None = None  # who controls it, with a source
    headline: Text
    date: PartialDate
    date_basis: Text  # how the date was established
    agency: Text | None = None  # wire agency, e.g. "AP", "AFP", "TASS"
    author: Text | None = None
    url: HttpUrl | None = None
    sources: list[Slug] = []  # for the date basis and the state-control label
    excerpts: list[Excerpt] = Field(min_length=1)


class TourStop(Model):
    """One stop of the classroom tour: where the map goes, what to say, what to ask."""

    id: Slug
    title: Text
    year: int = Field(ge=1855, le=2100)
    date: PartialDate | None = None  # the map at this date within `year`, if given
    island: IslandId | None = None  # the island the map frames and opens, if any
    zoom: int | None = Field(default=None, ge=5, le=12)  # None: the island's own framing
    perspective: Literal["neutral", "japan", "russia"] = "neutral"
    text: Text  # short, neutral, 60-120 words
    question: Text  # a question for discussion
    events: list[Slug] = []
    sources: list[Slug] = Field(min_length=1)

