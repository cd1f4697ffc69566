"""People named in an article: full name and role at first mention, found by surname.

"Russian FM Sergey Lavrov" gives Sergey Lavrov, role "Russian Foreign Minister"; a later
"Lavrov said" resolves to that entry. Only names with a role before them, or names used
as the subject of a speech verb, count as people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w’'-]+|[^\w\s]")

# Words that name an office; a role phrase must hold one.
ROLE_KEYWORDS = frozenset(
    "minister fm president premier ambassador envoy spokesman spokeswoman spokesperson "
    "secretary chancellor governor diplomat senator chairman chairwoman chief mayor "
    "official representative deputy".split()
)
# Words that may stand in a role phrase besides the office: "new", "top", "to", "of".
ROLE_FILLERS = frozenset("new former top acting senior foreign prime state general cabinet vice".split())
CONNECTORS = frozenset("to of in for at".split())
PREPOSITIONS = frozenset("to of for by from with at".split())
# Words dropped from the front of a role phrase ("Today Russian Foreign Minister").
LEADING_DROP = frozenset(
    "today yesterday earlier later but and the a an his her their its meanwhile however also "
    "then when while as on in at to of for by".split()
)
# Capitalised words that are never part of a person's name.
NOT_NAME = frozenset(
    "Prime Minister Foreign President Ambassador Secretary Spokesman FM Deputy Chief General "
    "Mr Mrs Ms Dr Russian Japanese American Chinese Ukrainian Soviet British French German "
    "Korean U.S. US USA UK EU UN Russia Japan China Ukraine Moscow Tokyo Washington Beijing "
    "Kyiv Kremlin Kremlin’s Washington’s Tokyo’s Moscow’s Islands Island Territories Union "
    "States Nations Federation Sea War Conference Club Assembly Summit Peninsula Prefecture "
    "Subprefecture Charter Treaty Day Group Council Ministry Office Agency Post Press News "
    "Times Staff Party Street Government The A An In On At But And Earlier Today Yesterday "
    "Twitter Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December".split()
)
# Subjects of a speech verb that are a state, a city standing for a government, or an agency.
INSTITUTIONS = frozenset(
    "Russia Japan China Ukraine Moscow Tokyo Washington Beijing Kyiv Kremlin TASS Reuters AFP "
    "AP NATO UN USA US U.S. Pentagon Ministry Government Analysts".split()
)
EXPANSIONS = {"FM": "Foreign Minister"}


@dataclass(frozen=True)
class Person:
    """A person the article names, with the role it gives at first mention."""

    name: str
    role: str | None
    position: int  # offset of the first full mention in the body

    @property
    def surname(self) -> str:
        """Return the last word of the name."""
        return self.name.split()[-1]

    def label(self) -> str:
        """Return 'Sergey Lavrov, Russian Foreign Minister' (or only the name)."""
        return f"{self.name}, {self.role}" if self.role else self.name


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _role_before(tokens: list[re.Match[str]], start: int, text: str) -> tuple[str | None, int]:
    """Return the role phrase ending just before token index start, and its first index."""
    i = start - 1
    if i >= 0 and tokens[i].group() == ",":
        i -= 1  # appositive: "ambassador in Tokyo, Rahm Emanuel"
    first = None
    while i >= 0:
        word = tokens[i].group()
        low = word.lower()
        if (_is_cap(word) and word not in {",", "."}) or low in ROLE_KEYWORDS or low in ROLE_FILLERS or low in CONNECTORS:
            first = i
            i -= 1
            continue
        break
    if first is None:
        return None, start
    words = list(range(first, start))
    while words and (tokens[words[0]].group().lower() in LEADING_DROP or tokens[words[0]].group() == ","):
        words.pop(0)
    while words and (tokens[words[-1]].group().lower() in CONNECTORS or tokens[words[-1]].group() == ","):
        words.pop()
    if not words or not any(tokens[k].group().lower() in ROLE_KEYWORDS for k in words):
        return None, start
    role = text[tokens[words[0]].start(): tokens[words[-1]].end()]
    for short, full in EXPANSIONS.items():
        role = re.sub(rf"\b{short}\b", full, role)
    return role, words[0]


def preposition_before(text: str, position: int) -> str | None:
    """Return the preposition that governs a name at this offset ('an aide to …'), if any."""
    tokens = [t.group() for t in TOKEN.finditer(text[:position])]
    i = len(tokens) - 1
    while i >= 0:
        word = tokens[i]
        low = word.lower()
        if (_is_cap(word) and word.isalpha()) or low in ROLE_KEYWORDS or low in ROLE_FILLERS:
            i -= 1
        elif low in CONNECTORS and i > 0 and tokens[i - 1].lower() in ROLE_KEYWORDS:
            i -= 1  # "Ambassador to Japan", "Minister of Defence"
        elif low in PREPOSITIONS:
            return word
        else:
            return None
    return None


def find_people(text: str, speakers: set[str] = frozenset()) -> list[Person]:
    """List the people a text names, first mention first; speakers are surnames seen as speech subjects."""
    tokens = list(TOKEN.finditer(text))
    people: dict[str, Person] = {}
    i = 0
    while i < len(tokens):
        if not _is_cap(tokens[i].group()):
            i += 1
            continue
        j = i
        while j < len(tokens) and _is_cap(tokens[j].group()) and tokens[j].group() not in {",", "."}:
            j += 1
        run = tokens[i:j]
        k = len(run)
        while k > 0 and run[k - 1].group() not in NOT_NAME and run[k - 1].group().isalpha():
            k -= 1
        # k: index in run where the name starts; the name must end the run.
        name_tokens = run[k:]
        if 2 <= len(name_tokens) <= 3:
            name = text[name_tokens[0].start(): name_tokens[-1].end()]
            role, _ = _role_before(tokens, i + k, text)
            surname = name_tokens[-1].group()
            if role or surname in speakers:
                known = people.get(surname)
                if known is None:
                    people[surname] = Person(name, role, name_tokens[0].start())
                elif known.role is None and role:
                    people[surname] = Person(known.name, role, known.position)
        i = j
    return sorted(people.values(), key=lambda p: p.position)
