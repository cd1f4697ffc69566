"""Links: every parameter parses, and every bad value falls back with a notice."""

import pytest

from content.viewstate import ViewState, current_year, parse_view

GOOD = [
    ({}, ViewState()),
    ({"island": "shikotan"}, ViewState(island="shikotan")),
    ({"island": " Iturup "}, ViewState(island="iturup")),
    ({"year": "1905"}, ViewState(year=1905)),
    ({"date": "1945-09-05"}, ViewState(year=1945, date="1945-09-05")),
    ({"year": "1945", "date": "1945-09"}, ViewState(year=1945, date="1945-09")),
    ({"perspective": "japan"}, ViewState(perspective="japan")),
    ({"perspective": "RUSSIA"}, ViewState(perspective="russia")),
    ({"screenshot": "1"}, ViewState(screenshot=True)),
    ({"stop": "3"}, ViewState(stop=3)),
    ({"island": ["habomai", "iturup"]}, ViewState(island="habomai")),
    ({"lang": "ja"}, ViewState(lang="ja")),
    ({"lang": " RU "}, ViewState(lang="ru")),
]


@pytest.mark.parametrize("params, expected", GOOD)
def test_good_links_parse(params, expected):
    view = parse_view(params)
    assert view == expected
    assert view.notices == ()


BAD = [
    ({"island": "atlantis"}, "Unknown island 'atlantis'", ViewState()),
    ({"island": "<script>alert(1)</script>"}, "Unknown island", ViewState()),
    ({"year": "abc"}, "not a number", ViewState()),
    ({"year": "1700"}, "outside 1855", ViewState()),
    ({"year": str(current_year() + 1)}, "outside 1855", ViewState()),
    ({"date": "1945-13-01"}, "not a date", ViewState()),
    ({"date": "1800-01-01"}, "outside", ViewState()),
    ({"year": "1950", "date": "1945-09-05"}, "not in year 1950", ViewState(year=1950)),
    ({"perspective": "martian"}, "Unknown perspective", ViewState()),
    ({"stop": "zero"}, "not a stop number", ViewState()),
    ({"stop": "0"}, "not a stop number", ViewState()),
    ({"island": "x", "year": "y"}, "Unknown island", ViewState()),
]


@pytest.mark.parametrize("params, notice, expected", BAD)
def test_bad_links_fall_back_with_a_notice(params, notice, expected):
    view = parse_view(params)
    assert view == expected
    assert any(notice in n for n in view.notices), view.notices


def test_two_bad_values_give_two_notices():
    assert len(parse_view({"island": "x", "year": "y"}).notices) == 2


@pytest.mark.parametrize("view", [v for _, v in GOOD])
def test_a_view_round_trips_through_its_link(view):
    assert parse_view(view.to_query()) == view


def test_defaults_stay_out_of_the_link():
    assert ViewState().to_query() == {}
