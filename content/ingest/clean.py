"""Boilerplate removal: turn a web page copied as text into the article's body paragraphs.

The rules are data (the tables below) and generic: they name a kind of page furniture, not
a sentence from one page. Each removal is recorded with its rule, so that every input line is
either kept in the body or accounted for. A line is one paragraph, as a copied web page gives.

Rules, in the order they run:
  glued appeal        a reader appeal block ("Your support helps…" … "…makes all the
                      difference.") up to its closing sentence; text glued after it is kept
  glued teaser        a cross-link teaser ("Also on rt.com <headline>") up to the point where
                      the real sentence is glued on without a space ("disputeAlso")
  link list           a "Related articles" / "Most viewed" heading and its list of short
                      headlines, bylines, bullet and indented teaser lines
  player              a media player's label ("Podcasts") and its 0:00 / 14:40 timestamps
  icon sprite         a run of icon names from a site's SVG sprite
  image               logo, image alt text and image credit lines ("Image by …")
  photo caption       a sentence ending in a bare photo credit ("… on March 16. AFP")
  share appeal        "Share this story", "Think your friends would be interested?"
  newsletter appeal   "Subscribe to our … newsletter"
  contributor credit  "… contributed to this report" (kept as agency evidence, out of body)
  separator           "___", "***", "---"
  dateline            a line that is only the publication date (kept as date evidence)
  headline            every copy of the headline (kept as the headline)
  site header         short lines above the headline (site name, section)
  duplicate line      a line seen before
  related headline    a short Title Case line without end punctuation amid body paragraphs
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from content.ingest.dates import parse_dateline
from content.ingest.detect import find_headline
from content.ingest.outlets import PHOTO_CREDITS

# --- rule tables ------------------------------------------------------------------------

# Appeal blocks: (opening line, closing sentence). Text glued after the closing sentence
# (no space after its full stop) is the article's first sentence and is kept.
APPEAL_BLOCKS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"^(?:your|our) (?:support|donations?|contributions?) (?:helps?|keeps?|allows?|makes?)\b", re.I),
        re.compile(r"(?:your|every) (?:support|donation|contribution)s? (?:makes?|matters?)\b[^.!?]*[.!?]", re.I),
    ),
    (
        re.compile(r"^(?:support|fund) (?:our|independent|quality) journalism\b", re.I),
        re.compile(r"\b(?:thank you|donate now|support us)\b[^.!?]*[.!?]", re.I),
    ),
)
APPEAL_BLOCK_MAX_LINES = 10

# Cross-link teasers that open a line; the teaser headline runs to a glued sentence.
TEASER_OPENERS = re.compile(
    r"^(?:Also on [\w-]+(?:\.[\w-]+)+\s+|(?:Read more|Read also|See also|Related|Recommended)\s*:\s*)",
    re.I,
)
# A sentence glued on without a space: a lower-case letter or closing quote, then a capital.
GLUE_POINT = re.compile(r"(?<=[a-z’”'\"])(?=[A-Z][a-z])")

LIST_HEADINGS = re.compile(
    r"^(?:related(?: articles| stories| news| content| posts)?|most (?:viewed|read|popular|shared)"
    r"|trending(?: now| stories)?|popular(?: now| stories)?|recommended(?: for you| stories)?"
    r"|more (?:stories|news|from [\w ]+)|read (?:more|next)|you (?:may|might) also like"
    r"|editor'?s picks|top stories|latest news)\s*:?$",
    re.I,
)
LIST_ITEM_MAX_WORDS = 15
BULLET = re.compile(r"^\s*(?:[•·▪►*–-]|\d+[.)])\s+")

TIMESTAMP = re.compile(r"^\d{1,2}:\d{1,2}(?::\d{2})?$")
PLAYER_LABEL_MAX_WORDS = 2

LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("image", re.compile(
        r"^(?:logo of\b|content image\b|(?:image|photo|picture|illustration|graphic)s?"
        r"(?:\s+(?:by|credit|courtesy)\b|\s*:|\s+[-–|]\s))", re.I)),
    ("photo caption", re.compile(
        r"[.!?]\s+(?:Photo:?\s*|Picture:?\s*)?(?:" + "|".join(map(re.escape, PHOTO_CREDITS)) +
        r")(?:\s*/\s*[\w .-]+)?\.?$")),
    ("share appeal", re.compile(
        r"\bshare this (?:story|article|page|post)\b|\bfriends would be interested\b"
        r"|^share (?:on|via) (?:facebook|twitter|x|whatsapp|telegram)\b", re.I)),
    ("newsletter appeal", re.compile(
        r"\b(?:subscribe|sign up|signup)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(?:subscribe|sign up)\b"
        r"|подпис\w+ на (?:\w+ )*рассылк\w*", re.I)),
    ("contributor credit", re.compile(
        r"\bcontributed (?:reporting |to )?(?:to )?this (?:report|story|article)\b"
        r"|^(?:additional )?(?:reporting|writing|editing) by\b", re.I)),
    ("separator", re.compile(r"^[_\-–—*=~•.]{3,}$")),
)
ICON_SPRITE_MIN_ICONS = 5

SITE_HEADER_MAX_WORDS = 4
DUPLICATE_MIN_WORDS = 3
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 20
# Words a Title Case headline may leave in lower case.
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or per the to vs via with".split()
)
END_PUNCTUATION = tuple(".!?…:;”\"’»)")


# --- records ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Removal:
    """Text the cleaner took out of the page, the rule that took it, and its first line."""

    rule: str
    text: str
    line: int  # 1-based line number in the input


@dataclass(frozen=True)
class Cleaned:
    """The body paragraphs of a page, its headline, and every removal with its rule."""

    paragraphs: tuple[str, ...]
    removals: tuple[Removal, ...]
    headline: str | None

    @property
    def body(self) -> str:
        """Return the body as text: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs) + ("\n" if self.paragraphs else "")

    def removed(self, rule: str) -> list[Removal]:
        """List the removals one rule made."""
        return [r for r in self.removals if r.rule == rule]

    def counts(self) -> Counter[str]:
        """Count removed input lines per rule."""
        counts: Counter[str] = Counter()
        for removal in self.removals:
            counts[removal.rule] += max(1, len([ln for ln in removal.text.splitlines() if ln.strip()]))
        return counts


@dataclass
class _Line:
    text: str
    number: int
    rule: str | None = None  # the removal rule, None while the line is kept
    extra: list[Removal] = field(default_factory=list)


# --- helpers ----------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'.-]+", text)


def _has_end_punctuation(text: str) -> bool:
    return text.rstrip().endswith(END_PUNCTUATION)


def is_title_case(text: str) -> bool:
    """Say whether a line is written as a Title Case headline (every main word capitalised)."""
    words = [w for w in _words(text) if any(c.isalpha() for c in w)]
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS:
        return False
    main = [w for w in words if w.lower() not in SMALL_WORDS]
    return len(main) >= TITLE_MIN_WORDS and all(w[0].isupper() or w[0].isdigit() for w in main)


def _is_icon_sprite(text: str) -> bool:
    return sum(1 for w in text.split() if "icon" in w.lower()) >= ICON_SPRITE_MIN_ICONS


def _kept(lines: list[_Line]) -> list[_Line]:
    return [ln for ln in lines if ln.rule is None and ln.text.strip()]


# --- passes -----------------------------------------------------------------------------


def _split_glued(lines: list[_Line]) -> list[_Line]:
    """Cut appeal blocks and teasers out, keeping any real sentence glued to their end."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        for opener, closer in APPEAL_BLOCKS:
            if not opener.search(line.text.strip()):
                continue
            for j in range(i, min(i + APPEAL_BLOCK_MAX_LINES, len(lines))):
                close = closer.search(lines[j].text)
                if close:
                    block = "\n".join(ln.text for ln in lines[i:j]) + ("\n" if j > i else "")
                    block += lines[j].text[: close.end()]
                    rest = lines[j].text[close.end():]
                    out.append(_Line(block, line.number, "glued appeal"))
                    if rest.strip():
                        out.append(_Line(rest, lines[j].number))
                    i = j + 1
                    break
            else:
                continue
            break
        else:
            teaser = TEASER_OPENERS.match(line.text.strip())
            if teaser:
                text = line.text.strip()
                glue = GLUE_POINT.search(text, teaser.end())
                cut = glue.start() if glue else len(text)
                out.append(_Line(text[:cut], line.number, "glued teaser"))
                if text[cut:].strip():
                    out.append(_Line(text[cut:], line.number))
            else:
                out.append(line)
            i += 1
    return out


def _mark_blocks(lines: list[_Line]) -> None:
    """Mark link-list blocks and media-player residue."""
    for i, line in enumerate(lines):
        text = line.text.strip()
        if line.rule is not None or not text:
            continue
        if LIST_HEADINGS.match(text):
            line.rule = "link list"
            for item in lines[i + 1:]:
                body = item.text.strip()
                if item.rule is not None:
                    continue
                if (not body or BULLET.match(item.text) or item.text[:1].isspace()
                        or (len(body.split()) <= LIST_ITEM_MAX_WORDS and not _has_end_punctuation(body))):
                    if body:
                        item.rule = "link list"
                    continue
                break
        elif TIMESTAMP.match(text):
            line.rule = "player"
            before = [ln for ln in lines[:i] if ln.text.strip()]
            if before and before[-1].rule is None:
                label = before[-1].text.strip()
                if len(label.split()) <= PLAYER_LABEL_MAX_WORDS and not _has_end_punctuation(label):
                    before[-1].rule = "player"


def _mark_lines(lines: list[_Line]) -> None:
    """Mark single lines of chrome by the line rules, the icon sprite and the dateline."""
    for line in _kept(lines):
        text = line.text.strip()
        if _is_icon_sprite(text):
            line.rule = "icon sprite"
            continue
        if parse_dateline(text):
            line.rule = "dateline"
            continue
        for rule, pattern in LINE_RULES:
            if pattern.search(text):
                line.rule = rule
                break


def _mark_headline(lines: list[_Line], headline: str | None) -> None:
    """Mark every copy of the headline and the short site-header lines above the first."""
    if headline is None:
        return
    first = None
    for index, line in enumerate(lines):
        if line.rule is None and line.text.strip() == headline:
            line.rule = "headline"
            first = index if first is None else first
    if first is None:
        return
    for line in lines[:first]:
        text = line.text.strip()
        if (line.rule is None and text and len(text.split()) <= SITE_HEADER_MAX_WORDS
                and not _has_end_punctuation(text)):
            line.rule = "site header"


def _mark_duplicates(lines: list[_Line]) -> None:
    seen: set[str] = set()
    for line in _kept(lines):
        key = " ".join(line.text.split())
        if key in seen and len(key.split()) >= DUPLICATE_MIN_WORDS:
            line.rule = "duplicate line"
        seen.add(key)


def _mark_related_headlines(lines: list[_Line]) -> None:
    """Mark Title Case lines without end punctuation that stand between body paragraphs."""
    body_seen = False
    for line in _kept(lines):
        text = line.text.strip()
        if _has_end_punctuation(text) and len(text.split()) > TITLE_MAX_WORDS // 2:
            body_seen = True
        elif body_seen and not _has_end_punctuation(text) and is_title_case(text):
            line.rule = "related headline"


def clean_text(raw: str) -> Cleaned:
    """Split a copied web page into body paragraphs, headline and recorded removals."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [_Line(t.rstrip(), n) for n, t in enumerate(text.split("\n"), start=1)]
    lines = _split_glued(lines)
    _mark_blocks(lines)
    _mark_lines(lines)
    headline = find_headline([ln.text.strip() for ln in _kept(lines)])
    _mark_headline(lines, headline)
    _mark_duplicates(lines)
    _mark_related_headlines(lines)
    removals = tuple(
        Removal(ln.rule, ln.text.strip("\n"), ln.number) for ln in lines if ln.rule is not None
    )
    paragraphs = tuple(ln.text.strip() for ln in _kept(lines))
    return Cleaned(paragraphs, removals, headline)
