"""Island name table and detection: every name form of the four islands, in three scripts.

NAME_FORMS is the one table of names; other modules (and other parts of the project)
reuse it. A group name ("Northern Territories", "Kuril Islands", 北方領土) stands for all
four islands; "Lesser Kuril Chain" stands for Shikotan and the Habomai group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from content.models import ISLAND_IDS

Script = Literal["latin", "cjk", "cyrillic"]
ALL_FOUR: tuple[str, ...] = ISLAND_IDS
LESSER_KURILS: tuple[str, ...] = ("shikotan", "habomai")


@dataclass(frozen=True)
class NameForm:
    """One written form of a name and the islands it stands for."""

    form: str
    islands: tuple[str, ...]
    script: Script
    group: bool = False  # True for a name that stands for several islands


def _forms(script: Script, islands: tuple[str, ...], *forms: str, group: bool = False) -> list[NameForm]:
    return [NameForm(f, islands, script, group) for f in forms]


NAME_FORMS: tuple[NameForm, ...] = tuple(
    # Latin script: Russian and Japanese names, and their variant spellings.
    _forms("latin", ("iturup",), "Iturup", "Etorofu", "Etorup")
    + _forms("latin", ("kunashir",), "Kunashir", "Kunashiri")
    + _forms("latin", ("shikotan",), "Shikotan")
    + _forms("latin", ("habomai",), "Habomai", "Habomais", "Khabomai")
    + _forms("latin", ALL_FOUR, "the four islands", "four disputed islands", "four islands",
             "four Northern Islands", "Northern Territories", "Southern Kurils",
             "Southern Kuril Islands", "South Kurils", "South Kuril Islands", "Kuril Islands",
             "Kurile Islands", "Kurils", "Kuriles", "Kuril", "Southern Chishima",
             "Chishima Islands", group=True)
    + _forms("latin", LESSER_KURILS, "Lesser Kuril Chain", "Lesser Kuril Ridge", "Lesser Kurils",
             group=True)
    # Japanese: substring match, as CJK text has no word boundaries.
    + _forms("cjk", ("iturup",), "択捉")
    + _forms("cjk", ("kunashir",), "国後")
    + _forms("cjk", ("shikotan",), "色丹")
    + _forms("cjk", ("habomai",), "歯舞")
    + _forms("cjk", ALL_FOUR, "北方領土", "北方四島", "千島列島", "南千島", group=True)
    # Russian: each word matched by its stem, so that case endings still match
    # (Итурупе, Курильских островах).
    + _forms("cyrillic", ("iturup",), "Итуруп")
    + _forms("cyrillic", ("kunashir",), "Кунашир")
    + _forms("cyrillic", ("shikotan",), "Шикотан")
    + _forms("cyrillic", ("habomai",), "Хабомаи")
    + _forms("cyrillic", ALL_FOUR, "Южные Курилы", "Южные Курильские острова",
             "Курильские острова", "Курилы", group=True)
    + _forms("cyrillic", LESSER_KURILS, "Малая Курильская гряда", group=True)
)

_RUSSIAN_ENDING = re.compile(r"[аяеёиыоуюйь]+$")


def _pattern(name: NameForm) -> str:
    """Build the regex for one name form: whole words, any case, stems for Russian."""
    if name.script == "cjk":
        return re.escape(name.form)
    if name.script == "cyrillic":
        stems = [_RUSSIAN_ENDING.sub("", word) or word for word in name.form.split()]
        return r"(?<!\w)" + r"\s+".join(re.escape(s) + r"\w*" for s in stems)
    words = [re.escape(word) for word in name.form.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


_COMPILED: tuple[tuple[NameForm, re.Pattern[str]], ...] = tuple(
    (name, re.compile(_pattern(name), re.IGNORECASE)) for name in NAME_FORMS
)


@dataclass(frozen=True)
class NameMatch:
    """A name found in a text: where, as written, and the islands it stands for."""

    start: int
    end: int
    text: str
    name: NameForm


def find_names(text: str) -> list[NameMatch]:
    """Find every island name in a text, longest first where forms overlap, in text order."""
    found = [
        NameMatch(m.start(), m.end(), m.group(0), name)
        for name, pattern in _COMPILED
        for m in pattern.finditer(text)
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[NameMatch] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def detect_islands(text: str) -> list[str]:
    """List the island ids a text speaks of, in the order of ISLAND_IDS."""
    ids = {island for match in find_names(text) for island in match.name.islands}
    return [island for island in ISLAND_IDS if island in ids]
