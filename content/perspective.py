"""Names and wording as a neutral atlas, Japan or Russia would show them."""

from __future__ import annotations

from typing import Mapping

from content.models import Island

PERSPECTIVE_TITLES: dict[str, str] = {
    "neutral": "Neutral atlas",
    "japan": "As Japan draws it",
    "russia": "As Russia draws it",
}

PERSPECTIVE_NOTES: dict[str, str] = {
    "neutral": (
        "Both names; the line of control since 1945, which is not an agreed border; "
        "the four islands marked as disputed."
    ),
    "japan": (
        "Japanese names; the four islands shown as part of Hokkaido (Nemuro Subprefecture), "
        "with the border drawn between Iturup / Etorofu and Urup, as Japan draws it; from 1952, "
        "southern Sakhalin and the Kurils north of Iturup / Etorofu left white between four lines "
        "as territory of undetermined attribution, as Japanese school atlases show them."
    ),
    "russia": (
        "Russian names; the four islands shown as part of Sakhalin Oblast, with the border "
        "drawn south of Kunashir and the Habomai group, as Russia draws it."
    ),
}


def island_label(island: Island, perspective: str) -> str:
    """Return the island's map label in a perspective ('Iturup / Etorofu', 'Etorofu', 'Iturup')."""
    if perspective == "japan":
        return island.names.en_japanese
    if perspective == "russia":
        return island.names.en_russian
    return island.names.en


def labels_for(islands: Mapping[str, Island], perspective: str) -> dict[str, str]:
    """Map island id to its label in a perspective."""
    return {island_id: island_label(island, perspective) for island_id, island in islands.items()}
