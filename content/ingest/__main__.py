"""Command line: `python -m content.ingest ARTICLE.txt [options]` writes a draft news file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence, TextIO

from content.ingest.draft import DRAFTS_DIR, NEWS_DIR, Draft, build_draft, existing_excerpt_ids, write_draft
from content.ingest.read import IngestError, read_article
from content.models import check_partial_date

PREVIEW_CHARS = 50


def _date(value: str) -> str:
    try:
        return check_partial_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser."""
    parser = argparse.ArgumentParser(
        prog="python -m content.ingest",
        description="Clean a news article copied from a web page and write a draft news file "
                    "(content/drafts/<id>.yaml plus the cleaned <id>.body.txt) for an editor to review "
                    "and move to content/news/. Prints the draft's path.",
    )
    parser.add_argument("article", type=Path, help="the article as copied from the web page, UTF-8 text")
    parser.add_argument("--url", help="the article's address (also used to recognise the outlet)")
    parser.add_argument("--outlet", help="the outlet's name, if the page does not show it")
    parser.add_argument("--date", type=_date, help="publication date, YYYY-MM-DD (or YYYY-MM, YYYY)")
    parser.add_argument("--headline", help="the headline, if the copied text lacks it")
    parser.add_argument("--id", dest="article_id", help="the article id (slug); default from outlet, date, headline")
    state = parser.add_mutually_exclusive_group()
    state.add_argument("--state-controlled", dest="state_controlled", action="store_true", default=None,
                       help="label the outlet state-controlled")
    state.add_argument("--not-state-controlled", dest="state_controlled", action="store_false",
                       help="label the outlet not state-controlled")
    parser.add_argument("--out", type=Path, default=DRAFTS_DIR, help=f"output folder (default {DRAFTS_DIR})")
    parser.add_argument("--force", action="store_true", help="overwrite an existing draft of the same id")
    return parser


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def report(draft: Draft, err: TextIO) -> None:
    """Print what was removed, what was found and the excerpts proposed."""
    cleaned = draft.cleaned
    counts = cleaned.counts()
    print(f"cleaned {draft.seed}: {len(cleaned.paragraphs)} body paragraphs kept, "
          f"{sum(counts.values())} lines removed", file=err)
    for rule, n in counts.most_common():
        blocks = cleaned.removed(rule)
        shown = "; ".join(f"'{_preview(b.text)}'" for b in blocks[:3])
        more = f" (+{len(blocks) - 3} more)" if len(blocks) > 3 else ""
        print(f"  removed {n:3d} line(s) by {rule}: {shown}{more}", file=err)
    for label, found in (("headline", draft.headline), ("outlet", draft.outlet),
                         ("state-controlled", draft.state_controlled), ("date", draft.date),
                         ("agency", draft.agency)):
        value = "NOT FOUND (REVIEW)" if found.value is None and label != "agency" else found.value
        basis = f" [{found.basis}]" if found.basis else ""
        print(f"  {label}: {value}{basis}", file=err)
    print(f"  excerpts proposed: {len(draft.excerpts)}; islands: {', '.join(draft.islands) or 'none'}", file=err)
    for excerpt in draft.excerpts:
        who = f" — {excerpt.speaker}" if excerpt.speaker else ""
        print(f"    {excerpt.id} [{', '.join(excerpt.islands) or '-'}]{who}", file=err)


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run the ingest; return the exit status (0 written, 1 would overwrite, 2 bad input)."""
    args = build_parser().parse_args(argv)
    try:
        raw = read_article(args.article)
        draft = build_draft(
            raw, args.article.name, url=args.url, outlet=args.outlet, date=args.date,
            headline=args.headline, article_id=args.article_id, state_controlled=args.state_controlled,
            taken_ids=existing_excerpt_ids(NEWS_DIR),
        )
        report(draft, err)
        yaml_path, body_path = write_draft(draft, args.out, force=args.force)
    except IngestError as exc:
        print(f"error: {exc}", file=err)
        return exc.status
    except OSError as exc:
        print(f"error: cannot write the draft: {exc}", file=err)
        return 1
    print(f"  wrote {body_path}", file=err)
    print(yaml_path, file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
