"""The map at any year is replayed from the history events' control changes."""

import pytest

from content.control import control_at, era_of, events_in_era
from content.load import load_content
from content.models import ControlChange, Event
from content.viewstate import KEY_YEARS

CONTENT = load_content()
FOUR = ("iturup", "kunashir", "shikotan", "habomai")


@pytest.mark.parametrize(
    "when, islands, north_kurils, south_sakhalin",
    [
        ("1855", "japan", "russian_empire", "shared"),
        ("1874", "japan", "russian_empire", "shared"),
        ("1875", "japan", "japan", "russian_empire"),
        ("1900", "japan", "japan", "russian_empire"),
        ("1905", "japan", "japan", "japan"),
        ("1944", "japan", "japan", "japan"),
        ("1945-08-01", "japan", "japan", "japan"),
        ("1945", "ussr", "ussr", "ussr"),
        ("1950", "ussr", "ussr", "ussr"),
        ("1990", "ussr", "ussr", "ussr"),
        ("1992", "russia", "russia", "russia"),
        ("2022", "russia", "russia", "russia"),
    ],
)
def test_control_at_key_years_matches_the_history(when, islands, north_kurils, south_sakhalin):
    control = control_at(CONTENT.events, when)
    assert {control[i] for i in FOUR} == {islands}
    assert control["north_kurils"] == north_kurils
    assert control["south_sakhalin"] == south_sakhalin


def test_each_island_changes_hands_on_its_own_occupation_date():
    control = control_at(CONTENT.events, "1945-09-01")
    assert control["iturup"] == control["kunashir"] == control["shikotan"] == "ussr"
    assert control["habomai"] == "japan"  # occupied 3-5 September 1945
    assert control_at(CONTENT.events, "1945-09-03")["habomai"] == "ussr"


def test_before_any_treaty_nothing_is_settled():
    assert set(control_at(CONTENT.events, "1800").values()) == {"unsettled"}


def test_control_comes_from_the_events_not_a_second_table():
    event = Event(id="x", date="1950-01-01", title="t", kind="treaty", islands=["shikotan"], summary="s",
                  control=[ControlChange(territory="shikotan", to="japan")], sources=["s"])
    control = control_at(list(CONTENT.events) + [event], "1951")
    assert control["shikotan"] == "japan"
    assert control["kunashir"] == "ussr"


@pytest.mark.parametrize("year, era", [(1855, (1855, 1874)), (1960, (1956, 1992)), (2026, (2022, 9999)), (1700, (1855, 1874))])
def test_era_of(year, era):
    assert era_of(year, KEY_YEARS) == era


def test_events_in_era_lie_in_it():
    events = events_in_era(CONTENT.events, 1960, KEY_YEARS)
    assert events and all(1956 <= int(e.date[:4]) <= 1992 for e in events)
