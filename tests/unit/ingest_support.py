"""Shared paths and helpers for the ingest tests."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = (REPO / ".." / "shared" / "seeds").resolve()
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
SEED_NAMES = (
    "000_2f5ce44e6aaa4fc5.txt",
    "001_87e00955d894b533.txt",
    "002_4bf51b9508f91556.txt",
    "003_61844885fb6424f1.txt",
    "004_5d2fa7a8e6755306.txt",
)
SEEDS_MISSING = f"seed articles not found at {SEEDS} (the project keeps them in ../shared/seeds)"


def seed_text(name: str) -> str:
    """Read one seed article."""
    return (SEEDS / name).read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """Collapse whitespace runs to one space, as the content check compares text."""
    return re.sub(r"\s+", " ", text).strip()
