"""Load and cross-check every content file into one typed, read-only Content.

Files (paths relative to the content root):
    islands/<id>.yaml   one Island each; the file name is the island id
    history/*.yaml      each a YAML list of Event
    news/<id>.yaml      one Article each; the file name is the article id
    sources/*.yaml      each a YAML list of Source; ids unique across all files
    tour.yaml           a YAML list of TourStop, in the order shown; optional

Every problem found in any file is collected, then raised together as one
ContentError whose lines read ``file: field: reason``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml
from pydantic import BaseModel, ValidationError

from content.models import (
    ISLAND_IDS,
    Article,
    Event,
    Excerpt,
    Figure,
    Island,
    Source,
    TourStop,
    date_sort_key,
)

CONTENT_DIR = Path(__file__).resolve().parent
REPO_DIR = CONTENT_DIR.parent
DEFAULT_SEEDS_DIR = (REPO_DIR / ".." / "shared" / "seeds").resolve()
TOUR_FILE = "tour.yaml"  # at the content root

# Kinds of event that can hand a territory from one administration to another.
CONTROL_KINDS: frozenset[str] = frozenset({"treaty", "military", "administrative"})

_WHITESPACE = re.compile(r"\s+")
_USE_DEFAULT = object()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of one content file."""

    file: str  # path relative to the content root, "/"-separated
    field: str  # dotted path: "excerpts[2].text", "[4].date", "line 7", "(file)"
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"


class ContentError(Exception):
    """Raised when content files fail to load; carries every Problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# Why excerpts could not be checked against a seed article.
NO_SEEDS_DIR, SEED_CHECK_OFF, NO_SEED = "no seeds directory", "seed check off", "no seed"


@dataclass(frozen=True)
class Unverified:
    """Excerpts of one article that could not be checked against a seed article, and why."""

    file: str  # the article's file, relative to the content root
    excerpts: int
    reason: str  # NO_SEEDS_DIR, SEED_CHECK_OFF or NO_SEED


@dataclass(frozen=True)
class SeedCheck:
    """What the verbatim check against the seed articles covered, and what it could not."""

    seeds_dir: Path | None  # the directory asked for; None when the check was turned off
    verified: int = 0  # excerpts found verbatim in their seed article
    unverified: tuple[Unverified, ...] = ()

    @property
    def unverified_excerpts(self) -> int:
        return sum(u.excerpts for u in self.unverified)

    @property
    def complete(self) -> bool:
        """Say whether every excerpt was checked against its seed."""
        return not self.unverified

    def warnings(self) -> list[str]:
        """Describe what was not verified: one line per reason, with counts and the remedy."""
        lines = []
        for reason, why in ((NO_SEEDS_DIR, f"{self.seeds_dir} not found (pass --seeds DIR)"),
                            (SEED_CHECK_OFF, "the seed check was turned off"),
                            (NO_SEED, "the article names no seed article (field 'seed')")):
            group = [u for u in self.unverified if u.reason == reason]
            if group:
                count, articles = sum(u.excerpts for u in group), len(group)
                lines.append(f"{count} excerpt{'s' * (count != 1)} in {articles} article{'s' * (articles != 1)} "
                             f"{'were' if count != 1 else 'was'} not checked against "
                             f"{'their seed articles' if count != 1 else 'its seed article'}: {why}")
        return lines


@dataclass(frozen=True)
class Content:
    """Everything under content/, validated and cross-checked, with lookups."""

    islands: dict[str, Island]  # ordered as ISLAND_IDS
    events: tuple[Event, ...]  # by date, then id
    articles: tuple[Article, ...]  # by date, then id
    sources: dict[str, Source]
    tour: tuple[TourStop, ...] = ()  # in file order; empty if there is no tour file
    seeds: SeedCheck = field(default_factory=lambda: SeedCheck(None), compare=False)
    _events_by_id: dict[str, Event] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_events_by_id", {e.id: e for e in self.events})

    def event(self, event_id: str) -> Event:
        """Return the event with this id; KeyError if there is none."""
        return self._events_by_id[event_id]

    def source(self, source_id: str) -> Source:
        """Return the source with this id; KeyError if there is none."""
        return self.sources[source_id]

    def events_for(self, island_id: str) -> list[Event]:
        """List the events tagged with an island, in date order."""
        return [e for e in self.events if island_id in e.islands]

    def excerpts(self) -> list[tuple[Article, Excerpt]]:
        """List every excerpt with its article, articles in date order."""
        return [(a, x) for a in self.articles for x in a.excerpts]

    def excerpts_for(self, island_id: str) -> list[tuple[Article, Excerpt]]:
        """List the excerpts tagged with an island, with their articles."""
        return [(a, x) for a, x in self.excerpts() if island_id in x.islands]

    def excerpts_for_event(self, event_id: str) -> list[tuple[Article, Excerpt]]:
        """List the excerpts linked to an event, with their articles."""
        return [(a, x) for a, x in self.excerpts() if event_id in x.events]

    @property
    def excerpt_count(self) -> int:
        return sum(len(a.excerpts) for a in self.articles)


# --- YAML -------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and rejects duplicate keys.

    Dates stay strings so that '1945', '1945-08' and '1945-08-28' all reach the
    PartialDate validator the same way, and a bad date such as 1945-13-01 is
    reported against its field instead of crashing the YAML parser.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    """Build a mapping, failing on a key that appears twice."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                f"duplicate key '{key}'", key_node.start_mark,
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path, rel: str, problems: list[Problem]) -> Any:
    """Parse one YAML file; on failure record a Problem with the line and return None."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(rel, "(file)", f"cannot read file: {exc}"))
        return None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}" if mark else "(file)"
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        problems.append(Problem(rel, where, f"YAML syntax error: {what}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, "(file)", f"YAML error: {exc}"))
    return None


# --- model validation ---------------------------------------------------------


def _path(prefix: str, loc: Iterable[Any]) -> str:
    """Join a pydantic error location to a dotted path: ('excerpts', 2, 'text') -> excerpts[2].text."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(root)"


def _reason(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        return "unknown field"
    message = error["msg"]
    return message.removeprefix("Value error, ")


def _validate(model: type[BaseModel], data: Any, rel: str, prefix: str,
              problems: list[Problem]) -> Any:
    """Validate data as model; record each error as a Problem and return None on failure."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            problems.append(Problem(rel, _path(prefix, error["loc"]), _reason(error)))
        return None


def _load_list(path: Path, rel: str, model: type[BaseModel], what: str,
               problems: list[Problem]) -> list[tuple[str, Any]]:
    """Load a file holding a YAML list of model; return (field prefix, item) pairs."""
    data = _read_yaml(path, rel, problems)
    if data is None:
        if path.exists() and not _problems_for(problems, rel):
            problems.append(Problem(rel, "(root)", f"file is empty; expected a list of {what}"))
        return []
    if not isinstance(data, list):
        problems.append(Problem(rel, "(root)", f"expected a list of {what}, found {type(data).__name__}"))
        return []
    items = []
    for i, entry in enumerate(data):
        item = _validate(model, entry, rel, f"[{i}]", problems)
        if item is not None:
            items.append((f"[{i}]", item))
    return items


def _load_one(path: Path, rel: str, model: type[BaseModel], what: str,
              problems: list[Problem]) -> Any:
    """Load a file holding one model whose id must equal the file name."""
    data = _read_yaml(path, rel, problems)
    if data is None:
        if not _problems_for(problems, rel):
            problems.append(Problem(rel, "(root)", f"file is empty; expected one {what}"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(rel, "(root)", f"expected one {what} (a mapping), found {type(data).__name__}"))
        return None
    item = _validate(model, data, rel, "", problems)
    if item is not None and item.id != path.stem:
        problems.append(Problem(rel, "id", f"id '{item.id}' does not match the file name '{path.name}'"))
    return item


def _problems_for(problems: list[Problem], rel: str) -> list[Problem]:
    """Return the problems already recorded against one file."""
    return [p for p in problems if p.file == rel]


def _yaml_files(root: Path, folder: str) -> list[Path]:
    directory = root / folder
    return sorted(directory.glob("*.yaml")) if directory.is_dir() else []


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


# --- cross-checks -------------------------------------------------------------


def _source_refs(model: BaseModel, prefix: str) -> Iterator[tuple[str, str]]:
    """Yield (field path, source id) for every source a model refers to, however deep."""
    if isinstance(model, Figure):
        yield _join(prefix, "source"), model.source
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = _join(prefix, name)
        if name == "sources" and isinstance(value, list):
            for i, source_id in enumerate(value):
                yield f"{here}[{i}]", source_id
        elif isinstance(value, BaseModel):
            yield from _source_refs(value, here)
        elif isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    yield from _source_refs(entry, f"{here}[{i}]")


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _normalise(text: str) -> str:
    """Collapse every run of whitespace to one space; leave quotes and dashes alone."""
    return _WHITESPACE.sub(" ", text).strip()


def _check_excerpts(article: Article, rel: str, seeds_dir: Path | None,
                    event_ids: set[str], excerpt_owner: dict[str, str],
                    seed_cache: dict[str, str | None], problems: list[Problem]) -> Unverified | None:
    """Check one article's excerpts: unique ids, known events, verbatim in the seed.

    Return what could not be checked against a seed (None if every excerpt was).
    """
    seed_text: str | None = None
    unverified = None
    if article.seed is None:
        unverified = NO_SEED
    elif seeds_dir is None:
        unverified = SEED_CHECK_OFF
    elif not seeds_dir.is_dir():
        unverified = NO_SEEDS_DIR
    else:
        if article.seed not in seed_cache:
            seed_path = seeds_dir / article.seed
            if seed_path.is_file():
                seed_cache[article.seed] = _normalise(seed_path.read_text(encoding="utf-8"))
            else:
                seed_cache[article.seed] = None
        seed_text = seed_cache[article.seed]
        if seed_text is None:
            problems.append(Problem(rel, "seed", f"seed file '{article.seed}' not found in {seeds_dir}"))
    for i, excerpt in enumerate(article.excerpts):
        here = f"excerpts[{i}]"
        owner = excerpt_owner.get(excerpt.id)
        if owner is not None:
            where = "this article" if owner == rel else owner
            problems.append(Problem(rel, f"{here}.id", f"duplicate excerpt id '{excerpt.id}' (first in {where})"))
        else:
            excerpt_owner[excerpt.id] = rel
        for j, event_id in enumerate(excerpt.events):
            if event_id not in event_ids:
                problems.append(Problem(rel, f"{here}.events[{j}]", f"unknown event id '{event_id}'"))
        if seed_text is not None and _normalise(excerpt.text) not in seed_text:
            problems.append(Problem(rel, f"{here}.text",
                                    f"text is not found verbatim in seed '{article.seed}'"))
    if unverified is None or not article.excerpts:
        return None
    return Unverified(rel, len(article.excerpts), unverified)


# --- entry points -------------------------------------------------------------

# What each content folder holds: (model, what it is called, one per file?).
FOLDERS: dict[str, tuple[type[BaseModel], str, bool]] = {
    "islands": (Island, "island", True),
    "history": (Event, "events", False),
    "news": (Article, "article", True),
    "sources": (Source, "sources", False),
}


def check_file(path: Path, root: Path = CONTENT_DIR) -> list[Problem]:
    """Validate one content file on its own (syntax, fields, file name); no cross-checks."""
    path = Path(path)
    rel = _rel(Path(root), path)
    if rel == TOUR_FILE:
        model, what, single = TourStop, "tour stops", False
    else:
        model, what, single = FOLDERS[path.parent.name]
    problems: list[Problem] = []
    if single:
        _load_one(path, rel, model, what, problems)
    else:
        _load_list(path, rel, model, what, problems)
    return problems



def load_content(root: Path = CONTENT_DIR, seeds_dir: Path | None | object = _USE_DEFAULT) -> Content:
    """Load, validate and cross-check every content file under root.

    seeds_dir holds the seed articles that excerpts must quote verbatim; by
    default ../shared/seeds next to the repository. When that directory does not
    exist (or seeds_dir is None) the verbatim check cannot run: the excerpts it
    did not verify are counted in Content.seeds, which says why.
    Raises ContentError listing every problem in every file.
    """
    root = Path(root)
    if seeds_dir is _USE_DEFAULT:
        seeds_dir = DEFAULT_SEEDS_DIR
    seeds = Path(seeds_dir) if seeds_dir is not None else None  # type: ignore[arg-type]
    problems: list[Problem] = []

    # Islands: one per file, all four present.
    islands: dict[str, tuple[str, Island]] = {}
    for path in _yaml_files(root, "islands"):
        rel = _rel(root, path)
        island = _load_one(path, rel, Island, "island", problems)
        if island is not None and island.id == path.stem:
            islands[island.id] = (rel, island)
    for island_id in ISLAND_IDS:
        if island_id not in islands and not _problems_for(problems, f"islands/{island_id}.yaml"):
            problems.append(Problem(f"islands/{island_id}.yaml", "(file)", "missing island file"))

    # Sources: lists, ids unique across files.
    sources: dict[str, Source] = {}
    source_owner: dict[str, str] = {}
    for path in _yaml_files(root, "sources"):
        rel = _rel(root, path)
        for prefix, source in _load_list(path, rel, Source, "sources", problems):
            if source.id in source_owner:
                problems.append(Problem(rel, f"{prefix}.id",
                                        f"duplicate source id '{source.id}' (first in {source_owner[source.id]})"))
                continue
            source_owner[source.id] = rel
            sources[source.id] = source

    # Events: lists, ids unique across files.
    events: list[tuple[str, str, Event]] = []
    event_owner: dict[str, str] = {}
    for path in _yaml_files(root, "history"):
        rel = _rel(root, path)
        for prefix, event in _load_list(path, rel, Event, "events", problems):
            if event.id in event_owner:
                problems.append(Problem(rel, f"{prefix}.id",
                                        f"duplicate event id '{event.id}' (first in {event_owner[event.id]})"))
                continue
            event_owner[event.id] = rel
            events.append((rel, prefix, event))

    # Articles: one per file.
    articles: list[tuple[str, Article]] = []
    for path in _yaml_files(root, "news"):
        rel = _rel(root, path)
        article = _load_one(path, rel, Article, "article", problems)
        if article is not None:
            articles.append((rel, article))

    # Tour: one optional list, kept in file order.
    tour: list[tuple[str, TourStop]] = []
    tour_path = root / TOUR_FILE
    if tour_path.exists():
        tour = _load_list(tour_path, TOUR_FILE, TourStop, "tour stops", problems)

    # Cross-checks.
    def check_sources(model: BaseModel, rel: str, prefix: str) -> None:
        for where, source_id in _source_refs(model, prefix):
            if source_id not in sources:
                problems.append(Problem(rel, where, f"unknown source id '{source_id}'"))

    for rel, island in islands.values():
        check_sources(island, rel, "")
    for rel, prefix, event in events:
        check_sources(event, rel, prefix)
        if event.control and event.kind not in CONTROL_KINDS:
            problems.append(Problem(rel, f"{prefix}.control",
                                    f"an event of kind '{event.kind}' cannot change control; "
                                    f"use one of {', '.join(sorted(CONTROL_KINDS))}"))
        if event.end_date is not None and date_sort_key(event.end_date) < date_sort_key(event.date):
            problems.append(Problem(rel, f"{prefix}.end_date",
                                    f"end date {event.end_date} is before the date {event.date}"))
    excerpt_owner: dict[str, str] = {}
    seed_cache: dict[str, str | None] = {}
    unverified: list[Unverified] = []
    for rel, article in articles:
        check_sources(article, rel, "")
        missed = _check_excerpts(article, rel, seeds, set(event_owner), excerpt_owner, seed_cache, problems)
        if missed is not None:
            unverified.append(missed)

    stop_at: dict[str, str] = {}
    for prefix, stop in tour:
        check_sources(stop, TOUR_FILE, prefix)
        if stop.id in stop_at:
            problems.append(Problem(TOUR_FILE, f"{prefix}.id",
                                    f"duplicate tour stop id '{stop.id}' (first at {stop_at[stop.id]})"))
        else:
            stop_at[stop.id] = prefix
        for j, event_id in enumerate(stop.events):
            if event_id not in event_owner:
                problems.append(Problem(TOUR_FILE, f"{prefix}.events[{j}]", f"unknown event id '{event_id}'"))
        if stop.date is not None and date_sort_key(stop.date)[0] != stop.year:
            problems.append(Problem(TOUR_FILE, f"{prefix}.date",
                                    f"date {stop.date} is not in the stop's year {stop.year}"))

    if problems:
        raise ContentError(problems)

    return Content(
        islands={i: islands[i][1] for i in ISLAND_IDS},
        events=tuple(sorted((e for _, _, e in events), key=lambda e: (date_sort_key(e.date), e.id))),
        articles=tuple(sorted((a for _, a in articles), key=lambda a: (date_sort_key(a.date), a.id))),
        sources=dict(sorted(sources.items())),
        tour=tuple(stop for _, stop in tour),
        seeds=SeedCheck(seeds, sum(len(a.excerpts) for _, a in articles) - sum(u.excerpts for u in unverified),
                        tuple(unverified)),
    )
