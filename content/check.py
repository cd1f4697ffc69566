"""`python -m content check`: validate every content file and report each problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence, TextIO

from content.load import CONTENT_DIR, DEFAULT_SEEDS_DIR, Content, ContentError, load_content


def build_parser() -> argparse.ArgumentParser:
    """Build the command-line parser for `python -m content`."""
    parser = argparse.ArgumentParser(prog="python -m content",
                                     description="Tools for the Four Islands content files.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate and cross-check every content file",
                                description="Validate and cross-check every content file; "
                                            "exit 1 and list each problem as 'file: field: reason'.")
    check.add_argument("--root", type=Path, default=CONTENT_DIR,
                       help="content directory to check (default: %(default)s)")
    check.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS_DIR,
                       help="directory of seed articles that excerpts must quote verbatim "
                            "(default: %(default)s; if it does not exist, a warning says how many "
                            "excerpts were not verified)")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 if any excerpt could not be checked against its seed article")
    return parser


def summarise(content: Content) -> str:
    """Return the one-line summary printed when every file is valid, naming any warnings."""
    warnings = len(content.seeds.warnings())
    status = f"OK with {warnings} warning{'s' * (warnings != 1)}" if warnings else "OK"
    return (f"{status}: {len(content.islands)} islands, {len(content.events)} events, "
            f"{len(content.articles)} articles, {content.excerpt_count} excerpts "
            f"({content.seeds.verified} verified in their seed articles), "
            f"{len(content.sources)} sources")


def run_check(root: Path, seeds: Path | None, out: TextIO, err: TextIO, strict: bool = False) -> int:
    """Check the content under root; print the summary, warnings or problems; return the exit code."""
    if not root.is_dir():
        print(f"{root}: (root): not a directory", file=err)
        return 1
    try:
        content = load_content(root, seeds)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=err)
        print(f"{len(exc.problems)} problem(s) found", file=err)
        return 1
    warnings = content.seeds.warnings()
    for warning in warnings:
        print(f"WARNING: {warning}", file=err)
    if strict and warnings:
        print(f"FAILED (--strict): {content.seeds.unverified_excerpts} of {content.excerpt_count} "
              f"excerpts were not verified against their seed articles", file=err)
        return 1
    print(summarise(content), file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return 0 if valid, 1 on problems (or, with --strict, warnings), 2 on usage errors."""
    args = build_parser().parse_args(argv)  # exits 2 on a usage error
    if args.command == "check":
        return run_check(args.root, args.seeds, sys.stdout, sys.stderr, args.strict)
    return 2  # pragma: no cover - argparse only accepts known commands
