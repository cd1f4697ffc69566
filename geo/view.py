"""What the map shows for a year and a perspective: fills, lines and legend.

Pure data, shared by the interactive map (geo/mapview.py) and the static
export, so that both draw the same thing. `control` comes from
content.control.control_at, i.e. from the history events.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from content.i18n import N_, _
from content.models import ISLAND_IDS


PALETTE = {
    "japan": "#d9822b",
    "russia": "#5b7db1",
    "shared": "#a58fc4",
    "unsettled": "#f4f1ea",
    "disputed_edge": "#b3261e",
    "edge": "#3d3d3d",
}

LINE_STYLES = {
    "border": {"color": "#1b1b1b", "weight": 2.2, "dashArray": None},
    "line_of_control": {"color": "#b3261e", "weight": 2.4, "dashArray": "8 6"},
    "claimed_border": {"color": "#1b1b1b", "weight": 2.4, "dashArray": "2 5"},
}

FIRST_SOVIET_YEAR = 1945
SAN_FRANCISCO_IN_FORCE = 1952  # the San Francisco Peace Treaty took effect on 28 April 1952
# The lines that bound, on Japan's maps, the area whose attribution Japan holds undetermined.
UNDETERMINED_LIMITS = ("portsmouth_1905", "st_petersburg_1875_kamchatka")


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: a fill swatch or a line sample, with its text."""

    kind: str  # "fill" or "line"
    color: str
    label: str
    dash: str | None = None
    edge: str | None = None


@dataclass(frozen=True)
class MapView:
    """Everything that changes on the map with the year and perspective."""

    year: int
    perspective: str
    styles: dict[str, dict[str, Any]]  # territory or context-feature id -> Leaflet path style
    lines: list[dict[str, Any]]  # GeoJSON LineString features, with properties.style and label
    legend: list[LegendEntry] = field(default_factory=list)


# Every legend text the map can show, in English, for extraction into the catalogs: the legend is
# composed in English (as before) and each finished text translated as a whole, so that each
# language words it in its own grammar (a test checks every year and perspective is listed here).
LEGEND_TEXTS: tuple[str, ...] = (
    N_("Unsettled"), N_("Japan"), N_("The Russian Empire"), N_("Soviet Russia"), N_("The Soviet Union"),
    N_("The Russian Federation"), N_("Russian empire"), N_("Soviet russia"), N_("Soviet union"),
    N_("Russian federation"),
    N_("Sakhalin: unpartitioned, open to both (1855 treaty)"),
    N_("Treaty of Shimoda boundary (1855)"),
    N_("Treaty of Shimoda boundary (1855) (median line, approximate)"),
    N_("Treaty of Saint Petersburg boundary, First Kuril Strait (1875)"),
    N_("Treaty of Saint Petersburg boundary, First Kuril Strait (1875) (median line, approximate)"),
    N_("Treaty of Saint Petersburg boundary, La Pérouse / Soya Strait (1875)"),
    N_("Treaty of Saint Petersburg boundary, La Pérouse / Soya Strait (1875) (median line, approximate)"),
    N_("Treaty of Portsmouth boundary, 50°N on Sakhalin (1905)"),
    N_("Disputed: administered by the Soviet Union, claimed by Japan"),
    N_("Disputed: administered by the Russian Federation, claimed by Japan"),
    N_("Line of control since 1945, not an agreed border"),
    N_("Line of control since 1945, not an agreed border (median line, approximate)"),
    N_("Line between Hokkaido and Sakhalin since 1945"),
    N_("Line between Hokkaido and Sakhalin since 1945 (median line, approximate)"),
    N_("Japan's Northern Territories, occupied by the Soviet Union, as Japan holds"),
    N_("Japan's Northern Territories, occupied by the Russian Federation, as Japan holds"),
    N_("Border as Japan draws it (Iturup / Etorofu – Urup)"),
    N_("Border as Japan draws it (Iturup / Etorofu – Urup) (median line, approximate)"),
    N_("La Pérouse / Soya Strait line (since 1945)"),
    N_("La Pérouse / Soya Strait line (since 1945) (median line, approximate)"),
    N_("Soviet Union, as Russia draws it"),
    N_("Soviet Union (Sakhalin Oblast), as Russia draws it"),
    N_("Russian Federation (Sakhalin Oblast), as Russia draws it"),
    N_("State border, as Russia draws it"),
    N_("State border, as Russia draws it (median line, approximate)"),
    N_("Attribution undetermined, as Japan holds (renounced at San Francisco in 1951; the USSR did not sign)"),
    N_("Limit of the area of undetermined attribution, as Japan draws it"),
)


def russia_name(year: int) -> str:
    """Return the name of the Russian state in a year."""
    if year < 1917:
        return "the Russian Empire"
    if year < 1992:
        return "the Soviet Union" if year >= 1922 else "Soviet Russia"
    return "the Russian Federation"


def _group(controller: str) -> str:
    return {"russian_empire": "russia", "ussr": "russia"}.get(controller, controller)


def _fill(group: str, focus: bool) -> dict[str, Any]:
    return {
        "fillColor": PALETTE[group],
        "fillOpacity": 0.85 if focus else 0.45,
        "color": PALETTE["edge"] if focus else "#8a8478",
        "weight": 1.2 if focus else 0.6,
        "dashArray": None,
    }


def build_view(
    control: Mapping[str, str], year: int, perspective: str, boundaries: Mapping[str, Any]
) -> MapView:
    """Return fills, lines and legend for `year` (as control stood then) in `perspective`."""
    soviet_era = year >= FIRST_SOVIET_YEAR
    styles: dict[str, dict[str, Any]] = {}
    legend: list[LegendEntry] = []

    def add_legend(entry: LegendEntry) -> None:
        entry = replace(entry, label=_(entry.label))
        if entry not in legend:
            legend.append(entry)

    for island in ISLAND_IDS:
        group = _group(control[island])
        # In late August 1945 some islands were already held by Soviet troops and others not
        # yet: only those administered from Moscow are drawn as disputed.
        disputed = soviet_era and group == "russia"
        if disputed and perspective == "japan":
            style = {**_fill("japan", True), "color": PALETTE["disputed_edge"], "weight": 2.0, "dashArray": "5 4"}
            add_legend(LegendEntry("fill", PALETTE["japan"], "Japan's Northern Territories, occupied by "
                                   f"{russia_name(year)}, as Japan holds", "5 4", PALETTE["disputed_edge"]))
        elif disputed and perspective == "neutral":
            style = {**_fill(group, True), "color": PALETTE["disputed_edge"], "weight": 2.0, "dashArray": "5 4"}
            add_legend(LegendEntry("fill", PALETTE[group], f"Disputed: administered by {russia_name(year)}, "
                                   "claimed by Japan", "5 4", PALETTE["disputed_edge"]))
        else:
            style = _fill(group, True)
            label = {"japan": "Japan", "russia": russia_name(year).removeprefix("the ").capitalize()}.get(group, group)
            if disputed and perspective == "russia":
                # South Sakhalin Oblast from February 1946, merged into Sakhalin Oblast in January 1947.
                oblast = " (Sakhalin Oblast)" if year >= 1947 else ""
                label = f"{russia_name(year).removeprefix('the ')}{oblast}, as Russia draws it"
            add_legend(LegendEntry("fill", PALETTE[group], label[0].upper() + label[1:]))
        styles[island] = style

    context_groups = {
        "hokkaido": "japan",
        "honshu": "japan",
        "north_kurils": _group(control["north_kurils"]),
        "south_sakhalin": _group(control["south_sakhalin"]),
        "north_sakhalin": "shared" if control["south_sakhalin"] == "shared" else "russia",
        "kamchatka": "russia",
        "mainland": "russia",
    }
    if perspective == "japan" and year >= SAN_FRANCISCO_IN_FORCE:
        # Japan renounced southern Sakhalin and the Kurils at San Francisco (in force from
        # 1952) but holds that their attribution is undetermined, as the USSR did not sign;
        # Japanese school atlases leave them white between four lines (MEXT's instruction).
        context_groups["north_kurils"] = context_groups["south_sakhalin"] = "unsettled"
        add_legend(LegendEntry("fill", PALETTE["unsettled"], "Attribution undetermined, as Japan holds "
                               "(renounced at San Francisco in 1951; the USSR did not sign)"))
    for feature_id, group in context_groups.items():
        styles[feature_id] = _fill(group, False)
    if "japan" in context_groups.values() and not any(e.label == _("Japan") for e in legend):
        add_legend(LegendEntry("fill", PALETTE["japan"], "Japan"))
    if "shared" in context_groups.values():
        add_legend(LegendEntry("fill", PALETTE["shared"], "Sakhalin: unpartitioned, open to both (1855 treaty)"))
    if "russia" in context_groups.values():
        add_legend(LegendEntry("fill", PALETTE["russia"], russia_name(year)[0].upper() + russia_name(year)[1:]))

    # Before 28 August 1945 no island was yet held by Soviet troops: the pre-war lines still stand.
    held = any(_group(control[i]) == "russia" for i in ISLAND_IDS)
    lines = lines_for(boundaries, year if held or not soviet_era else FIRST_SOVIET_YEAR - 1, perspective)
    for line in lines:
        props = line["properties"]
        style = LINE_STYLES[props["style"]]
        add_legend(LegendEntry("line", style["color"], props["legend"], style["dashArray"]))
    return MapView(year, perspective, styles, lines, legend)


def lines_for(boundaries: Mapping[str, Any], year: int, perspective: str) -> list[dict[str, Any]]:
    """Return the boundary lines to draw for a year and perspective, each with a style and legend text."""
    chosen = []
    for feature in boundaries["features"]:
        p = feature["properties"]
        valid = p["valid_from"] <= year and (p["valid_to"] is None or year < p["valid_to"])
        approx = " (median line, approximate)" if p.get("approximate") else ""
        style, legend = "border", f"{p['label']}{approx}"
        if year >= FIRST_SOVIET_YEAR and p["id"] == "line_of_control_1945":
            if perspective == "japan":
                continue
            if perspective == "russia":
                legend = f"State border, as Russia draws it{approx}"
            else:
                style, legend = "line_of_control", f"Line of control since 1945, not an agreed border{approx}"
        elif year >= FIRST_SOVIET_YEAR and p["id"] == "soya_1945" and perspective == "neutral":
            legend = f"Line between Hokkaido and Sakhalin since 1945{approx}"
        elif year >= SAN_FRANCISCO_IN_FORCE and p["id"] in UNDETERMINED_LIMITS and perspective == "japan":
            valid = True
            style, legend = "claimed_border", "Limit of the area of undetermined attribution, as Japan draws it"
        elif year >= FIRST_SOVIET_YEAR and p["id"] == "shimoda_1855" and perspective == "japan":
            valid = True
            style, legend = "claimed_border", f"Border as Japan draws it (Iturup / Etorofu – Urup){approx}"
        if valid:
            chosen.append({
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {"id": p["id"], "style": style, "legend": legend},
            })
    return chosen
