"""Find loaded words in the project's own prose that no sentence attributes to anyone.

The atlas states de facto facts as facts and each side's position as that
side's. A word such as "illegal" or "liberation" is a position, so in the
project's own voice it may only stand in a sentence that says whose word it is
("Japan holds that…", "…, according to…") or inside quotation marks.

Verbatim text (excerpts, headlines, source titles) and the attributed
`positions` of events are not the project's voice and are not linted.
"""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import BaseModel

from content.models import (
    Article,
    Correction,
    Event,
    Figure,
    Island,
    JapaneseClaim,
    RussianAdministration,
    Source,
    TourStop,
)

# Loaded word stems, matched case-insensitively at the start of a word: words of blame, and each
# side's own names and classifications, which the narrator may use only attributed.
LOADED_WORDS: tuple[str, ...] = (
    "illegal", "liberat", "stolen", "rightful", "so-called", "puppet",
    # Japan's framings: the islands' "return" (not "returned to port"), their "inherent
    # territory", "annexation", islands "under occupation" today.
    "return of the islands", "return of the four", "return of the Northern", "islands' return",
    "their return", "peaceful return", "inherent", "annex", "under occupation", "under illegal",
)

# Each side's proper names for the islands, matched case-sensitively so that a lower-case
# geographic description ("the southern end of the Kuril chain") is not mistaken for one.
LOADED_NAMES: tuple[str, ...] = (
    "Northern Territor", "北方領土",  # Japan's name for the four islands
    "South Kuril", "Southern Kuril", "Lesser Kuril", "Greater Kuril", "Малая Курильская",  # Russia's
)

# Official names that contain one side's term but name an institution, not the islands: the
# name is a fact, so a loaded word inside it is not counted.
INSTITUTION_NAMES: tuple[str, ...] = (
    "Association for Northern Territories Issues", "Northern Territories Issue Association",
    "Headquarters for Northern Territories Affairs", "Okinawa and Northern Territories Affairs",
)

# Phrases that attribute a sentence to a speaker, matched case-insensitively as whole words.
ATTRIBUTIONS: tuple[str, ...] = (
    "Japan holds", "Russia holds", "according to", "Japan's position", "Russia's position",
    "calls", "considers", "describes", "says", "said", "maintains", "regards", "argues",
    "holds that", "in Russian usage", "in Japanese usage", "told", "stated", "wrote", "posted",
    "the term",
)

# Opening and closing quotation marks whose contents are someone else's words.
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (('"', '"'), ("“", "”"), ("«", "»"), ("「", "」"), ("『", "』"))

# The prose fields, in the project's own voice, of each model that has any.
PROSE_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    Island: ("summary",),
    RussianAdministration: ("note",),
    JapaneseClaim: ("note",),
    Figure: ("note",),
    Event: ("title", "summary"),  # not `positions`: attributed by construction
    Article: ("date_basis", "state_control_note"),  # not `headline` or excerpts: verbatim
    Correction: ("text",),
    Source: ("note",),  # not `title`: the work's own title
    TourStop: ("title", "text", "question"),
}

_LOADED = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in LOADED_WORDS) + r")[\w-]*"
    r"|(?-i:(?:" + "|".join(re.escape(w) for w in LOADED_NAMES) + r")[\w-]*)",
    re.IGNORECASE,
)
_ATTRIBUTED = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in ATTRIBUTIONS) + r")\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"”')])\s+")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of every quoted passage, quotation marks included."""
    spans = []
    for opening, closing in QUOTE_PAIRS:
        start = text.find(opening)
        while start != -1:
            end = text.find(closing, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            start = text.find(opening, end + 1)
    return spans


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, sentence) for each sentence of a paragraph."""
    offset = 0
    for match in _SENTENCE_END.finditer(text):
        yield offset, text[offset:match.start()]
        offset = match.end()
    if offset < len(text):
        yield offset, text[offset:]


def unattributed(text: str) -> list[str]:
    """List the sentences of text that use a loaded word outside quotes and attribute it to no one."""
    text = " ".join(text.replace("’", "'").split())
    quoted = _quoted_spans(text) + [
        (m.start() - 1, m.end()) for name in INSTITUTION_NAMES for m in re.finditer(re.escape(name), text)
    ]
    found = []
    for offset, sentence in _sentences(text):
        if _ATTRIBUTED.search(sentence):
            continue
        for word in _LOADED.finditer(sentence):
            where = offset + word.start()
            if not any(start < where < end for start, end in quoted):
                found.append(sentence)
                break
    return found


def prose(model: BaseModel, where: str = "") -> Iterator[tuple[str, str]]:
    """Yield (field path, text) for every prose field of a model and the models inside it."""
    for name in PROSE_FIELDS.get(type(model), ()):
        value = getattr(model, name)
        if value:
            yield f"{where}.{name}" if where else name, value
    for name in type(model).model_fields:
        if type(model) is Event and name == "positions":
            continue
        value = getattr(model, name)
        here = f"{where}.{name}" if where else name
        if isinstance(value, BaseModel):
            yield from prose(value, here)
        elif isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    yield from prose(entry, f"{here}[{i}]")
