"""The names of the land and sea around the four islands in Japanese and Russian, per perspective.

English forms live in geo/maplabels.py (CONTEXT_LABEL_NAMES); in the neutral atlas each
language shows its own usage first and the other side's second, as for the islands.
Japan's and Russia's own names, accessed 2026-11-30:
  根室海峡 (ja.wikipedia.org/wiki/根室海峡), Кунаширский пролив (ru.wikipedia.org/wiki/Кунаширский_пролив);
  得撫島 (ja.wikipedia.org/wiki/得撫島), Уруп (ru.wikipedia.org/wiki/Уруп).
"""

from __future__ import annotations

from content.i18n import language

CONTEXT_NAMES: dict[str, dict[str, dict[str, str]]] = {
    "ja": {
        "hokkaido": {"neutral": "北海道"},
        "nemuro_peninsula": {"neutral": "根室半島"},
        "urup": {"neutral": "得撫島 / ウルップ島", "japan": "得撫島", "russia": "ウルップ島"},
        "sakhalin": {"neutral": "サハリン"},
        "nemuro_strait": {"neutral": "根室海峡 / クナシル海峡", "japan": "根室海峡", "russia": "クナシル海峡"},
        "sea_of_okhotsk": {"neutral": "オホーツク海"},
        "pacific_ocean": {"neutral": "太平洋"},
    },
    "ru": {
        "hokkaido": {"neutral": "Хоккайдо"},
        "nemuro_peninsula": {"neutral": "полуостров Немуро"},
        "urup": {"neutral": "Уруп / Уруппу", "japan": "Уруппу", "russia": "Уруп"},
        "sakhalin": {"neutral": "Сахалин"},
        "nemuro_strait": {"neutral": "Кунаширский пролив / пролив Немуро", "japan": "пролив Немуро",
                          "russia": "Кунаширский пролив"},
        "sea_of_okhotsk": {"neutral": "Охотское море"},
        "pacific_ocean": {"neutral": "Тихий океан"},
    },
}


def context_names(perspective: str, lang: str | None = None) -> dict[str, str]:
    """Return {label id: name} of the context land and sea in a language and perspective ({} for English)."""
    forms = CONTEXT_NAMES.get(lang or language(), {})
    return {label_id: names.get(perspective, names["neutral"]) for label_id, names in forms.items()}
