"""Broken content files: each is reported with its file, its field and a reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from content.load import NO_SEED, NO_SEEDS_DIR, REPO_DIR, ContentError, Problem, load_content
from content.models import ISLAND_IDS

ISLAND = """\
id: {id}
names:
  en: {id}
  en_russian: {id}
  en_japanese: {id}
  ja: {{kanji: 島, romaji: shima}}
  ru: {{cyrillic: остров, latin: ostrov}}
area:
  - {{value: 1.5, unit: km², source: src-a}}
highest_point:
  name_en: Peak
  elevation: {{value: 10, unit: m, source: src-a}}
russian_administration:
  federal_subject: Sakhalin Oblast
  district: District
  settlements: [Town]
  population: {{value: 1, unit: people, year: 2021, source: src-a}}
  sources: [src-a]
japanese_claim:
  prefecture: Hokkaido
  subprefecture: Nemuro Subprefecture
  villages: [{{name_en: Village, name_ja: 村}}]
  population_1945: {{value: 1, unit: people, year: 1945, source: src-b}}
  sources: [src-b]
summary: A summary.
sources: [src-a]
"""

SOURCES = """\
- {id: src-a, title: Source A, kind: official, url: "https://example.org/a", accessed: 2026-11-23}
- {id: src-b, title: Source B, kind: reference}
"""

HISTORY = """\
- id: treaty-1855
  date: "1855-02-07"
  title: A treaty
  kind: treaty
  islands: [iturup, kunashir]
  summary: Something was signed.
  control: [{territory: iturup, to: japan}]
  sources: [src-a]
"""

ARTICLE = """\
id: art
seed: seed.txt
outlet: Example News
state_controlled: false
headline: A headline
date: "2022-02-04"
date_basis: dateline
excerpts:
  - id: art-1
    text: "“the islands are ours”"
    speaker: A minister
    islands: [iturup]
    events: [treaty-1855]
"""

SEED = "The minister said\n“the islands   are ours”\nand left.\n"


def write_root(root: Path, files: dict[str, str | None]) -> Path:
    """Write a valid content tree under root, with files replaced (text) or removed (None)."""
    tree: dict[str, str | None] = {f"content/islands/{i}.yaml": ISLAND.format(id=i) for i in ISLAND_IDS}
    tree |= {"content/sources/base.yaml": SOURCES, "content/history/base.yaml": HISTORY,
             "content/news/art.yaml": ARTICLE, "seeds/seed.txt": SEED}
    tree |= {f"content/{name}": text for name, text in files.items()}
    for name, text in tree.items():
        if text is not None:
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def load(tmp_path: Path, files: dict[str, str | None]):
    root = write_root(tmp_path, files)
    return load_content(root / "content", root / "seeds")


def test_the_base_fixture_is_valid(tmp_path):
    content = load(tmp_path, {})
    assert list(content.islands) == list(ISLAND_IDS)
    assert [e.id for e in content.events] == ["treaty-1855"]
    assert content.excerpts_for("iturup")[0][1].id == "art-1"
    assert content.excerpts_for_event("treaty-1855")[0][0].id == "art"
    assert [e.id for e in content.events_for("kunashir")] == ["treaty-1855"]
    assert content.source("src-a").title == "Source A"


BROKEN = [
    pytest.param(
        {"islands/iturup.yaml": ISLAND.format(id="iturup").replace("summary: A summary.\n", "")},
        r"islands/iturup\.yaml: summary: missing required field", id="missing-field"),
    pytest.param(
        {"history/base.yaml": HISTORY + "  colour: red\n"},
        r"history/base\.yaml: \[0\]\.colour: unknown field", id="unknown-field"),
    pytest.param(
        {"history/base.yaml": HISTORY.replace('"1855-02-07"', "1945-13-01")},
        r"history/base\.yaml: \[0\]\.date: '1945-13-01' is not a real date", id="bad-date"),
    pytest.param(
        {"history/base.yaml": HISTORY.replace("[iturup, kunashir]", "[iturup, etorofu]")},
        r"history/base\.yaml: \[0\]\.islands\[1\]: Input should be 'iturup'", id="unknown-island-id"),
    pytest.param(
        {"history/base.yaml": HISTORY.replace("sources: [src-a]", "sources: [src-z]")},
        r"history/base\.yaml: \[0\]\.sources\[0\]: unknown source id 'src-z'", id="unknown-source-id"),
    pytest.param(
        {"islands/habomai.yaml": ISLAND.format(id="habomai").replace(
            "population: {value: 1, unit: people, year: 2021, source: src-a}",
            "population: {value: 1, unit: people, year: 2021, source: src-q}")},
        r"islands/habomai\.yaml: russian_administration\.population\.source: unknown source id 'src-q'",
        id="unknown-source-id-in-figure"),
    pytest.param(
        {"news/art.yaml": ARTICLE.replace("events: [treaty-1855]", "events: [treaty-1856]")},
        r"news/art\.yaml: excerpts\[0\]\.events\[0\]: unknown event id 'treaty-1856'", id="unknown-event-id"),
    pytest.param(
        {"news/art.yaml": ARTICLE.replace("“the islands are ours”", '\\"the islands are ours\\"')},
        r"news/art\.yaml: excerpts\[0\]\.text: text is not found verbatim in seed 'seed\.txt'",
        id="excerpt-not-verbatim"),
    pytest.param(
        {"history/more.yaml": HISTORY},
        r"history/more\.yaml: \[0\]\.id: duplicate event id 'treaty-1855' \(first in history/base\.yaml\)",
        id="duplicate-event-id"),
    pytest.param(
        {"sources/more.yaml": "- {id: src-b, title: Again, kind: reference}\n"},
        r"sources/more\.yaml: \[0\]\.id: duplicate source id 'src-b'", id="duplicate-source-id"),
    pytest.param(
        {"news/art.yaml": ARTICLE + "  - id: art-1\n    text: and left.\n"},
        r"news/art\.yaml: excerpts\[1\]\.id: duplicate excerpt id 'art-1'", id="duplicate-excerpt-id"),
    pytest.param(
        {"news/other.yaml": ARTICLE.replace("id: art\n", "id: other\n").replace("id: art-1", "id: other-1")
            + "  - id: art-1\n    text: and left.\n"},
        r"news/other\.yaml: excerpts\[1\]\.id: duplicate excerpt id 'art-1' \(first in news/art\.yaml\)",
        id="duplicate-excerpt-id-across-articles"),
    pytest.param(
        {"history/base.yaml": HISTORY.replace("  kind: treaty\n", "  kind: treaty\n  - oops\n")},
        r"history/base\.yaml: line \d+: YAML syntax error", id="yaml-syntax-error"),
    pytest.param(
        {"islands/shikotan.yaml": ISLAND.format(id="shikotan") + "summary: Twice.\n"},
        r"islands/shikotan\.yaml: line \d+: YAML syntax error: .*duplicate key 'summary'", id="duplicate-key"),
    pytest.param(
        {"history/base.yaml": HISTORY.replace("sources: [src-a]", "sources: []")},
        r"history/base\.yaml: \[0\]\.sources: List should have at least 1 item", id="event-with-no-source"),
    pytest.param(
        {"history/base.yaml": HISTORY.replace("  sources: [src-a]\n", "")},
        r"history/base\.yaml: \[0\]\.sources: missing required field", id="event-without-sources-field"),
    pytest.param(
        {"news/art.yaml": None, "news/other.yaml": ARTICLE},
        r"news/other\.yaml: id: id 'art' does not match the file name 'other\.yaml'", id="file-name-not-id"),
    pytest.param(
        {"islands/kunashir.yaml": None},
        r"islands/kunashir\.yaml: \(file\): missing island file", id="missing-island-file"),
    pytest.param(
        {"history/base.yaml": HISTORY.replace("kind: treaty", "kind: statement")},
        r"history/base\.yaml: \[0\]\.control: an event of kind 'statement' cannot change control",
        id="statement-changes-control"),
    pytest.param(
        {"history/base.yaml": HISTORY.replace('  title:', '  end_date: "1855-02"\n  title:')},
        r"history/base\.yaml: \[0\]\.end_date: end date 1855-02 is before the date 1855-02-07",
        id="end-before-start"),
    pytest.param(
        {"news/art.yaml": ARTICLE.replace("seed: seed.txt", "seed: missing.txt")},
        r"news/art\.yaml: seed: seed file 'missing\.txt' not found", id="seed-file-missing"),
    pytest.param(
        {"history/base.yaml": "id: not-a-list\n"},
        r"history/base\.yaml: \(root\): expected a list of events, found dict", id="history-not-a-list"),
    pytest.param(
        {"history/base.yaml": ""},
        r"history/base\.yaml: \(root\): file is empty", id="empty-file"),
]


@pytest.mark.parametrize(("files", "message"), BROKEN)
def test_broken_content_names_the_file_and_field(tmp_path, files, message):
    with pytest.raises(ContentError, match=message) as raised:
        load(tmp_path, files)
    assert all(isinstance(p, Problem) for p in raised.value.problems)


def test_every_problem_in_every_file_is_reported(tmp_path):
    files = {
        "islands/iturup.yaml": ISLAND.format(id="iturup").replace("summary: A summary.\n", ""),
        "history/base.yaml": HISTORY.replace('"1855-02-07"', '"1855-00"'),
        "news/art.yaml": ARTICLE.replace("events: [treaty-1855]", "events: [nope]"),
    }
    with pytest.raises(ContentError) as raised:
        load(tmp_path, files)
    fields = {(p.file, p.field) for p in raised.value.problems}
    assert {("islands/iturup.yaml", "summary"), ("history/base.yaml", "[0].date"),
            ("news/art.yaml", "excerpts[0].events[0]")} <= fields
    assert str(raised.value).splitlines() == [str(p) for p in raised.value.problems]


def test_verbatim_check_ignores_only_whitespace(tmp_path):
    # The seed breaks the quote across lines and doubles a space; the excerpt does not.
    article = ARTICLE.replace("“the islands are ours”", "said “the islands are ours” and")
    assert load(tmp_path, {"news/art.yaml": article}).excerpt_count == 1


def test_with_seeds_every_excerpt_is_counted_as_verified(tmp_path):
    seeds = load(tmp_path, {}).seeds
    assert (seeds.verified, seeds.unverified, seeds.complete, seeds.warnings()) == (1, (), True, [])


# A second article with two excerpts quoting the same seed.
SECOND = (ARTICLE.replace("id: art\n", "id: art2\n").replace("id: art-1", "id: art2-1")
          + "  - id: art2-2\n    text: and left.\n    islands: [iturup]\n")


def test_without_seeds_the_excerpts_are_counted_as_unverified(tmp_path):
    # The changed quote is not in the seed: the load succeeds, but nothing claims it was checked.
    root = write_root(tmp_path, {"news/art.yaml": ARTICLE.replace("“the islands", "“the isles"),
                                 "news/art2.yaml": SECOND})
    absent = load_content(root / "content", seeds_dir=tmp_path / "absent").seeds
    assert (absent.verified, absent.unverified_excerpts, absent.complete) == (0, 3, False)
    assert [(u.file, u.excerpts, u.reason) for u in absent.unverified] == [
        ("news/art.yaml", 1, NO_SEEDS_DIR), ("news/art2.yaml", 2, NO_SEEDS_DIR)]
    assert absent.warnings() == [f"3 excerpts in 2 articles were not checked against their seed articles: "
                                 f"{tmp_path / 'absent'} not found (pass --seeds DIR)"]
    off = load_content(root / "content", seeds_dir=None).seeds
    assert off.warnings() == ["3 excerpts in 2 articles were not checked against their seed articles: "
                              "the seed check was turned off"]


def test_an_article_without_a_seed_is_counted_apart(tmp_path):
    unseeded = SECOND.replace("seed: seed.txt\n", "")
    seeds = load(tmp_path, {"news/art2.yaml": unseeded}).seeds
    assert (seeds.verified, [(u.file, u.excerpts, u.reason) for u in seeds.unverified]) == (
        1, [("news/art2.yaml", 2, NO_SEED)])
    assert seeds.warnings() == ["2 excerpts in 1 article were not checked against their seed articles: "
                                "the article names no seed article (field 'seed')"]


def test_unquoted_dates_are_read_as_text(tmp_path):
    content = load(tmp_path, {"history/base.yaml": HISTORY.replace('"1855-02-07"', "1855-02-07")})
    assert content.events[0].date == "1855-02-07"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "content", *args], cwd=REPO_DIR,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("strict", [(), ("--strict",)])
def test_cli_check_exits_0_on_a_valid_root(tmp_path, strict):
    root = write_root(tmp_path, {})
    result = run_cli("check", "--root", str(root / "content"), "--seeds", str(root / "seeds"), *strict)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("OK: 4 islands, 1 events, 1 articles, 1 excerpts "
                             "(1 verified in their seed articles), 2 sources\n")
    assert result.stderr == ""


def test_cli_check_without_seeds_warns_with_counts_and_does_not_say_a_bare_ok(tmp_path):
    root = write_root(tmp_path, {"news/art2.yaml": SECOND})
    absent = tmp_path / "no-seeds-here"
    result = run_cli("check", "--root", str(root / "content"), "--seeds", str(absent))
    assert result.returncode == 0, result.stderr
    assert result.stderr == (f"WARNING: 3 excerpts in 2 articles were not checked against their seed articles: "
                             f"{absent} not found (pass --seeds DIR)\n")
    assert result.stdout == ("OK with 1 warning: 4 islands, 1 events, 2 articles, 3 excerpts "
                             "(0 verified in their seed articles), 2 sources\n")


def test_cli_check_strict_exits_1_when_excerpts_were_not_verified(tmp_path):
    root = write_root(tmp_path, {})
    result = run_cli("check", "--root", str(root / "content"), "--seeds", str(tmp_path / "absent"), "--strict")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "WARNING: 1 excerpt in 1 article was not checked against its seed article:" in result.stderr
    assert "FAILED (--strict): 1 of 1 excerpts were not verified against their seed articles" in result.stderr


def test_cli_check_exits_1_with_file_and_field_on_stderr(tmp_path):
    root = write_root(tmp_path, {"history/base.yaml": HISTORY.replace('"1855-02-07"', "1945-13-01")})
    result = run_cli("check", "--root", str(root / "content"), "--seeds", str(root / "seeds"))
    assert result.returncode == 1
    assert "history/base.yaml: [0].date: '1945-13-01' is not a real date" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("args", [(), ("nonsense",), ("check", "--bogus")])
def test_cli_exits_2_on_usage_errors(args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
