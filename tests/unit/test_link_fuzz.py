"""Links fuzzed: random, long, Unicode, markup and repeated values never raise and fall back with a notice."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.models import ISLAND_IDS
from content.viewstate import FIRST_YEAR, KEY_YEARS, MAX_STOPS, PERSPECTIVES, ViewState, current_year, parse_view

NAMES = ["island", "year", "date", "perspective", "screenshot", "stop", "lang"]
HOSTILE = ["²", "①", "١٩٥٦", "Ⅻ", "1e3", "0x10", "-1", "+5", " 7 ", "\x00", "‮1956", "<script>alert(1)</script>",
           "[click here](https://example.com)", "**bold**", ":red[x]", "$x^2$", "`code`", "%00", "../../etc",
           "9" * 400, "é" * 200, "🏝️", ""]
values = st.one_of(st.text(max_size=300), st.sampled_from(HOSTILE),
                   st.text(alphabet=string.digits + "-", max_size=12))
params = st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=30)),
                         st.one_of(values, st.lists(values, max_size=4)), max_size=8)


def valid(view: ViewState) -> bool:
    """Say whether a parsed view holds only values the app can show."""
    return (
        (view.island is None or view.island in ISLAND_IDS)
        and (view.year is None or FIRST_YEAR <= view.year <= current_year())
        and (view.date is None or (view.date.isascii() and view.year == int(view.date[:4])))
        and view.perspective in PERSPECTIVES
        and (view.stop is None or 1 <= view.stop <= MAX_STOPS)
        and view.lang in (None, "en", "ja", "ru")
    )


@settings(max_examples=400, deadline=None)
@given(params)
def test_any_link_parses_to_a_valid_view(query):
    view = parse_view(query)
    assert valid(view), (query, view)
    assert all(isinstance(n, str) and len(n) < 400 for n in view.notices)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60)))
def test_a_value_that_is_not_used_as_given_gets_a_notice(name, value):
    view = parse_view({name: value})
    # The value was either honoured as written (after trimming and case) or named in a notice.
    honoured = {
        "island": (view.island or "") == value.strip().lower(),
        "year": view.year is not None and str(view.year) == value.strip(),
        "date": view.date is not None and view.date == value.strip(),
        "perspective": view.perspective == (value.strip().lower() or "neutral"),
        "screenshot": True,  # any value is a yes or a no
        "stop": view.stop is not None and str(view.stop) == value.strip(),
        "lang": view.lang == (value.strip().lower() or None),
    }[name]
    assert honoured or view.notices or not value.strip(), (name, value, view)


@given(st.text(max_size=40).filter(lambda k: k not in NAMES and not k.startswith("embed")))
def test_an_unknown_parameter_is_named_in_a_notice(name):
    view = parse_view({name: "1"})
    assert view == ViewState()
    assert any("unknown link parameter" in n.lower() for n in view.notices)


@pytest.mark.parametrize("value", ["²", "①", "١", "٣", "Ⅻ", "²³"])
def test_unicode_digits_are_not_a_stop_or_a_year(value):
    assert parse_view({"stop": value}).stop is None and parse_view({"stop": value}).notices
    assert parse_view({"year": value * 4}).year is None and parse_view({"year": value * 4}).notices
    assert parse_view({"date": value * 4}).date is None


@pytest.mark.parametrize("year", KEY_YEARS)
def test_repeated_parameters_take_the_first_value(year):
    assert parse_view({"year": [str(year), "abc"]}).year == year
