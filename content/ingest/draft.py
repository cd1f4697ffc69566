"""Writing the draft: an Article-shaped YAML with `# REVIEW:` comments, and the cleaned body.

A field the text could not give is left out (so the content check names it) and a
`# REVIEW:` comment says what to add; no plausible value is ever invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from content.load import DEFAULT_SEEDS_DIR

from content.ingest.clean import Cleaned, Removal, clean_text
from content.ingest.detect import Found, detect_agency, detect_date, detect_outlet
from content.ingest.excerpts import Proposal, propose_excerpts, slugify
from content.ingest.islands import detect_islands
from content.ingest.read import IngestError

CONTENT_DIR = Path(__file__).resolve().parent.parent
DRAFTS_DIR = CONTENT_DIR / "drafts"
NEWS_DIR = CONTENT_DIR / "news"
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ID_HEADLINE_WORDS = 4
CHROME_RULES = frozenset({"icon sprite", "image", "site header", "glued teaser", "glued appeal",
                          "share appeal", "newsletter appeal", "link list", "photo caption"})
CREDIT_RULES = frozenset({"contributor credit", "photo caption"})


@dataclass(frozen=True)
class Draft:
    """Everything the ingest found in one article, ready to be written for review."""

    id: str
    seed: str
    url: str | None
    outlet: Found
    state_controlled: Found
    headline: Found
    date: Found
    date_hints: list[str]
    agency: Found
    photo_credit: str | None
    excerpts: list[Proposal]
    islands: list[str]
    cleaned: Cleaned


def _texts(removals: tuple[Removal, ...], rules: frozenset[str]) -> list[str]:
    return [r.text for r in removals if r.rule in rules]


def default_id(outlet: str | None, date: str | None, headline: str | None, seed: str) -> str:
    """Make an article id from outlet, date and headline words, else from the seed's name."""
    tail = slugify(headline, ID_HEADLINE_WORDS) if headline else re.sub(r"[^a-z0-9_-]+", "-", Path(seed).stem.lower())
    parts = [slugify(outlet, 3) if outlet else "", date or "", tail or "article"]
    return "-".join(p for p in parts if p)[:80].strip("-")


def existing_excerpt_ids(news_dir: Path = NEWS_DIR) -> set[str]:
    """Collect the excerpt ids already used in content/news, so a draft does not reuse one."""
    ids: set[str] = set()
    for path in sorted(news_dir.glob("*.yaml")) if news_dir.is_dir() else []:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # the content check reports a broken file; here it only costs a collision check
        excerpts = data.get("excerpts") if isinstance(data, dict) else None
        for excerpt in excerpts if isinstance(excerpts, list) else []:
            if isinstance(excerpt, dict) and isinstance(excerpt.get("id"), str):
                ids.add(excerpt["id"])
    return ids


def build_draft(raw: str, seed: str, *, url: str | None = None, outlet: str | None = None,
                date: str | None = None, headline: str | None = None, article_id: str | None = None,
                state_controlled: bool | None = None, taken_ids: set[str] = frozenset()) -> Draft:
    """Clean an article's text and detect everything the draft holds."""
    cleaned = clean_text(raw)
    if not cleaned.paragraphs:
        raise IngestError(f"{seed}: no article text left after removing page furniture")
    outlet_found, state_found = detect_outlet(_texts(cleaned.removals, CHROME_RULES), url, outlet, state_controlled)
    date_found, hints = detect_date([r.text for r in cleaned.removed("dateline")], cleaned.body, date)
    if headline:
        headline_found = Found(headline, "given on the command line")
    elif cleaned.headline:
        repeated = len(cleaned.removed("headline")) > 1
        headline_found = Found(cleaned.headline, "line repeated at the top of the page" if repeated
                               else "first title-like line at the top of the page")
    else:
        headline_found = Found(None)
    agency = detect_agency(_texts(cleaned.removals, CREDIT_RULES - {"photo caption"}), cleaned.body)
    captions = cleaned.removed("photo caption")
    photo_credit = captions[0].text.rsplit(maxsplit=1)[-1] if captions else None
    if article_id is None:
        article_id = default_id(outlet_found.value, date_found.value, headline_found.value, seed)  # type: ignore[arg-type]
    if not SLUG.match(article_id) or len(article_id) > 80:
        raise IngestError(f"id '{article_id}' is not a slug (lower-case letters, digits, '-' and '_', at most 80)")
    excerpts = propose_excerpts(cleaned.paragraphs, set(taken_ids))
    islands = detect_islands(" ".join(e.text for e in excerpts))
    return Draft(article_id, seed, url, outlet_found, state_found, headline_found, date_found, hints,
                 agency, photo_credit, excerpts, islands, cleaned)


def _scalar(value: object) -> str:
    """Render one YAML scalar on one line, quoted where YAML would misread it."""
    text = yaml.safe_dump(value, allow_unicode=True, width=10**9, default_flow_style=True)
    return text.removesuffix("\n...\n").removesuffix("\n")


def _field(lines: list[str], key: str, found: Found, missing: str, indent: str = "") -> None:
    if found.value is None:
        lines.append(f"{indent}# REVIEW: {key}: {missing}")
        return
    lines.append(f"{indent}{key}: {_scalar(found.value)}")


def render_draft(draft: Draft) -> str:
    """Render the draft as Article-shaped YAML with review comments."""
    counts = draft.cleaned.counts()
    lines = [
        f"# DRAFT written by `python -m content.ingest` from {draft.seed}.",
        "# Drafts are never loaded by `python -m content check`. Review every field and excerpt,",
        f"# settle each `# REVIEW:` line, then move this file to content/news/{draft.id}.yaml.",
        f"# Cleaned body: {draft.id}.body.txt ({sum(counts.values())} input lines removed: "
        + ", ".join(f"{rule} {n}" for rule, n in counts.most_common()) + ").",
        f"id: {_scalar(draft.id)}",
    ]
    if (DEFAULT_SEEDS_DIR / draft.seed).is_file():
        lines.append(f"seed: {_scalar(draft.seed)}")
    else:
        # The content check quotes against shared/seeds only; an article from elsewhere
        # was checked against its cleaned body here, and the project keeps no whole article.
        lines.append(f"# seed: none. {draft.seed} is not one of the shared seed articles; every excerpt "
                     f"below is verbatim from {draft.id}.body.txt (checked when this draft was written).")
    if draft.outlet.basis:
        lines.append(f"# outlet: {draft.outlet.basis}")
    _field(lines, "outlet", draft.outlet, "not found in the page; add `outlet: <name>` (or pass --outlet)")
    if draft.state_controlled.value is None:
        lines.append("# REVIEW: state_controlled: unknown for this outlet; add `state_controlled: true` or"
                     " `false` (or pass --state-controlled / --not-state-controlled)")
    else:
        lines.append(f"# state_controlled: {draft.state_controlled.basis}")
        lines.append(f"state_controlled: {_scalar(draft.state_controlled.value)}")
        if draft.state_controlled.value:
            lines.append("# REVIEW: add `state_control_note:` (who controls the outlet) and its source id under `sources:`")
    if draft.headline.basis:
        lines.append(f"# headline: {draft.headline.basis}")
    _field(lines, "headline", draft.headline, "the page has no headline line; add `headline: <text>` (or pass --headline)")
    if draft.date.value is None:
        hint = f" The text mentions only: {', '.join(repr(h) for h in draft.date_hints)}." if draft.date_hints else ""
        lines.append("# REVIEW: date: no dateline in the text; add `date: YYYY-MM-DD` and `date_basis:` saying how"
                     f" it was established (or pass --date).{hint}")
    else:
        lines.append(f"date: {_scalar(draft.date.value)}")
        lines.append(f"date_basis: {_scalar(draft.date.basis)}")
    if draft.agency.value is not None:
        lines.append(f"# agency: {draft.agency.basis}")
        lines.append(f"agency: {_scalar(draft.agency.value)}")
    elif draft.photo_credit:
        lines.append(f"# REVIEW: agency: the text names none; the photo is credited to {draft.photo_credit}")
    if draft.url:
        lines.append(f"url: {_scalar(draft.url)}")
    if not draft.excerpts:
        lines.append("# REVIEW: excerpts: no paragraph names an island or the dispute; add at least one by hand")
        lines.append("excerpts: []")
        return "\n".join(lines) + "\n"
    lines.append(f"# islands named in the excerpts: {', '.join(draft.islands) or 'none'}")
    lines.append("excerpts:")
    for excerpt in draft.excerpts:
        lines.append(f"- id: {_scalar(excerpt.id)}")
        for note in excerpt.notes:
            lines.append(f"  # REVIEW: {note}")
        lines.append(f"  text: {_scalar(excerpt.text)}")
        if excerpt.speaker:
            lines.append(f"  speaker: {_scalar(excerpt.speaker)}")
        if excerpt.islands:
            lines.append(f"  islands: {_scalar(excerpt.islands)}")
        else:
            lines.append("  islands: []  # REVIEW: names no island; add the ids it concerns, if any")
    return "\n".join(lines) + "\n"


def draft_paths(out_dir: Path, article_id: str) -> tuple[Path, Path]:
    """Return the draft YAML path and the cleaned body path for an id."""
    return out_dir / f"{article_id}.yaml", out_dir / f"{article_id}.body.txt"


def write_draft(draft: Draft, out_dir: Path = DRAFTS_DIR, *, force: bool = False,
                news_dir: Path = NEWS_DIR) -> tuple[Path, Path]:
    """Write the draft and its cleaned body; refuse to overwrite a draft or a news file without force."""
    yaml_path, body_path = draft_paths(out_dir, draft.id)
    if not force:
        for path in (news_dir / f"{draft.id}.yaml", yaml_path, body_path):
            if path.exists():
                raise IngestError(f"{path} already exists; not overwriting it (pass --force to replace"
                                  " the draft, or --id to choose another id)", status=1)
    out_dir.mkdir(parents=True, exist_ok=True)
    if out_dir.resolve() == DRAFTS_DIR.resolve() and not (out_dir / ".gitignore").exists():
        (out_dir / ".gitignore").write_text("*\n!.gitignore\n", encoding="utf-8")
    yaml_path.write_text(render_draft(draft), encoding="utf-8")
    body_path.write_text(draft.cleaned.body, encoding="utf-8")
    return yaml_path, body_path
