"""Names and wording as a neutral atlas, Japan or Russia would show them."""

from __future__ import annotations

from typing import Mapping

from content.i18n import N_, language
from content.models import Island

PERSPECTIVE_TITLES: dict[str, str] = {
    "neutral": N_("Neutral atlas"),
    "japan": N_("As Japan draws it"),
    "russia": N_("As Russia draws it"),
}

PERSPECTIVE_NOTES: dict[str, str] = {
    "neutral": N_(
        "Both names; the line of control since 1945, which is not an agreed border; "
        "the four islands marked as disputed."
    ),
    "japan": N_(
        "Japanese names; the four islands shown as part of Hokkaido (Nemuro Subprefecture), "
        "with the border drawn between Iturup / Etorofu and Urup, as Japan draws it; from 1952, "
        "southern Sakhalin and the Kurils north of Iturup / Etorofu left white between four lines "
        "as territory of undetermined attribution, as Japanese school atlases show them."
    ),
    "russia": N_(
        "Russian names; the four islands shown as part of Sakhalin Oblast, with the border "
        "drawn south of Kunashir and the Habomai group, as Russia draws it."
    ),
}


def island_label(island: Island, perspective: str, lang: str | None = None) -> str:
    """Return the island's map label in a perspective and language.

    English: 'Iturup / Etorofu', 'Etorofu', 'Iturup'; Japanese: '択捉島 / イトゥルップ島';
    Russian: 'Итуруп / Эторофу'. In each language the name in that language's own usage
    comes first; an island both sides name alike (Shikotan, Habomai) has one name.
    """
    names = island.names
    lang = lang or language()
    both = "/" in names.en
    if lang == "ja":
        own, other = names.ja.kanji, names.ja.russian or names.en_russian
        return {"japan": own, "russia": other}.get(perspective, f"{own} / {other}" if both else own)
    if lang == "ru":
        own, other = names.ru.cyrillic, names.ru.japanese or names.en_japanese
        return {"russia": own, "japan": other}.get(perspective, f"{own} / {other}" if both else own)
    if perspective == "japan":
        return names.en_japanese
    if perspective == "russia":
        return names.en_russian
    return names.en


def labels_for(islands: Mapping[str, Island], perspective: str, lang: str | None = None) -> dict[str, str]:
    """Map island id to its label in a perspective (and language: the run's by default)."""
    return {island_id: island_label(island, perspective, lang) for island_id, island in islands.items()}
