"""An ingested article, once reviewed and moved into content/news, passes the content check."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from content.ingest.__main__ import main
from content.load import CONTENT_DIR, DEFAULT_SEEDS_DIR, ContentError, load_content
from tests.unit.ingest_support import ARTICLES, CRAB, FIXTURES, HAS_SEEDS, SHARED_SEEDS


def review(draft: Path, **fields) -> dict:
    """Do what the editor does: fill the fields the text could not give."""
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    data.update(fields)
    return data


def content_copy(tmp_path: Path, with_news: bool = True) -> Path:
    """Copy the content files (without the news articles if with_news is false) to tmp_path."""
    root = tmp_path / "content"
    ignore = ("*.py", "__pycache__", "ingest", "drafts") + (() if with_news else ("news",))
    shutil.copytree(CONTENT_DIR, root, ignore=shutil.ignore_patterns(*ignore))
    return root


def ingest(*argv: str) -> Path:
    """Run the command; return the draft path it prints."""
    printed, progress = io.StringIO(), io.StringIO()
    assert main(list(argv), out=printed, err=progress) == 0, progress.getvalue()
    return Path(printed.getvalue().strip().splitlines()[-1])


def test_a_new_article_passes_the_check_once_reviewed(tmp_path):
    out = tmp_path / "drafts"
    draft = ingest(str(FIXTURES / "japanese_names.txt"), "--out", str(out), "--date", "2024-05-01",
                   "--outlet", "Example Daily", "--not-state-controlled")
    text = draft.read_text(encoding="utf-8")
    assert "seed:" not in [line.split(" ")[0] for line in text.splitlines()]  # not a shared seed
    root = content_copy(tmp_path)
    data = review(draft)
    (root / "news" / f"{data['id']}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    content = load_content(root)
    article = next(a for a in content.articles if a.id == data["id"])
    body = (out / f"{data['id']}.body.txt").read_text(encoding="utf-8")
    assert article.excerpts and all(" ".join(e.text.split()) in " ".join(body.split()) for e in article.excerpts)


# The seed directory that exists, an article in it and the options the editor passes: the shared
# seeds where they exist (CI), else the test articles, laid out the same way.
SEED_CASE = (SHARED_SEEDS, "004_5d2fa7a8e6755306.txt", ("--date", "2022-03-22")) if HAS_SEEDS else (
    ARTICLES, CRAB,
    ("--date", "2023-09-15", "--outlet", "Harbour Gazette", "--not-state-controlled"))


@pytest.mark.parametrize("seeds, name, options", [SEED_CASE], ids=lambda v: v.name if isinstance(v, Path) else None)
def test_a_seed_article_keeps_its_seed_and_passes_the_verbatim_check(tmp_path, seeds, name, options):
    draft = ingest(str(seeds / name), "--out", str(tmp_path / "drafts"), "--id", "review-test", *options)
    data = review(draft)
    if seeds == DEFAULT_SEEDS_DIR:
        assert data["seed"] == name  # the draft names a shared seed itself
    else:
        assert "seed" not in data
        data["seed"] = name  # the editor names the article the excerpts quote
    root = content_copy(tmp_path, with_news=False)
    news = root / "news" / "review-test.yaml"
    news.parent.mkdir()
    news.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    content = load_content(root, seeds)
    assert [a.id for a in content.articles] == ["review-test"]
    assert (content.seeds.verified, content.seeds.unverified) == (len(data["excerpts"]), ())
    # An excerpt that no longer quotes its article is caught by the same check.
    data["excerpts"][-1]["text"] += " (altered)"
    news.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    last = len(data["excerpts"]) - 1
    with pytest.raises(ContentError, match=rf"excerpts\[{last}\]\.text: text is not found verbatim"):
        load_content(root, seeds)
