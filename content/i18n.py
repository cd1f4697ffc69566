"""The interface language: message catalogs (gettext .po through Babel) and the current language.

UI strings are marked with ``_("…")`` (``N_`` marks a string to translate later)
and looked up in ``locales/<lang>/LC_MESSAGES/*.po`` (``messages`` for the app,
``site`` for the exports and the static edition); ``make i18n`` extracts them into
``locales/*.pot`` and updates the catalogs with pybabel. The
language of the current script run is a context variable, so plain functions in
geo/ and content/ translate without Streamlit; the app sets it once per run.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES: tuple[str, ...] = ("en", "ja", "ru")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "ja": "日本語", "ru": "Русский"}
# The atlas writes English dates day first ("19 October 1956"), as British usage does.
BABEL_LOCALES: dict[str, str] = {"en": "en_GB", "ja": "ja", "ru": "ru"}
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("four_islands_language", default="en")


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    """Return a language's translations {msgid: msgstr}, read once from its .po files.

    Every catalog (domain) of the language is merged: ``messages.po`` for the app,
    ``site.po`` for the exports and the static edition.
    """
    merged: dict[str, str] = {}
    if lang == "en":
        return merged
    for path in sorted((LOCALES_DIR / lang / "LC_MESSAGES").glob("*.po")):
        with open(path, "rb") as fh:
            po = read_po(fh, locale=lang, domain=path.stem)
        merged.update({m.id: m.string for m in po
                       if m.id and isinstance(m.id, str) and m.string and not m.fuzzy})
    return merged


def set_language(lang: str) -> None:
    """Make `lang` the language of the current run (thread or task)."""
    _current.set(lang if lang in LANGUAGES else "en")


def language() -> str:
    """Return the language of the current run."""
    return _current.get()


@contextlib.contextmanager
def using(lang: str) -> Iterator[None]:
    """Run a block in a language (exports and the static edition render each language in turn)."""
    token = _current.set(lang if lang in LANGUAGES else "en")
    try:
        yield
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """Return a UI string in the current language (the English where no translation exists)."""
    return catalog(language()).get(message, message) if language() != "en" else message


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (tables built at import time)."""
    return message


def preferred_language(accept_language: str | None) -> str:
    """Return the supported language a browser's Accept-Language header prefers most ('en' if none)."""
    if not accept_language:
        return "en"
    ranked = []
    for i, part in enumerate(accept_language.split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        lang = tag.strip().lower().split("-")[0]
        if lang in LANGUAGES and quality > 0:
            ranked.append((-quality, i, lang))
    return min(ranked)[2] if ranked else "en"


def format_partial_date(value: str, lang: str | None = None) -> str:
    """Render a PartialDate at its precision in a language: 19 October 1956 · 1956年10月19日 · 19 октября 1956 г."""
    lang = lang if lang in LANGUAGES else language()
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return {"ja": f"{parts[0]}年", "ru": f"{parts[0]} г."}.get(lang, str(parts[0]))
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    if len(parts) == 2:
        # Babel's skeleton "yMMMM": 'October 1956', '1956年10月', 'октябрь 1956 г.'
        from babel.dates import format_skeleton

        return format_skeleton("yMMMM", day, locale=Locale.parse(BABEL_LOCALES[lang]))
    return babel_format_date(day, format="long", locale=Locale.parse(BABEL_LOCALES[lang]))


def format_figure(value: float, lang: str | None = None) -> str:
    """Render a number with the language's separators and no needless decimals."""
    return format_decimal(value, format="#,##0.##", locale=Locale.parse(BABEL_LOCALES[lang or language()]))
