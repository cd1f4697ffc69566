"""Find loaded words in the project's own prose that no sentence attributes to anyone.

The atlas states de facto facts as facts and each side's position as that
side's. A word such as "illegal" or "liberation" is a position, so in the
project's own voice it may only stand in a sentence that says whose word it is
("Japan holds that…", "…, according to…") or inside quotation marks.

Verbatim text (excerpts, headlines, source titles) and the attributed
`positions` of events are not the project's voice and are not linted.

The same rule holds in Japanese and Russian: each language has its own table of
loaded words, attributions, quotation marks and names that are facts (LEXICONS);
the Japanese and Russian translations are linted field by field
(translation_hits), leaving out `positions.*` and the translated excerpts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
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
    return _spans(text, QUOTE_PAIRS)


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, sentence) for each sentence of a paragraph."""
    offset = 0
    for match in _SENTENCE_END.finditer(text):
        yield offset, text[offset:match.start()]
        offset = match.end()
    if offset < len(text):
        yield offset, text[offset:]


def unattributed(text: str, lang: str = "en") -> list[str]:
    """List the sentences of text that use a loaded word outside quotes and attribute it to no one."""
    if lang != "en":
        return LEXICONS[lang].unattributed(text)
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


# --- Japanese and Russian -------------------------------------------------------------------

@dataclass(frozen=True)
class Lexicon:
    """One language's loaded words, attributions, quotation marks and names that are facts."""

    loaded: tuple[str, ...]  # regular expressions, each a loaded word or name
    attributions: tuple[str, ...]  # regular expressions, each a phrase that says whose words these are
    facts: tuple[tuple[str, str], ...]  # (regular expression, why): names containing a loaded word
    quotes: tuple[tuple[str, str], ...]  # (opening, closing) quotation marks
    sentence_end: str  # where a sentence ends (a regular expression matched between sentences)

    def unattributed(self, text: str) -> list[str]:
        """List the sentences of text that use a loaded word outside quotes and attribute it to no one."""
        text = " ".join(text.split())
        loaded = re.compile("|".join(f"(?:{w})" for w in self.loaded), re.IGNORECASE)
        attributed = re.compile("|".join(f"(?:{a})" for a in self.attributions), re.IGNORECASE)
        spans = _spans(text, self.quotes) + [
            (m.start() - 1, m.end()) for fact, _ in self.facts for m in re.finditer(fact, text, re.IGNORECASE)
        ]
        found = []
        offset = 0
        for sentence in re.split(f"({self.sentence_end})", text) + [""]:
            if sentence and not re.fullmatch(self.sentence_end, sentence):
                if not attributed.search(sentence) and any(
                    not any(start < offset + m.start() < end for start, end in spans)
                    for m in loaded.finditer(sentence)
                ):
                    found.append(sentence.strip())
            offset += len(sentence)
        return found


def _spans(text: str, pairs: tuple[tuple[str, str], ...]) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of every passage between a pair of quotation marks."""
    spans = []
    for opening, closing in pairs:
        start = text.find(opening)
        while start != -1:
            end = text.find(closing, start + 1)
            if end == -1:
                break
            spans.append((start, end + 1))
            start = text.find(opening, end + 1)
    return spans


_FOREIGN_QUOTES = (("「", "」"), ("『", "』"), ("«", "»"), ("“", "”"), ("„", "“"), ('"', '"'))

JAPANESE = Lexicon(
    loaded=(
        "北方領土",  # Japan's name for the four islands
        "固有の?領土",  # Japan's "inherent territory"
        "不法", "違法", "占拠",  # "illegal occupation" (不法占拠) and other words of blame
        "返還",  # the islands' "return", as Japan frames it
        "南クリル", "南千島", "小クリル", "大クリル",  # Russia's names ("South Kurils", "Lesser Kuril Chain")
        "解放",  # "liberation", Russia's word for 1945
        "合法的な結果", "併合", "いわゆる", "傀儡",
    ),
    attributions=(
        "とし(?:てい|てお|、|た|ます)",  # …としている / …としており / …とし、 / …とした (not として, "as")
        "とする", "と主張", "と述べ", "と呼", "と称", "と説明", "と見な", "と記", "と明記", "と規定", "と定め",
        "と表現", "と位置づけ", "と指摘", "と訴え", "を求め", "として知られ",
        "によれば", "によると", "に従えば", "日本側", "ロシア側", "ソ連側",
        "の立場", "の見解", "の主張", "の用法", "の用語", "という(?:用)?語", "という言葉", "という表現",
    ),
    facts=(
        ("北方領土問題対策協会", "a Japanese government agency (the Association for Northern Territories Issues)"),
        ("北方領土問題等の解決の促進のための特別措置に関する法律", "the title of a Japanese law (1982)"),
        ("北方領土返還要求全国大会", "the name of the annual national rally in Tokyo"),
        ("北方領土隣接地域", "the legal name of the Nemuro area next to the islands"),
        ("北方領土問題担当", "a Japanese minister's title"),
    ),
    quotes=_FOREIGN_QUOTES,
    sentence_end=r"(?<=[。！？])",
)

# Abbreviations after which a full stop does not end a Russian sentence: г. (год), гг., в., вв.,
# т. е., т. д., и др., см., ст., п., тыс., млн, млрд, им., о., о-в(а), пос., с. and single initials.
_RU_ABBREVIATIONS = r"(?<!\bг)(?<!\bгг)(?<!\bвв)(?<!\bдр)(?<!\bсм)(?<!\bст)(?<!\bпп)(?<!\bтыс)(?<!\bмлн)(?<!\bим)(?<!\bпос)"

RUSSIAN = Lexicon(
    loaded=(
        r"\bсеверн\w* территори\w*",  # Japan's name for the four islands
        r"\bисконн\w*",  # Japan's "inherent territory"; "исконно русские"
        r"\bнезаконн\w*", r"\bоккупац\w*", r"\bоккупир\w*",  # Japan's "illegal occupation"
        r"\bвозвращени\w* (?:\w+ )?(?:остров|островов|четыр\w*|двух|Шикотан\w*|Хабомаи|Кунашир\w*|Итуруп\w*|территори\w*|их\b)",
        r"\bк их возвращени\w*",  # the islands' "return", as Japan frames it
        r"\bюжн\w*[ -]курил\w*",  # Russia's names: "Южные Курилы", "Южно-Курильские острова"
        r"\bмал\w* курильск\w* гряд\w*",  # Russia's "Lesser Kuril Chain"
        r"\bбольш\w* курильск\w* гряд\w*",
        r"\bосвобо(?:жд|д)\w*",  # "liberation", Russia's word for 1945
        r"\bзаконн\w* итог\w*",  # Russia's "legitimate outcome of the Second World War"
        r"\bаннекс\w*", r"\bтак называем\w*", r"\bмарионет\w*", r"\bукраден\w*",
    ),
    attributions=(
        r"\b(?:Япония|Россия|СССР|Токио|Москва) счита\w*", r"\bсчита(?:ет|ют|л|ла|ло|ли)\b",
        r"\bпо мнению\b", r"\bпо словам\b", r"\bпо данным\b", r"\bсогласно\b",
        r"\bзаяв(?:ил|ила|ило|или|ляет|ляют|лял|ление\w*)\b", r"\bназва(?:л|ла|ло|ли)\b", r"\bназыва(?:ет|ют|л|ла|ло|ли|я)\b",
        r"\bименует\b", r"\bкак утвержда\w*", r"\bутвержда(?:ет|ют|л|ла|ло|ли)\b",
        r"\bпозици\w*", r"\bнастаива\w*", r"\bполага\w*", r"\bрасценива\w*", r"\bквалифицир\w*",
        r"\bговор(?:ит|ят|ил|ила|ило|или)\b", r"\bписал\w*", r"\bсообщ(?:ил|ила|ило|или|ает)\b", r"\bсказа(?:л|ла|ло|ли)\b",
        r"\bпризыва\w*", r"\bтребу(?:ет|ют)\b", r"\bтребовал\w*", r"\bотмечает\w*",
        r"\bтермин\w*", r"\bсловоупотреблени\w*", r"\bв (?:японской|российской) терминологии\b",
        r"\bописыва\w*", r"\bпредставля(?:ет|ют) как\b",
    ),
    facts=(
        (r"Южно-Курильск(?:ий|ого|ому|им|ом) (?:район\w*|муниципальн\w* округ\w*|городск\w* округ\w*)",
         "a Russian administrative district: its official name is a fact"),
        (r"Южно-Курильск(?![а-яё-])", "a town, the district centre on Kunashir: its name is a fact"),
        (r"Ассоциаци\w* по (?:проблемам|вопросам) Северных территорий",
         "a Japanese government agency (北方領土問題対策協会)"),
        (r"Закон\w* об особых мерах по (?:содействию решению )?проблем\w* Северных территорий",
         "the title of a Japanese law (1982)"),
        (r"союзн\w* оккупац\w*|союзн\w* оккупационн\w*|оккупационн\w* (?:власт|штаб)\w* союзник\w*",
         "the Allied occupation of Japan (1945-1952), a historical fact, not the islands"),
        (r"освобо(?:жд|д)\w* (?:[\w-]+ ){0,6}?от (?:[\w-]+ )?(?:налог|уплат|пошлин|сбор|обязан|таможенн)\w*",
         "exemption from taxes or duties, not liberation"),
    ),
    quotes=_FOREIGN_QUOTES,
    sentence_end=r"(?<=[.!?…])" + _RU_ABBREVIATIONS + r"(?<!\b\w\.)\s+(?=[^a-zа-яё])",
)

LEXICONS: dict[str, Lexicon] = {"ja": JAPANESE, "ru": RUSSIAN}


# The last part of a translated field path that is in the project's own voice: the fields the
# English lint reads (PROSE_FIELDS), so not a figure's source, a unit or an administrative name.
_NARRATED = {name for names in PROSE_FIELDS.values() for name in names}


def narrated(path: str) -> bool:
    """Tell whether a translated field path is in the project's own voice (not a position or an excerpt)."""
    parts = path.split(".")
    if parts[0] == "positions" or parts[-1] not in _NARRATED:
        return False
    return not (parts[0] == "excerpts" and parts[-2:] != ["correction", "text"])


def translation_hits(root: Path | None = None, languages: tuple[str, ...] = ("ja", "ru")) -> list[str]:
    """Return 'file: item.field: sentence' for every unattributed loaded word in the translations and method pages."""
    from content.load import CONTENT_DIR
    from content.translations import read_translations

    root = root or CONTENT_DIR
    hits = []
    for lang in languages:
        origins: dict[tuple[str, str], str] = {}
        found = read_translations(root, lang, [], origins)
        for kind, entries in found.items():
            for item_id, fields in entries.items():
                for path, text in fields.items():
                    if isinstance(text, str) and narrated(path):
                        hits += [f"{origins[(kind, item_id)]}: {item_id}.{path}: {s}"
                                 for s in LEXICONS[lang].unattributed(text)]
        method = root / f"method.{lang}.md"
        if method.exists():
            for number, paragraph in enumerate(method.read_text(encoding="utf-8").split("\n\n"), 1):
                hits += [f"{method.name}: paragraph {number}: {s}" for s in LEXICONS[lang].unattributed(paragraph)]
    return hits


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
