"""Proposing excerpts: the paragraphs or sentences that speak of the islands or the dispute.

Every excerpt is a verbatim slice of one body paragraph. A paragraph of up to
MAX_EXCERPT_WORDS words is proposed whole; a longer one gives its relevant sentences,
each contiguous run as one excerpt. A speaker is given only where the excerpt holds a
quotation of SPEECH_MIN_WORDS words or more (shorter quoted words are terms or scare quotes),
and is the subject of the speech verb in that paragraph, resolved to a full name and role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from content.ingest.islands import detect_islands, find_names
from content.ingest.people import INSTITUTIONS, Person, find_people, preposition_before

MAX_EXCERPT_WORDS = 70
SPEECH_MIN_WORDS = 4
SLUG_WORDS = 5

# Words that make a paragraph speak of the dispute even where it names no island.
DISPUTE_TERMS = re.compile(
    r"\bterritorial (?:disputes?|issues?|claims?|question|problem|row)\b|\bpeace (?:treaty|talks|deal|agreement)\b"
    r"|\bsovereignty\b|\bdisputed (?:islands?|territor\w*)\b|\bthe islands\b|\bisland controversy\b"
    r"|мирн\w* договор\w*|территориальн\w+|суверенитет\w*|平和条約|領土問題",
    re.IGNORECASE,
)
SPEECH_VERBS = (
    r"said|says|added|adds|noted|stressed|told|tells|wrote|writes|pointed out|stated|declared|insisted|"
    r"warned|argued|explained|continued|replied|responded|remarked|emphasi[sz]ed|commented|opined|"
    r"blasted|asserted|claimed|urged"
)
ROLE_REF = r"(?:fm|minister|spokesman|spokeswoman|spokesperson|diplomat|ambassador|envoy|president|premier|secretary|official|chancellor)"
_NAME = r"(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+"
SUBJECT_VERB = re.compile(
    rf"(?P<who>\b[Hh]e\b|\b[Ss]he\b|\b[Tt]he\s+(?:[\w’'.-]+\s+){{0,3}}?(?P<role>(?i:{ROLE_REF}))\b|(?P<name>{_NAME}))"
    rf"(?P<who_clause>,\s*who)?\s+(?:also\s+|later\s+|then\s+|had\s+|has\s+)?(?P<verb>{SPEECH_VERBS})\b"
)
# "said Prime Minister Fumio Kishida." / "said fisheries official Taro Yamada," / "said Galuzin."
VERB_SUBJECT = re.compile(
    rf"\b(?P<verb>{SPEECH_VERBS})\s+(?:[\w’'.-]+\s+){{0,4}}?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?=\s*[,.;]|\s*$)"
)
QUOTE = re.compile(r"[“\"]([^”\"]+)[”\"]")
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])")
ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|No|Jr|Sr)\.)$")
# Capitalised words before a speech verb that are not who is speaking ("We told our friends").
NOT_SUBJECTS = frozenset("I We You They It This That There These Those Our One Some Many Others".split())
SLUG_STOPWORDS = frozenset(
    "a an the and or but of to in on at for by with from as is are was were be been it its this that "
    "which who he she they we our their his her has have had will would not no".split()
)


@dataclass(frozen=True)
class Proposal:
    """A proposed excerpt: verbatim text, islands, speaker, and notes for the editor."""

    id: str
    text: str
    islands: list[str]
    speaker: str | None
    notes: list[str] = field(default_factory=list)


def is_relevant(text: str) -> bool:
    """Say whether a text names an island or speaks of the dispute."""
    return bool(find_names(text)) or bool(DISPUTE_TERMS.search(text))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split a paragraph into sentence spans (start, end), keeping closing quotes with their sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if ABBREVIATION.search(text[start: match.start()].rstrip("”\"’)]")):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _spans(paragraph: str) -> list[tuple[int, int]]:
    if len(paragraph.split()) <= MAX_EXCERPT_WORDS:
        return [(0, len(paragraph))]
    runs: list[tuple[int, int]] = []
    for start, end in split_sentences(paragraph):
        if not is_relevant(paragraph[start:end]):
            continue
        if runs and paragraph[runs[-1][1]:start].strip() == "":
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def has_speech(text: str) -> bool:
    """Say whether a text holds a quotation long enough to be speech rather than a term."""
    return any(len(m.group(1).split()) >= SPEECH_MIN_WORDS for m in QUOTE.finditer(text))


@dataclass
class _Attribution:
    position: int  # offset in the body
    kind: str  # "name", "pronoun", "role", "institution", "unnamed"
    word: str  # the subject as written
    person: Person | None = None


class _Speakers:
    """Resolve speech-verb subjects to people, in body order, remembering who was last named."""

    def __init__(self, body: str, people: list[Person]):
        self.people = people
        self.by_surname = {p.surname: p for p in people}
        self.mentions: list[tuple[int, Person]] = sorted(
            (m.start(), p) for p in people for m in re.finditer(rf"\b{re.escape(p.surname)}\b", body)
        )

    def last_before(self, position: int, role: str | None = None) -> Person | None:
        candidates = [(pos, p) for pos, p in self.mentions if pos < position]
        if role:
            key = "foreign minister" if role.lower() == "fm" else role.lower()
            with_role = [(pos, p) for pos, p in candidates if p.role and key in p.role.lower()]
            candidates = with_role or candidates
        return candidates[-1][1] if candidates else None

    def resolve(self, attribution: _Attribution) -> None:
        if attribution.kind == "name":
            attribution.person = self.by_surname.get(attribution.word.split()[-1])
        elif attribution.kind in {"pronoun", "role"}:
            role = attribution.word.split()[-1] if attribution.kind == "role" else None
            attribution.person = self.last_before(attribution.position, role)
        if attribution.person is not None:
            self.mentions.append((attribution.position, attribution.person))
            self.mentions.sort(key=lambda m: m[0])


def _attributions(paragraph: str, offset: int) -> list[_Attribution]:
    found: list[_Attribution] = []
    for match in SUBJECT_VERB.finditer(paragraph):
        position = offset + match.start("who")
        if match.group("name"):
            name = match.group("name")
            last = name.split()[-1]
            if name in NOT_SUBJECTS:
                continue
            if last in INSTITUTIONS or last.lower() in {"he", "she"}:
                kind = "institution" if last in INSTITUTIONS else "pronoun"
            elif not match.group("who_clause") and preposition_before(paragraph, match.start("name")):
                kind = "unnamed"
                clause_start = max(paragraph.rfind(",", 0, match.start("name")) + 1,
                                   paragraph.rfind(".", 0, match.start("name")) + 1)
                name = paragraph[clause_start: match.end("name")].strip()
            else:
                kind = "name"
            found.append(_Attribution(position, kind, name))
        elif match.group("role"):
            found.append(_Attribution(position, "role", match.group("who")))
        else:
            found.append(_Attribution(position, "pronoun", match.group("who")))
    for match in VERB_SUBJECT.finditer(paragraph):
        name = match.group("name")
        kind = "institution" if name.split()[-1] in INSTITUTIONS else "name"
        found.append(_Attribution(offset + match.start("name"), kind, name))
    return sorted(found, key=lambda a: a.position)


# Russian letters in Latin script for slugs (a simple, lossy transliteration).
CYRILLIC_LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


def slugify(text: str, words: int = SLUG_WORDS, limit: int = 60) -> str:
    """Make a slug from the first significant words of a text: 'lavrov-told-friends-issue'."""
    latin = "".join(CYRILLIC_LATIN.get(c, c) for c in text.lower().replace("’", "").replace("'", ""))
    tokens = [t for t in re.findall(r"[a-z0-9]+", latin) if t not in SLUG_STOPWORDS]
    return "-".join(tokens[:words])[:limit].strip("-")


def _unique(slug: str, taken: set[str]) -> str:
    base = slug or "excerpt"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def propose_excerpts(paragraphs: list[str] | tuple[str, ...], taken_ids: set[str] = frozenset()) -> list[Proposal]:
    """Propose excerpts from body paragraphs, with islands and resolved speakers."""
    body = "\n\n".join(paragraphs)
    offsets, at = [], 0
    for paragraph in paragraphs:
        offsets.append(at)
        at += len(paragraph) + 2
    per_paragraph = [_attributions(p, o) for p, o in zip(paragraphs, offsets)]
    speech_subjects = {a.word.split()[-1] for group in per_paragraph for a in group if a.kind == "name"}
    speakers = _Speakers(body, find_people(body, speech_subjects))
    for group in per_paragraph:
        for attribution in group:
            speakers.resolve(attribution)

    taken = set(taken_ids)
    proposals: list[Proposal] = []
    for paragraph, offset, group in zip(paragraphs, offsets, per_paragraph):
        if not is_relevant(paragraph):
            continue
        for start, end in _spans(paragraph):
            text = paragraph[start:end].strip()
            speaker, notes = None, []
            if has_speech(text) and group:
                inside = [a for a in group if offset + start <= a.position < offset + end]
                chosen = (inside or group)[0]
                speaker, notes = _speaker(chosen)
            slug = slugify(text)
            if speaker:
                slug = slugify(speaker.split(",")[0].split()[-1] + " " + text)
            proposals.append(Proposal(_unique(slug, taken), text, detect_islands(text), speaker, notes))
    return proposals


def _speaker(attribution: _Attribution) -> tuple[str | None, list[str]]:
    person = attribution.person
    if attribution.kind == "name" and person:
        return person.label(), []
    if attribution.kind == "name":
        return None, [f"quote attributed to '{attribution.word}', whom the article does not name in full"]
    if attribution.kind == "pronoun" and person:
        return person.label(), [f"speaker: '{attribution.word}' read as {person.name}, the last person named before it"]
    if attribution.kind == "role" and person:
        return person.label(), [f"speaker: '{attribution.word}' read as {person.name}, named earlier as {person.role or 'the last person named'}"]
    if attribution.kind == "institution":
        return None, [f"quote attributed to '{attribution.word}' (a state or institution, not a person)"]
    if attribution.kind == "unnamed":
        return None, [f"quote attributed to '{attribution.word}' (not named)"]
    return None, [f"quote attributed to '{attribution.word}', not resolved to a person"]
