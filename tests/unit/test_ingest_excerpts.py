"""Proposed excerpts: verbatim, with islands and resolved speakers."""

from __future__ import annotations

import pytest

from content.ingest.clean import clean_text
from content.ingest.draft import build_draft
from content.ingest.excerpts import propose_excerpts, split_sentences
from content.models import ISLAND_IDS, Excerpt
from tests.unit.ingest_support import ALL_NAMES, FIXTURES, SEED_NAMES, cases, normalise, seed_text
from tests.unit.ingest_support import ARCHIVE, CRAB, FERRY, SCHOOL, VISITS

S0, S1, S2, S3, S4 = SEED_NAMES
ALL = list(ISLAND_IDS)

# article: number of excerpts proposed, islands named in them (measured)
SEED_RESULTS = {
    FERRY: (4, ALL),  # "the southern Kurils" names all four
    VISITS: (4, ["shikotan", "habomai"]),
    ARCHIVE: (3, ["shikotan", "habomai"]),  # "the Lesser Kuril Chain"
    CRAB: (4, ["iturup", "kunashir"]),
    SCHOOL: (4, ALL),
    S0: (5, ALL),
    S1: (1, []),  # speaks of "Russian-held islands claimed by Japan" and names none
    S2: (5, ALL),
    S3: (8, ALL),
    S4: (8, ALL),
}

# (article, words that start the excerpt, expected speaker)
ARTICLE_SPEAKERS = [
    (FERRY, "“We will sail for Kunashir", "Ivan Petrov, official"),  # "said harbour official Ivan Petrov"
    (FERRY, "“The timetable to the islands", "Ivan Petrov, official"),  # "he said" after Petrov
    (FERRY, "Passengers waiting on Kunashir", None),  # "Petrov added" with no quotation
    (VISITS, "“The sea is too rough", "Hanako Suzuki"),  # "said Hanako Suzuki, who leads …"
    (VISITS, "NEMURO, Japan (AP)", None),
    (ARCHIVE, "Museum official Anna Volkova", "Anna Volkova, Museum official"),  # "Volkova said"
    (CRAB, "“We will meet again", "Yuki Tanaka, official"),
    (CRAB, "Tokyo said the talks", None),  # a three-word quote is not speech
    (SCHOOL, "An aide to the regional governor", None),  # the aide, unnamed
    (SCHOOL, "“We want every child", "Maria Orlova, official"),
]

# (seed, words that start the excerpt, expected speaker)
SEED_SPEAKERS = [
    (S0, "Taking to Twitter on Wednesday, Emanuel wrote", "Rahm Emanuel, Washington’s new ambassador in Tokyo"),
    (S0, "Earlier this month, Foreign Minister Yoshimasa Hayashi", "Yoshimasa Hayashi, Foreign Minister"),
    (S0, "The four islands, which are known", None),
    (S0, "Japan had pledged to take “strong action”", None),  # a two-word quote is not speech
    (S2, "“The Japanese legislation enshrines", "Sergei Lavrov, Russian Foreign Minister"),
    (S2, "“Any kind of harm to interests", "Dmitry Peskov, Kremlin spokesman"),  # "he said" after Peskov
    (S2, "“The fact that the two nations", "Dmitry Peskov, Kremlin spokesman"),  # "the Kremlin spokesman said"
    (S3, "“We told our [Japanese] friends", "Sergey Lavrov, Russian Foreign Minister"),  # "the FM said"
    (S3, "Moscow’s “core stance”", "Sergey Lavrov, Russian Foreign Minister"),  # "he said"
    (S3, "Earlier in January, an aide to Japanese Prime Minister Shinzo Abe", None),  # the aide, unnamed
    (S3, "Japan has repeatedly demanded the land back", None),  # “northern territories.” is a term
    (S3, "Iturup, Kunashir, Shikotan and Habomai islands", None),
    (S4, "“Japan’s position of resolving the Northern Territories", "Fumio Kishida, Prime Minister"),
    (S4, "Japan’s former prime minister Shinzo Abe pushed", None),
]
SPEAKERS = cases(ARTICLE_SPEAKERS, SEED_SPEAKERS)


@pytest.mark.parametrize("seed", ALL_NAMES)
def test_excerpts_are_verbatim_in_body_and_seed(seed: str) -> None:
    raw = seed_text(seed)
    cleaned = clean_text(raw)
    excerpts = propose_excerpts(cleaned.paragraphs)
    assert excerpts
    for excerpt in excerpts:
        assert excerpt.text in cleaned.body
        assert normalise(excerpt.text) in normalise(raw)
        Excerpt(id=excerpt.id, text=excerpt.text, speaker=excerpt.speaker, islands=excerpt.islands)


@pytest.mark.parametrize("seed", ALL_NAMES)
def test_excerpt_counts_and_islands(seed: str) -> None:
    draft = build_draft(seed_text(seed), seed)
    assert (len(draft.excerpts), draft.islands) == SEED_RESULTS[seed]
    assert len({e.id for e in draft.excerpts}) == len(draft.excerpts)


# (article, words that start an excerpt naming all four islands one by one)
EXPLICIT = cases([(SCHOOL, "The department said that Iturup, Kunashir, Shikotan and Habomai")],
                 [(S3, "Iturup, Kunashir, Shikotan and Habomai")])


@pytest.mark.parametrize("seed, start", EXPLICIT)
def test_an_excerpt_names_all_four_islands_explicitly(seed: str, start: str) -> None:
    draft = build_draft(seed_text(seed), seed)
    (explicit,) = [e for e in draft.excerpts if e.text.startswith(start)]
    assert explicit.islands == ALL


@pytest.mark.parametrize("seed, start, speaker", SPEAKERS)
def test_speakers(seed: str, start: str, speaker: str | None) -> None:
    excerpts = propose_excerpts(clean_text(seed_text(seed)).paragraphs)
    (excerpt,) = [e for e in excerpts if e.text.startswith(start)]
    assert excerpt.speaker == speaker


# fixture: number of excerpts, islands found, speakers of the excerpts that have one
FIXTURES_EXPECTED = {
    "japanese_names.txt": (3, ["iturup", "kunashir", "habomai"], ["Taro Yamada, Fisheries Agency official"]),
    "russian.txt": (2, ALL, []),
    "no_date.txt": (2, ["shikotan", "habomai"], []),
    "no_headline.txt": (2, ["kunashir"], ["Hanako Suzuki"]),
}


@pytest.mark.parametrize("name", sorted(FIXTURES_EXPECTED))
def test_fixture_excerpts(name: str) -> None:
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    draft = build_draft(raw, name)
    count, islands, speakers = FIXTURES_EXPECTED[name]
    assert (len(draft.excerpts), draft.islands) == (count, islands)
    assert [e.speaker for e in draft.excerpts if e.speaker] == speakers
    for excerpt in draft.excerpts:
        assert excerpt.text in draft.cleaned.body and normalise(excerpt.text) in normalise(raw)


def test_russian_excerpt_finds_inflected_iturup() -> None:
    draft = build_draft((FIXTURES / "russian.txt").read_text(encoding="utf-8"), "russian.txt")
    assert draft.excerpts[0].text == "Новый причал открыли на Итурупе, сообщили местные власти."
    assert draft.excerpts[0].islands == ["iturup"]


@pytest.mark.parametrize("text, sentences", [
    ("One. Two.", ["One.", "Two."]),
    ("“A quote,” he said. Next one.", ["“A quote,” he said.", "Next one."]),
    ("The U.S. Ambassador spoke. Then left.", ["The U.S. Ambassador spoke.", "Then left."]),
])
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_long_paragraph_gives_its_relevant_sentences_only() -> None:
    filler = "This sentence is about the weather and nothing else at all today. " * 8
    paragraph = filler + "Kunashir lies close to Hokkaido."
    (excerpt,) = propose_excerpts([paragraph])
    assert excerpt.text == "Kunashir lies close to Hokkaido." and excerpt.islands == ["kunashir"]
