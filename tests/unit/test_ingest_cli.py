"""The `python -m content.ingest` command: drafts, refusals and input errors, run as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from content.ingest.draft import build_draft, write_draft
from content.ingest.read import IngestError
from content.models import Article
from tests.unit.ingest_support import ALL_NAMES, ARCHIVE, CRAB, FERRY, FIXTURES, REPO, SCHOOL, SHARED_SEEDS, VISITS
from tests.unit.ingest_support import normalise, seed_text, where


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the ingest command from the repository root."""
    return subprocess.run([sys.executable, "-m", "content.ingest", *map(str, args)],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


# Fields an article's text cannot give; the editor adds them before the draft is an Article.
EDITOR_FILLS = {
    FERRY: {},
    VISITS: {"date": "2023-11-20", "date_basis": "editor", "outlet": "editor",
                                   "state_controlled": False},
    ARCHIVE: {"date": "2023-10", "date_basis": "editor", "outlet": "editor",
                              "state_controlled": False},
    CRAB: {"date": "2023-09", "date_basis": "editor", "outlet": "editor",
                                   "state_controlled": False},
    SCHOOL: {"date": "2023-10", "date_basis": "editor", "headline": "editor"},
    "000_2f5ce44e6aaa4fc5.txt": {},
    "001_87e00955d894b533.txt": {"date": "2022-11-11", "date_basis": "editor"},
    "002_4bf51b9508f91556.txt": {"date": "2019", "date_basis": "editor"},
    "003_61844885fb6424f1.txt": {"date": "2019-01", "date_basis": "editor", "headline": "editor"},
    "004_5d2fa7a8e6755306.txt": {"date": "2022-03-22", "date_basis": "editor"},
}


@pytest.mark.parametrize("seed", ALL_NAMES)
def test_draft_validates_once_the_editor_fills_the_review_fields(seed: str, tmp_path: Path) -> None:
    result = run(where(seed), "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    draft_path = Path(result.stdout.strip())
    assert draft_path.parent == tmp_path and draft_path.suffix == ".yaml"
    data = yaml.safe_load(draft_path.read_text(encoding="utf-8"))
    if where(seed).parent == SHARED_SEEDS:  # a shared seed is named, so the content check quotes against it
        assert data["seed"] == seed
    else:
        assert "seed" not in data and f"# seed: none. {seed} is not one of the shared seed articles" in (
            draft_path.read_text(encoding="utf-8"))
    missing = EDITOR_FILLS[seed]
    for key in missing:
        review = f"# REVIEW: {key.removesuffix('_basis')}:"  # date_basis is named in the date comment
        assert key not in data and review in draft_path.read_text(encoding="utf-8")
    if missing:
        with pytest.raises(ValueError, match="date"):
            Article.model_validate(data)
    article = Article.model_validate({**data, **missing})
    body = draft_path.with_name(f"{article.id}.body.txt").read_text(encoding="utf-8")
    for excerpt in article.excerpts:
        assert excerpt.text in body
        assert normalise(excerpt.text) in normalise(seed_text(seed))
    assert "removed" in result.stderr and "excerpts proposed" in result.stderr


def test_options_fill_the_fields(tmp_path: Path) -> None:
    article = where(SCHOOL)  # no headline, no date, RT by its teaser
    result = run(article, "--out", tmp_path, "--date", "2023-10-17", "--headline", "A headline",
                 "--url", "https://www.rt.com/news/1/", "--id", "rt-schools-test", "--not-state-controlled")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load((tmp_path / "rt-schools-test.yaml").read_text(encoding="utf-8"))
    article = Article.model_validate(data)
    assert (article.date, article.date_basis, article.headline, article.outlet, article.state_controlled) == (
        "2023-10-17", "given on the command line", "A headline", "RT", False)


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    article = FIXTURES / "no_date.txt"
    first = run(article, "--out", tmp_path, "--id", "same")
    assert first.returncode == 0, first.stderr
    again = run(article, "--out", tmp_path, "--id", "same")
    assert again.returncode == 1
    assert "already exists" in again.stderr and "--force" in again.stderr
    forced = run(article, "--out", tmp_path, "--id", "same", "--force")
    assert forced.returncode == 0, forced.stderr


def test_refuses_when_the_news_file_exists(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "same.yaml").write_text("id: same\n", encoding="utf-8")
    draft = build_draft((FIXTURES / "no_date.txt").read_text(encoding="utf-8"), "no_date.txt", article_id="same")
    with pytest.raises(IngestError, match=r"news/same\.yaml already exists"):
        write_draft(draft, tmp_path / "drafts", news_dir=news)


BAD_INPUTS = [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b" \n\n\t\n", "is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("latin1.txt", "Kunashir in Japan’s view".encode("cp1252"), "not UTF-8"),
    ("chrome.txt", b"Podcasts\n0:00\n14:40\n", "no article text left"),
]


@pytest.mark.parametrize("name, content, message", BAD_INPUTS)
def test_bad_input_is_a_clear_error(name: str, content: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run(path, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, message", [
    (["missing.txt"], "no such file"),
    (["."], "is a directory"),
    (["{fixture}", "--date", "2022-02-30"], "not a real date"),
    (["{fixture}", "--id", "Not A Slug"], "is not a slug"),
    (["{fixture}", "--state-controlled", "--not-state-controlled"], "not allowed with"),
])
def test_bad_arguments_are_clear_errors(args: list[str], message: str, tmp_path: Path) -> None:
    result = run(*[a.format(fixture=FIXTURES / "no_date.txt") for a in args], "--out", tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_drafts_folder_is_gitignored() -> None:
    ignore = REPO / "content" / "drafts" / ".gitignore"
    assert ignore.read_text(encoding="utf-8").split() == ["*", "!.gitignore"]
