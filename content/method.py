"""The 'how this atlas works' text shown on the Sources & method page."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

METHOD_FILE = Path(__file__).resolve().parent / "method.md"


@lru_cache(maxsize=1)
def load_method() -> str:
    """Return the method text (reviewed Markdown, part of the repository)."""
    return METHOD_FILE.read_text(encoding="utf-8")
