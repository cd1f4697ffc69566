"""Island name detection: every name form, in three scripts, whole words only."""

from __future__ import annotations

import pytest

from content.ingest.islands import NAME_FORMS, detect_islands, find_names
from content.models import ISLAND_IDS

ALL = list(ISLAND_IDS)

NAMES = [
    ("Iturup", ["iturup"]), ("Etorofu", ["iturup"]), ("択捉島", ["iturup"]), ("Итуруп", ["iturup"]),
    ("на Итурупе", ["iturup"]),
    ("Kunashir", ["kunashir"]), ("Kunashiri", ["kunashir"]), ("国後島", ["kunashir"]),
    ("Кунашир", ["kunashir"]), ("на Кунашире", ["kunashir"]),
    ("Shikotan", ["shikotan"]), ("色丹島", ["shikotan"]), ("Шикотан", ["shikotan"]),
    ("Habomai", ["habomai"]), ("Khabomai", ["habomai"]), ("歯舞群島", ["habomai"]), ("Хабомаи", ["habomai"]),
    ("the four islands", ALL), ("four disputed islands", ALL), ("Northern Territories", ALL),
    ("northern territories", ALL), ("Southern Kurils", ALL), ("Southern Kuril Islands", ALL),
    ("South Kurils", ALL), ("Kuril Islands", ALL), ("Kurils", ALL), ("Kurile Islands", ALL),
    ("北方領土", ALL), ("北方四島", ALL), ("Южные Курилы", ALL), ("Курильские острова", ALL),
    ("на Курильских островах", ALL), ("Lesser Kuril Chain", ["shikotan", "habomai"]),
    ("ITURUP and shikotan", ["iturup", "shikotan"]),
    ("Iturup, Kunashir, Shikotan and Habomai islands", ALL),
    # Whole words only: a town, a longer word, an unrelated text.
    ("Kurilsk is a town", []), ("Shikotanese", []), ("the Senkaku Islands", []), ("", []),
]


@pytest.mark.parametrize("text, expected", NAMES)
def test_detect_islands(text: str, expected: list[str]) -> None:
    assert detect_islands(text) == expected


def test_longest_form_wins_where_forms_overlap() -> None:
    (match,) = find_names("the Southern Kuril Islands")
    assert match.text == "Southern Kuril Islands"


@pytest.mark.parametrize("island", ISLAND_IDS)
@pytest.mark.parametrize("script", ["latin", "cjk", "cyrillic"])
def test_every_island_has_a_name_in_every_script(island: str, script: str) -> None:
    assert any(n.islands == (island,) and n.script == script for n in NAME_FORMS)
