"""Known outlets and wire agencies: names, the marks that identify them, state control.

A mark is looked for in the page chrome the cleaner removed (site header, logo line,
teasers, appeals) and in the --url, never in the article body, where an outlet is
often only cited ("reported Russian state news agency TASS").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    """An outlet, the marks that identify it, and whether the state controls it."""

    name: str
    domains: tuple[str, ...]
    marks: tuple[str, ...]  # regexes, case-sensitive, matched in removed chrome
    state_controlled: bool | None  # None: not in this table's knowledge


OUTLETS: tuple[Outlet, ...] = (
    # RT's icon sprite ("icon bookmark-bicon bookmarkicon …") is the only mark an RT page
    # leaves when its dateline and body are copied: a one-off fingerprint.
    Outlet("RT", ("rt.com",), (r"\bAlso on rt\.com\b", r"\bbookmark-bicon\b"), True),
    Outlet("TASS", ("tass.com", "tass.ru"), (r"^TASS$",), True),
    Outlet("Sputnik", ("sputniknews.com", "sputnikglobe.com"), (r"\bSputnik\b",), True),
    Outlet("RIA Novosti", ("ria.ru",), (r"\bRIA Novosti\b",), True),
    Outlet("Xinhua", ("xinhuanet.com", "news.cn"), (r"\bXinhua\b",), True),
    Outlet("CGTN", ("cgtn.com",), (r"\bCGTN\b",), True),
    Outlet("The Independent", ("independent.co.uk",), (r"\bThe Independent\b",), False),
    Outlet("Phnom Penh Post", ("phnompenhpost.com",), (r"\bPhnom Penh Post\b",), False),
    Outlet("Tsarizm", ("tsarizm.com",), (r"\bTsarizm\b",), False),
    Outlet("The Japan Times", ("japantimes.co.jp",), (r"\bThe Japan Times\b",), False),
    Outlet("The Moscow Times", ("themoscowtimes.com",), (r"\bThe Moscow Times\b",), False),
    Outlet("Reuters", ("reuters.com",), (r"^Reuters$",), False),
    Outlet("Associated Press", ("apnews.com",), (r"^AP News$",), False),
)


@dataclass(frozen=True)
class Agency:
    """A wire agency and the credit lines or datelines that name it as the article's source."""

    name: str  # as the Article.agency field holds it: "AP", "AFP"
    marks: tuple[str, ...]


AGENCIES: tuple[Agency, ...] = (
    Agency("AP", (r"\bAssociated Press\b.*\bcontributed\b", r"\(AP\)\s*[—–-]", r"^By\b.*\bAssociated Press\b")),
    Agency("AFP", (r"\bAFP\b.*\bcontributed\b", r"\(AFP\)\s*[—–-]", r"^[—–-]\s*AFP\b", r"^By\b.*\bAFP\b")),
    Agency("Reuters", (r"\bReuters\b.*\bcontributed\b", r"\(Reuters\)\s*[—–-]", r"^By\b.*\bReuters\b")),
    Agency("Kyodo", (r"\bKyodo\b.*\bcontributed\b", r"\(Kyodo\)\s*[—–-]")),
    Agency("TASS", (r"\(TASS\)\s*[—–-]", r"/TASS/")),
)

# A bare agency name at the end of a caption credits the photo, not the text.
PHOTO_CREDITS: tuple[str, ...] = (
    "AFP", "AP", "Reuters", "EPA", "EPA-EFE", "Getty Images", "Sputnik", "TASS", "Kyodo",
    "Xinhua", "Bloomberg", "Jiji Press", "Yomiuri", "Shutterstock",
)


def match_outlet(texts: list[str], url: str | None = None) -> tuple[Outlet, str] | None:
    """Find the outlet a page comes from, and say why: by URL domain, then by marks in chrome."""
    if url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
        for outlet in OUTLETS:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet, f"URL domain {host}"
    for outlet in OUTLETS:
        for mark in outlet.marks:
            for text in texts:
                for line in text.splitlines():
                    if re.search(mark, line):
                        return outlet, f"page chrome: '{_clip(line)}'"
    return None


def match_agency(texts: list[str]) -> tuple[str, str] | None:
    """Find the wire agency a credit line or agency dateline names, and the line that says so."""
    for agency in AGENCIES:
        for mark in agency.marks:
            for text in texts:
                for line in text.splitlines():
                    if re.search(mark, line):
                        return agency.name, _clip(line)
    return None


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
