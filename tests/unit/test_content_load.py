"""The real content files: each loads on its own, and together they load and cross-check."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from content.load import (
    CONTENT_DIR,
    DEFAULT_SEEDS_DIR,
    FOLDERS,
    NO_SEEDS_DIR,
    REPO_DIR,
    ContentError,
    check_file,
    load_content,
)
from content.models import ISLAND_IDS

CONTENT_FILES = sorted(p for folder in FOLDERS for p in (CONTENT_DIR / folder).glob("*.yaml"))

CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
KANA = re.compile(r"^[\u3040-\u309f\u30a0-\u30ffー]+$")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def content():
    try:
        return load_content()
    except ContentError as exc:  # name every problem in the failure, not just the first
        pytest.fail(f"content does not load:\n{exc}")


@pytest.fixture(scope="module")
def islands(tmp_path_factory):
    """Load the islands against every source, apart from history and news (written separately)."""
    root = tmp_path_factory.mktemp("content")
    for folder in ("islands", "sources"):
        shutil.copytree(CONTENT_DIR / folder, root / folder)
    try:
        return load_content(root, seeds_dir=None).islands
    except ContentError as exc:
        pytest.fail(f"islands do not load:\n{exc}")


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.relative_to(CONTENT_DIR).as_posix())
def test_each_content_file_is_valid_on_its_own(path):
    assert check_file(path) == []


def test_there_is_a_file_for_each_island():
    assert sorted(p.stem for p in (CONTENT_DIR / "islands").glob("*.yaml")) == sorted(ISLAND_IDS)


def test_all_content_loads_and_cross_checks(content):
    assert list(content.islands) == list(ISLAND_IDS)
    assert content.events and content.articles and content.sources


@pytest.mark.parametrize("island_id", ISLAND_IDS)
def test_island_has_names_in_three_scripts(islands, island_id):
    names = islands[island_id].names
    # The neutral English form carries both sides' names ("Iturup / Etorofu").
    assert names.en_russian.split()[0] in names.en and names.en_japanese.split()[0] in names.en
    for latin in (names.en, names.en_russian, names.en_japanese, names.ja.romaji, names.ru.latin):
        assert LATIN.search(latin)
    assert CJK.search(names.ja.kanji)
    assert names.ja.kana and KANA.match(names.ja.kana)
    assert CYRILLIC.search(names.ru.cyrillic)


@pytest.mark.parametrize("island_id", ISLAND_IDS)
def test_island_has_area_population_and_sources(islands, island_id):
    island = islands[island_id]
    assert island.area and all(a.unit == "km²" and a.value > 0 for a in island.area)
    assert island.area[0].according_to  # whose figure it is
    population = island.russian_administration.population
    assert population.year and population.according_to and population.value >= 0
    assert island.japanese_claim.population_1945.year == 1945
    assert island.highest_point.elevation.unit == "m"
    assert 2 <= island.summary.count(". ") + 1 <= 5  # a short summary, not an essay


def test_japanese_1945_population_adds_up_to_the_official_total(islands):
    total = sum(i.japanese_claim.population_1945.value for i in islands.values())
    assert total == 17_291


def test_habomai_lists_its_islets_with_both_names(islands):
    members = islands["habomai"].members
    assert len(members) >= 5
    assert all(CJK.search(m.ja.kanji) and CYRILLIC.search(m.ru.cyrillic) for m in members)
    assert not any(i.members for k, i in islands.items() if k != "habomai")


def test_every_referenced_id_resolves(content):
    # load_content already refuses unknown ids; check the query methods agree with it.
    event_ids = {e.id for e in content.events}
    for article, excerpt in content.excerpts():
        assert set(excerpt.events) <= event_ids
        for source_id in [*article.sources, *(excerpt.correction.sources if excerpt.correction else [])]:
            assert content.source(source_id).id == source_id
    for event in content.events:
        assert content.event(event.id) is event
        for source_id in event.sources:
            assert content.source(source_id)
    for island in content.islands.values():
        for source_id in island.sources:
            assert content.source(source_id)


def test_events_and_articles_are_in_date_order(content):
    from content.models import date_sort_key
    assert [date_sort_key(e.date) for e in content.events] == sorted(date_sort_key(e.date) for e in content.events)
    assert [date_sort_key(a.date) for a in content.articles] == sorted(date_sort_key(a.date) for a in content.articles)


@pytest.mark.parametrize("island_id", ISLAND_IDS)
def test_queries_for_an_island(content, island_id):
    assert all(island_id in e.islands for e in content.events_for(island_id))
    assert all(island_id in x.islands for _, x in content.excerpts_for(island_id))


def test_every_article_names_its_seed(content):
    # So that wherever the seeds are (CI), every real excerpt is checked verbatim against one.
    assert [a.id for a in content.articles if a.seed is None] == []


def test_the_seed_check_counts_every_real_excerpt(content):
    seeds = content.seeds
    if DEFAULT_SEEDS_DIR.is_dir():  # CI and the workspace: every excerpt verified
        assert (seeds.verified, seeds.unverified) == (content.excerpt_count, ())
    else:  # a clone alone: none verified, every one counted, and the reason named
        assert seeds.verified == 0
        assert {u.reason for u in seeds.unverified} == {NO_SEEDS_DIR}
        assert seeds.unverified_excerpts == content.excerpt_count
        assert len(seeds.unverified) == len([a for a in content.articles if a.excerpts])


def test_cli_check_passes_on_real_content(content):
    result = subprocess.run([sys.executable, "-m", "content", "check"], cwd=REPO_DIR,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    counts = (r"4 islands, \d+ events, \d+ articles, (\d+) excerpts "
              r"\((\d+) verified in their seed articles\), \d+ sources\n")
    if DEFAULT_SEEDS_DIR.is_dir():
        excerpts, verified = re.fullmatch("OK: " + counts, result.stdout).groups()
        assert excerpts == verified and result.stderr == ""
    else:
        excerpts, verified = re.fullmatch("OK with 1 warning: " + counts, result.stdout).groups()
        assert verified == "0"
        assert result.stderr.startswith(f"WARNING: {excerpts} excerpts in ")
        assert f"{DEFAULT_SEEDS_DIR} not found (pass --seeds DIR)" in result.stderr
