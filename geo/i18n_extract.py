"""A pybabel extractor that also finds `_("…")` inside f-strings, which Babel's Python extractor skips.

Used by babel-site.cfg (make i18n) for the exports, the handout and the static edition,
whose HTML is written with f-strings: it walks the module's syntax tree and yields
every call of a keyword function whose first argument is a string literal.
"""

from __future__ import annotations

import ast
from typing import IO, Any, Iterator


def extract(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple]:
    """Yield (line, function, message, comments) for each `_("…")` or `N_("…")`, in order of position."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in keywords
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.col_offset, node.func.id, node.args[0].value))
    for lineno, _col, name, message in sorted(found):
        yield lineno, name, message, []
