"""Content in Japanese and Russian: translations stored beside the English, checked, overlaid.

Layout (relative to the content root), one file per kind of content and language:

    translations/<lang>/islands.yaml   {island id: {field path: text}}
    translations/<lang>/history.yaml   {event id: {field path: text}}
    translations/<lang>/news.yaml      {article id: {field path: text}}
    translations/<lang>/tour.yaml      {stop id: {field path: text}}

A kind may be split over several files (``history.yaml``, ``history-2.yaml``, …):
they are read in name order and an item may appear in one of them only.

A field path names a text field inside the item: ``summary``, ``positions.japan``,
``russian_administration.settlements.0``, ``excerpts.<excerpt id>.correction.text``.
Which fields are translated is one table (TRANSLATABLE). An excerpt's ``text`` is
never replaced, since excerpts stay verbatim: its translation is shown beside it,
marked as a translation (Excerpt.translation).

``python -m content translations skeleton LANG`` writes the files for a language
with every missing path filled with the English text, for a translator to replace;
the check reports every path that is missing, empty, unknown or still English.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml
from pydantic import BaseModel

from content.load import CONTENT_DIR, Content, Problem
from content.models import (
    Article,
    Correction,
    Event,
    Excerpt,
    Figure,
    Island,
    JapaneseClaim,
    Positions,
    RussianAdministration,
    TourStop,
)

LANGUAGES: tuple[str, ...] = ("en", "ja", "ru")
TRANSLATED: tuple[str, ...] = ("ja", "ru")  # the languages with translation files
KINDS: tuple[str, ...] = ("islands", "history", "news", "tour")

# The text fields each model's translation replaces; everything else (ids, dates,
# names already given in each script, URLs, source titles) stays as it is.
TRANSLATABLE: dict[type[BaseModel], tuple[str, ...]] = {
    Island: ("summary",),
    Figure: ("unit", "according_to", "note"),
    RussianAdministration: ("federal_subject", "district", "settlements", "note"),
    JapaneseClaim: ("prefecture", "subprefecture", "note"),
    Event: ("title", "summary"),
    Positions: ("japan", "russia"),
    Article: ("state_control_note", "date_basis"),
    Excerpt: ("text", "speaker"),  # text → Excerpt.translation; the original stays
    Correction: ("text",),
    TourStop: ("title", "text", "question"),
}
Translations = dict[str, dict[str, dict[str, str]]]  # kind → item id → field path → text


def _walk(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Yield (field path, English text) for every translatable text inside a model."""
    wanted = TRANSLATABLE.get(type(model), ())
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            yield from _walk(value, f"{path}.")
        elif isinstance(value, (list, tuple)):
            for i, element in enumerate(value):
                if isinstance(element, BaseModel):
                    key = getattr(element, "id", None) or str(i)
                    yield from _walk(element, f"{path}.{key}.")
                elif name in wanted and isinstance(element, str):
                    yield f"{path}.{i}", element
        elif name in wanted and isinstance(value, str):
            yield path, value


def items(content: Content) -> Iterator[tuple[str, str, BaseModel]]:
    """Yield (kind, item id, model) for every item that has translatable text."""
    for island_id, island in content.islands.items():
        yield "islands", island_id, island
    for event in content.events:
        yield "history", event.id, event
    for article in content.articles:
        yield "news", article.id, article
    for stop in content.tour:
        yield "tour", stop.id, stop


def source_texts(content: Content) -> Translations:
    """Return every translatable English text: kind → item id → field path → text."""
    texts: Translations = {kind: {} for kind in KINDS}
    for kind, item_id, model in items(content):
        paths = dict(_walk(model))
        if paths:
            texts[kind][item_id] = paths
    return texts


def _file(root: Path, lang: str, kind: str) -> Path:
    return root / "translations" / lang / f"{kind}.yaml"


def _files(root: Path, lang: str, kind: str) -> list[Path]:
    folder = root / "translations" / lang
    return sorted(p for p in folder.glob(f"{kind}*.yaml") if p.stem == kind or p.stem.startswith(f"{kind}-"))


def read_translations(root: Path, lang: str, problems: list[Problem],
                      origins: dict[tuple[str, str], str] | None = None) -> Translations:
    """Read a language's translation files; a malformed file is a problem, never an exception.

    `origins`, if given, receives the file each item was read from: (kind, item id) → path.
    """
    found: Translations = {kind: {} for kind in KINDS}
    for kind in KINDS:
        paths = _files(root, lang, kind)
        if not paths:
            rel = _file(root, lang, kind).relative_to(root).as_posix()
            problems.append(Problem(rel, "(file)", f"missing: the {lang} translation of the {kind}"))
        for path in paths:
            rel = path.relative_to(root).as_posix()
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as exc:
                problems.append(Problem(rel, "(file)", f"cannot be read: {exc}".splitlines()[0]))
                continue
            if not isinstance(data, dict):
                problems.append(Problem(rel, "(file)", "must map item ids to {field path: text}"))
                continue
            for item_id, fields in data.items():
                if not isinstance(fields, dict):
                    problems.append(Problem(rel, str(item_id), "must map field paths to text"))
                elif str(item_id) in found[kind]:
                    problems.append(Problem(rel, str(item_id), "translated in another file as well"))
                else:
                    found[kind][str(item_id)] = {str(k): v for k, v in fields.items()}
                    if origins is not None:
                        origins[(kind, str(item_id))] = rel
    return found


def check_translations(content: Content, root: Path = CONTENT_DIR,
                       languages: tuple[str, ...] = TRANSLATED) -> list[Problem]:
    """Return every missing, empty, unknown or untranslated text, as file: field: reason."""
    problems: list[Problem] = []
    for island_id, island in content.islands.items():
        if "ja" in languages and not island.names.ja.russian:
            problems.append(Problem(f"islands/{island_id}.yaml", "names.ja.russian",
                                    "missing: the Russian name in Japanese script, for the neutral atlas"))
        if "ru" in languages and not island.names.ru.japanese:
            problems.append(Problem(f"islands/{island_id}.yaml", "names.ru.japanese",
                                    "missing: the Japanese name in Cyrillic, for the neutral atlas"))
    english = source_texts(content)
    for lang in languages:
        origins: dict[tuple[str, str], str] = {}
        given = read_translations(root, lang, problems, origins)
        for kind in KINDS:
            files = _files(root, lang, kind)
            if not files:
                continue
            for item_id, paths in english[kind].items():
                have = given[kind].get(item_id, {})
                rel = origins.get((kind, item_id), files[-1].relative_to(root).as_posix())
                for path, text in paths.items():
                    value = have.get(path)
                    if value is None:
                        problems.append(Problem(rel, f"{item_id}.{path}", "missing translation"))
                    elif not isinstance(value, str) or not value.strip():
                        problems.append(Problem(rel, f"{item_id}.{path}", "empty translation"))
                    elif (value.strip() == text.strip() and len(text.strip()) > 3
                          and any(c.isascii() and c.isalpha() for c in text)):  # "km²" may stay
                        problems.append(Problem(rel, f"{item_id}.{path}", "not translated (same as the English)"))
            for item_id, paths in given[kind].items():
                for path in paths:
                    if path not in english[kind].get(item_id, {}):
                        problems.append(Problem(origins[(kind, item_id)], f"{item_id}.{path}",
                                                "no such text in the English content"))
    return problems


def _overlay(model: BaseModel, texts: Mapping[str, str], prefix: str = "") -> BaseModel:
    """Return a copy of a model with its translatable texts replaced from `texts`."""
    wanted = TRANSLATABLE.get(type(model), ())
    update: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            new = _overlay(value, texts, f"{path}.")
            if new is not value:
                update[name] = new
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            new_list = [_overlay(e, texts, f"{path}.{getattr(e, 'id', None) or i}.") for i, e in enumerate(value)]
            if any(a is not b for a, b in zip(new_list, value)):
                update[name] = new_list
        elif isinstance(value, list) and name in wanted:
            new_strings = [texts.get(f"{path}.{i}", s) for i, s in enumerate(value)]
            if new_strings != value:
                update[name] = new_strings
        elif name in wanted and isinstance(value, str) and path in texts:
            if isinstance(model, Excerpt) and name == "text":
                update["translation"] = texts[path]  # the verbatim text stays
            else:
                update[name] = texts[path]
    return model.model_copy(update=update) if update else model


def localize(content: Content, lang: str, root: Path = CONTENT_DIR) -> Content:
    """Return the content in a language; English is returned as it is.

    A text with no translation stays English (the check reports it), so a gap
    never loses content.
    """
    if lang == "en":
        return content
    if lang not in TRANSLATED:
        raise ValueError(f"unknown language '{lang}': one of {', '.join(LANGUAGES)}")
    given = read_translations(root, lang, [])

    def tr(kind: str, item_id: str, model):
        texts = given[kind].get(item_id)
        return _overlay(model, texts) if texts else model

    return replace(
        content,
        islands={i: tr("islands", i, island) for i, island in content.islands.items()},
        events=tuple(tr("history", e.id, e) for e in content.events),
        articles=tuple(tr("news", a.id, a) for a in content.articles),
        tour=tuple(tr("tour", s.id, s) for s in content.tour),
    )


def write_skeleton(content: Content, root: Path, lang: str) -> list[Path]:
    """Write (or complete) a language's files: every missing path gets the English text to replace."""
    english = source_texts(content)
    given = read_translations(root, lang, [])
    written = []
    for kind in KINDS:
        merged: dict[str, dict[str, str]] = {}
        for item_id, paths in english[kind].items():
            have = given[kind].get(item_id, {})
            merged[item_id] = {p: have.get(p, text) for p, text in paths.items()}
        path = _file(root, lang, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        header = (f"# {lang} translation of the {kind}: item id -> field path -> text (content/translations.py).\n"
                  "# Replace every English text; the content check reports what is missing or still English.\n")
        path.write_text(header + yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=100),
                        encoding="utf-8")
        written.append(path)
    return written
