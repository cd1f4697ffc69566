"""Shared paths and helpers for the ingest tests: the article directories and how to read them.

Two directories hold articles laid out alike (one copied web page per .txt file):
  ARTICLES      tests/fixtures/articles, short articles written for the tests; always present
  SHARED_SEEDS  ../shared/seeds, the project's seed articles; present in CI and the workspace,
                absent on a clone alone
Tests that check properties every page must have (each line kept or removed by a named rule,
excerpts verbatim in their page) run on every article in whichever of the two exist; tests with
measured results run on the table of each directory that exists. Nothing is skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED_SEEDS = (REPO / ".." / "shared" / "seeds").resolve()
HAS_SEEDS = SHARED_SEEDS.is_dir()
ARTICLES = REPO / "tests" / "fixtures" / "articles"
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
SEED_NAMES = (
    "000_2f5ce44e6aaa4fc5.txt",
    "001_87e00955d894b533.txt",
    "002_4bf51b9508f91556.txt",
    "003_61844885fb6424f1.txt",
    "004_5d2fa7a8e6755306.txt",
)
ARTICLE_NAMES = tuple(sorted(p.name for p in ARTICLES.glob("*.txt")))
# The test articles by what they hold (the furniture of an agency page, a wire story, a blog, a paper).
FERRY, VISITS, ARCHIVE, CRAB, SCHOOL = (
    "ferry_storm_player.txt",  # icon sprite, dateline, player, glued teaser, share appeal
    "exchange_visits_appeal.txt",  # reader appeal glued to the first sentence, separator, credit
    "map_archive_lists.txt",  # site header, image credit, related headlines, link list, newsletter
    "crab_talks_most_viewed.txt",  # logo lines, photo caption, bulleted "most viewed" list
    "school_visit_teaser.txt",  # no headline, a teaser glued mid-page
)
# Every article the tests can read here: the test articles, and the seeds where they exist.
ALL_NAMES = ARTICLE_NAMES + (SEED_NAMES if HAS_SEEDS else ())


def where(name: str) -> Path:
    """Return the path of an article by file name, in the test articles or the shared seeds."""
    return ARTICLES / name if (ARTICLES / name).is_file() else SHARED_SEEDS / name


def seed_text(name: str) -> str:
    """Read one article (a test article or a shared seed) by file name."""
    return where(name).read_text(encoding="utf-8")


def cases(fixture_cases: list, seed_cases: list) -> list:
    """Return the measured cases to run here: the test articles', plus the seeds' where they exist."""
    return list(fixture_cases) + (list(seed_cases) if HAS_SEEDS else [])


def normalise(text: str) -> str:
    """Collapse whitespace runs to one space, as the content check compares text."""
    return re.sub(r"\s+", " ", text).strip()
