"""Command line: `python -m geo.site export-site [OUT] [--base-url URL]` writes the static edition."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from content.load import ContentError, load_content
from geo.site.build import SiteError, export_site


def main(argv: list[str] | None = None) -> int:
    """Build the static edition; print its size and build time; exit 1 with the problems on bad content."""
    parser = argparse.ArgumentParser(prog="python -m geo.site", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export-site", help="write the static edition into OUT (default: site/)")
    export.add_argument("out", nargs="?", default="site", type=Path)
    export.add_argument("--base-url", default=None,
                        help="where the edition will be published, for the embed snippets "
                             "(default: $FOUR_ISLANDS_STATIC_URL, else /four-islands/)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        # FOUR_ISLANDS_CONTENT names another content root, as for the app.
        root = os.environ.get("FOUR_ISLANDS_CONTENT")
        content = load_content(Path(root)) if root else load_content()
    except ContentError as exc:
        print(f"The content files have problems; no site was written:\n{exc}", file=sys.stderr)
        return 1
    try:
        files = export_site(content, args.out, args.base_url, Path(root) if root else None)
    except SiteError as exc:
        print(f"No site was written: {exc}", file=sys.stderr)
        return 1
    total = sum(files.values())
    print(f"Wrote {len(files)} files, {total / 1e6:.1f} MB, to {args.out}/ in {time.perf_counter() - start:.1f} s. "
          f"Open {args.out}/index.html, or serve it: python -m http.server -d {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
