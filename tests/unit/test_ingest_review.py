"""An ingested article, once reviewed and moved into content/news, passes the content check."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from content.ingest.__main__ import main
from content.load import CONTENT_DIR, DEFAULT_SEEDS_DIR, load_content

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def review(draft: Path, **fields) -> dict:
    """Do what the editor does: fill the fields the text could not give."""
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    data.update(fields)
    return data


def content_copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__", "ingest", "drafts"))
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


@pytest.mark.skipif(not DEFAULT_SEEDS_DIR.is_dir(), reason="shared/seeds is not beside the repository")
def test_a_seed_article_keeps_its_seed_and_passes_the_verbatim_check(tmp_path):
    out = tmp_path / "drafts"
    seed = DEFAULT_SEEDS_DIR / "004_5d2fa7a8e6755306.txt"
    draft = ingest(str(seed), "--out", str(out), "--date", "2022-03-22", "--id", "ppp-review-test")
    data = review(draft)
    assert data["seed"] == seed.name
    root = content_copy(tmp_path)
    for excerpt in data["excerpts"]:
        excerpt["id"] = "review-" + excerpt["id"]
    (root / "news" / "ppp-review-test.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert any(a.id == "ppp-review-test" for a in load_content(root).articles)
