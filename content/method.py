"""The 'how this atlas works' text shown on the Sources & method page, in each language."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

METHOD_DIR = Path(__file__).resolve().parent
METHOD_FILE = METHOD_DIR / "method.md"


def method_file(lang: str = "en") -> Path:
    """Return the method text's file for a language: method.<lang>.md, else the English method.md."""
    translated = METHOD_DIR / f"method.{lang}.md"
    return translated if lang != "en" and translated.is_file() else METHOD_FILE


@lru_cache(maxsize=4)
def load_method(lang: str = "en") -> str:
    """Return the method text in a language, English where no translation exists (reviewed Markdown)."""
    return method_file(lang).read_text(encoding="utf-8")
