"""What the map shows for a year and a perspective: fills, lines, legend and names."""

import pytest

from content.control import control_at
from content.load import load_content
from content.perspective import labels_for
from geo.load import load_boundaries
from geo.view import PALETTE, build_view, lines_for

CONTENT = load_content()
BOUNDARIES = load_boundaries()


def view(year, perspective="neutral"):
    return build_view(control_at(CONTENT.events, str(year)), year, perspective, BOUNDARIES)


@pytest.mark.parametrize(
    "year, perspective, fill",
    [
        (1900, "neutral", PALETTE["japan"]),
        (1900, "russia", PALETTE["japan"]),
        (1950, "neutral", PALETTE["russia"]),
        (1950, "russia", PALETTE["russia"]),
        (1950, "japan", PALETTE["japan"]),
        (2026, "japan", PALETTE["japan"]),
    ],
)
def test_island_fills_follow_control_and_perspective(year, perspective, fill):
    v = view(year, perspective)
    assert {v.styles[i]["fillColor"] for i in ("iturup", "kunashir", "shikotan", "habomai")} == {fill}


def test_neutral_marks_the_islands_as_disputed_after_1945():
    assert view(1950).styles["shikotan"]["dashArray"]
    assert not view(1900).styles["shikotan"]["dashArray"]
    assert any("Disputed" in e.label for e in view(1950).legend)


@pytest.mark.parametrize(
    "year, perspective, expected",
    [
        (1855, "neutral", {"shimoda_1855"}),
        (1880, "neutral", {"st_petersburg_1875_kamchatka", "st_petersburg_1875_soya"}),
        (1910, "neutral", {"st_petersburg_1875_kamchatka", "portsmouth_1905"}),
        (1950, "neutral", {"line_of_control_1945", "soya_1945"}),
        (1950, "russia", {"line_of_control_1945", "soya_1945"}),
        (1950, "japan", {"shimoda_1855", "soya_1945"}),
    ],
)
def test_boundary_lines_of_a_year_and_perspective(year, perspective, expected):
    assert {f["properties"]["id"] for f in lines_for(BOUNDARIES, year, perspective)} == expected


def test_the_line_of_control_is_not_called_a_border_in_the_neutral_view():
    labels = [e.label for e in view(2026).legend if e.kind == "line"]
    assert any("Line of control" in label and "not an agreed border" in label for label in labels)


def test_japan_shows_the_rest_of_the_chain_as_undetermined():
    v = view(2026, "japan")
    assert v.styles["north_kurils"]["fillColor"] == PALETTE["unsettled"]
    assert view(2026, "russia").styles["north_kurils"]["fillColor"] == PALETTE["russia"]


def test_legend_names_the_state_of_the_year():
    assert any("Russian Empire" in e.label for e in view(1880).legend)
    assert any("Soviet Union" in e.label for e in view(1950).legend)
    assert any("Russian Federation" in e.label for e in view(2000).legend)


@pytest.mark.parametrize(
    "perspective, iturup",
    [("neutral", "Iturup / Etorofu"), ("japan", "Etorofu"), ("russia", "Iturup")],
)
def test_names_follow_the_perspective(perspective, iturup):
    assert labels_for(CONTENT.islands, perspective)["iturup"] == iturup


@pytest.mark.parametrize("perspective", ["neutral", "japan", "russia"])
def test_mid_occupation_date_lists_each_legend_entry_once(perspective):
    # On 28 August 1945 Iturup / Etorofu was held by Soviet troops, the other islands not yet.
    v = build_view(control_at(CONTENT.events, "1945-08-28"), 1945, perspective, BOUNDARIES)
    labels = [e.label for e in v.legend]
    assert len(labels) == len(set(labels)), labels
    assert sum(("Disputed" in label or "Northern Territories" in label) for label in labels) <= 1
    assert v.styles["iturup"] != v.styles["habomai"]
    assert "Sakhalin Oblast" not in " ".join(labels)


@pytest.mark.parametrize("perspective", ["neutral", "japan", "russia"])
def test_before_the_occupation_in_1945_nothing_is_drawn_as_disputed(perspective):
    v = build_view(control_at(CONTENT.events, "1945-08-01"), 1945, perspective, BOUNDARIES)
    assert {v.styles[i]["fillColor"] for i in ("iturup", "kunashir", "shikotan", "habomai")} == {PALETTE["japan"]}
    assert not any("Disputed" in e.label or "Northern Territories" in e.label for e in v.legend)
    ids = {line["properties"]["id"] for line in v.lines}
    assert "line_of_control_1945" not in ids and "portsmouth_1905" in ids


def test_japan_view_leaves_the_renounced_lands_undetermined_only_from_the_treaty():
    # Japanese school atlases: four lines (Soya, 50°N, First Kuril Strait, Iturup–Urup), white between.
    after = view(1960, "japan")
    ids = {line["properties"]["id"] for line in after.lines}
    assert {"portsmouth_1905", "st_petersburg_1875_kamchatka", "shimoda_1855", "soya_1945"} <= ids
    assert after.styles["south_sakhalin"]["fillColor"] == PALETTE["unsettled"]
    before = view(1950, "japan")
    assert before.styles["south_sakhalin"]["fillColor"] == PALETTE["russia"]
    assert "portsmouth_1905" not in {line["properties"]["id"] for line in before.lines}
    assert not any("undetermined" in e.label for e in before.legend)
