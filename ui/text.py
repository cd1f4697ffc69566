"""Escape content text for Streamlit's Markdown so it always shows as text."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these
# are the ones that start Markdown, HTML, LaTeX ($) or Streamlit directives (:).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&\"'=])")


# GFM turns bare URLs, www. names and e-mail addresses into links after escapes are
# resolved, so no escape stops it: an invisible word joiner (U+2060) breaks the pattern.
_AUTOLINK = re.compile(r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=ftp)(?=:)|(?<=www)(?=\.)|(?=@)")
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """Return text with every Markdown/HTML-significant character escaped; URLs stay plain text."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, str(text)))
    # A line break inside content must not start a heading, list or code block.
    return escaped.replace("\n", "  \n")


def link(text: object, url: object | None) -> str:
    """Return an escaped Markdown link, or the escaped text alone when there is no URL."""
    if not url:
        return md(text)
    # Parentheses would end a Markdown link early.
    target = str(url).replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{md(text)}]({target})"
