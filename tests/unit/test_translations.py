"""Content translations: every English text has its Japanese and Russian, checked and overlaid."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from content.load import CONTENT_DIR, load_content
from content.translations import KINDS, check_translations, localize, read_translations, source_texts, write_skeleton

CONTENT = load_content()


@pytest.fixture
def root(tmp_path) -> Path:
    """A content root with the real content and a Japanese skeleton to edit."""
    dest = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, dest, ignore=shutil.ignore_patterns("*.py", "__pycache__", "translations"))
    write_skeleton(CONTENT, dest, "ja")
    return dest


def edit(root: Path, kind: str, change) -> None:
    path = root / "translations" / "ja" / f"{kind}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_every_item_kind_has_texts_to_translate():
    texts = source_texts(CONTENT)
    assert set(texts) == set(KINDS)
    assert "summary" in texts["islands"]["iturup"] and "summary" in texts["history"][CONTENT.events[0].id]
    assert all("title" in texts["tour"][s.id] and "question" in texts["tour"][s.id] for s in CONTENT.tour)


def test_a_skeleton_is_reported_as_untranslated_with_file_and_field(root):
    problems = check_translations(CONTENT, root, ("ja",))
    event = CONTENT.events[0].id
    assert any(p.file == "translations/ja/history.yaml" and p.field == f"{event}.summary"
               and "not translated" in p.reason for p in problems)
    assert any(p.file == "translations/ru/islands.yaml" and "missing" in p.reason
               for p in check_translations(CONTENT, root, ("ru",)))


@pytest.mark.parametrize("change, field, reason", [
    (lambda d: d["iturup"].pop("summary"), "iturup.summary", "missing translation"),
    (lambda d: d["iturup"].update(summary="  "), "iturup.summary", "empty translation"),
    (lambda d: d["iturup"].update({"summry": "択捉島"}), "iturup.summry", "no such text"),
])
def test_a_bad_translation_names_file_field_and_reason(root, change, field, reason):
    edit(root, "islands", change)
    problems = [p for p in check_translations(CONTENT, root, ("ja",)) if p.field == field]
    assert problems and reason in problems[0].reason and problems[0].file == "translations/ja/islands.yaml"


def test_a_broken_file_is_a_problem_not_an_exception(root):
    (root / "translations" / "ja" / "tour.yaml").write_text("- [unclosed", encoding="utf-8")
    problems = []
    read_translations(root, "ja", problems)
    assert problems and problems[0].file == "translations/ja/tour.yaml" and problems[0].field == "(file)"


def test_localize_replaces_texts_and_keeps_excerpts_verbatim(root):
    article = CONTENT.articles[0]
    excerpt = article.excerpts[0]
    edit(root, "islands", lambda d: d["iturup"].update(summary="択捉島の要約"))
    edit(root, "news", lambda d: d[article.id].update({f"excerpts.{excerpt.id}.text": "訳文"}))
    ja = localize(CONTENT, "ja", root)
    assert ja.islands["iturup"].summary == "択捉島の要約"
    shown = next(x for x in ja.articles[0].excerpts if x.id == excerpt.id)
    assert shown.text == excerpt.text and shown.translation == "訳文"
    assert CONTENT.islands["iturup"].summary != "択捉島の要約"  # the English content is untouched
    assert localize(CONTENT, "en") is CONTENT
    with pytest.raises(ValueError, match="unknown language"):
        localize(CONTENT, "fr", root)


def test_list_texts_translate_by_index(root):
    edit(root, "islands", lambda d: d["iturup"].update({"russian_administration.settlements.0": "クリリスク"}))
    ja = localize(CONTENT, "ja", root)
    assert ja.islands["iturup"].russian_administration.settlements[0] == "クリリスク"
