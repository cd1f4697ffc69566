"""Date, headline, outlet and agency detection."""

from __future__ import annotations

import pytest

from content.ingest.dates import parse_dateline
from content.ingest.detect import detect_outlet, find_headline
from content.ingest.draft import build_draft
from tests.unit.ingest_support import ALL_NAMES, FIXTURES, SEED_NAMES, cases, seed_text
from tests.unit.ingest_support import ARCHIVE, CRAB, FERRY, SCHOOL, VISITS

S0, S1, S2, S3, S4 = SEED_NAMES


@pytest.mark.parametrize("line, expected", [
    ("4 Feb, 2022 07:43", "2022-02-04"),
    ("February 4, 2022", "2022-02-04"),
    ("Published: Friday, 4 February 2022 10:15 GMT", "2022-02-04"),
    ("2022-02-04T10:00", "2022-02-04"),
    ("2022年2月4日", "2022-02-04"),
    ("7 февраля 2023", "2023-02-07"),
    ("31 Feb 2022", None),
    ("Japan said on March 22 it protests", None),
    ("4 Feb 2022 was the day the talks began in earnest", None),
])
def test_parse_dateline(line: str, expected: str | None) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize("lines, expected", [
    (["Site", "A Headline Here", "Standfirst", "A Headline Here", "Body sentence that is long enough to be body."], "A Headline Here"),
    (["A headline without a repeat", "The body starts here and is long enough to be the body."], "A headline without a repeat"),
    (["The body starts here and is long enough to be the body.", "A Later Line Of Title Case"], None),
])
def test_find_headline(lines: list[str], expected: str | None) -> None:
    assert find_headline(lines) == expected


def test_outlet_from_url_and_option() -> None:
    outlet, state = detect_outlet([], "https://www.rt.com/news/123/")
    assert (outlet.value, state.value) == ("RT", True)
    outlet, state = detect_outlet([], None, "Some Paper", False)
    assert (outlet.value, state.value) == ("Some Paper", False)
    outlet, state = detect_outlet([], None)
    assert (outlet.value, state.value) == (None, None)


# article: outlet, state-controlled, date, agency (None where the text does not give it)
SEED_FACTS = {
    FERRY: ("RT", True, "2023-10-12", None),  # icon sprite, dateline
    VISITS: (None, None, None, "AP"),  # "(AP) —" and the credit line
    ARCHIVE: (None, None, None, None),  # a site name in no outlet table
    CRAB: (None, None, None, None),  # "AFP" only in a photo credit
    SCHOOL: ("RT", True, None, None),  # the "Also on rt.com" teaser
    S0: ("RT", True, "2022-02-04", None),
    S1: ("The Independent", False, None, "AP"),
    S2: ("Tsarizm", False, None, None),
    S3: ("RT", True, None, None),
    S4: ("Phnom Penh Post", False, None, None),
}


@pytest.mark.parametrize("seed", ALL_NAMES)
def test_seed_facts(seed: str) -> None:
    draft = build_draft(seed_text(seed), seed)
    found = (draft.outlet.value, draft.state_controlled.value, draft.date.value, draft.agency.value)
    assert found == SEED_FACTS[seed]


# article with a dateline, the dateline as the draft names it
DATELINES = cases([(FERRY, "12 Oct, 2023 09:15")], [(S0, "4 Feb, 2022 07:43")])


@pytest.mark.parametrize("seed, dateline", DATELINES)
def test_date_basis_names_the_dateline(seed: str, dateline: str) -> None:
    draft = build_draft(seed_text(seed), seed)
    assert draft.date.basis == f"dateline in text: '{dateline}'"
    draft = build_draft(seed_text(seed), seed, date="2022-11-11")
    assert (draft.date.value, draft.date.basis) == ("2022-11-11", "given on the command line")


# fixture: headline, date
FIXTURE_FACTS = {
    "japanese_names.txt": ("Fishing boats wait for talks on waters off Etorofu and Kunashiri", "2023-02-07"),
    "russian.txt": ("Курильские острова: на Итурупе открыли новый причал", "2023-02-07"),
    "no_date.txt": ("Island visits on hold as talks stall", None),
    "no_headline.txt": (None, "2023-03-14"),
}


@pytest.mark.parametrize("name", sorted(FIXTURE_FACTS))
def test_fixture_facts(name: str) -> None:
    draft = build_draft((FIXTURES / name).read_text(encoding="utf-8"), name)
    assert (draft.headline.value, draft.date.value) == FIXTURE_FACTS[name]
