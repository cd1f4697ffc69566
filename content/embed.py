"""Embed code for a view of the map: an <iframe> on the static edition's embed page, and its credit line.

The embed page takes the app's own link parameters (island, year, date,
perspective), so the URL of a view is the same words in the app and in the
static edition, and stays stable as long as the parameters do.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from content.i18n import N_, _
from content.viewstate import ViewState

# Where the static edition lives when FOUR_ISLANDS_STATIC_URL does not say: a
# path on the embedding site's own host, for a newsroom that publishes the site there.
DEFAULT_STATIC_URL = "/four-islands/"
EMBED_PAGE = "embed.html"
EMBED_WIDTH = "100%"
EMBED_MAX_WIDTH_PX = 960
EMBED_HEIGHT_PX = 560  # the legend, the title line and the four islands fit at 320 px wide and up
CREDIT = "Map: Four Islands atlas · coastlines GSHHG 2.3.6 (LGPL-3.0) · Leaflet"
N_("Map: Four Islands atlas")  # the credit's first part, translated in the snippet


def embed_query(island: str | None, year: int | None, perspective: str, date: str | None = None) -> str:
    """Return the query string of a view, in the app's link parameters ('island=iturup&year=1956')."""
    return urlencode(ViewState(island=island, year=year, date=date, perspective=perspective).to_query())


def embed_url(base: str, query: str) -> str:
    """Return the embed page's URL under the static edition's base URL."""
    url = base.rstrip("/") + "/" + EMBED_PAGE
    return f"{url}?{query}" if query else url


def embed_snippet(base: str, query: str, title: str) -> str:
    """Return the HTML to paste into a story: the <iframe> and a credit line linking to the atlas."""
    atlas = base.rstrip("/") + "/index.html" + (f"?{query}" if query else "")
    return (
        f'<iframe src="{escape(embed_url(base, query))}" title="{escape(title)}" '
        f'width="{EMBED_WIDTH}" height="{EMBED_HEIGHT_PX}" '
        f'style="border:0;max-width:{EMBED_MAX_WIDTH_PX}px" loading="lazy"></iframe>\n'
        f'<p style="font-size:12px;color:#555">{escape(_(CREDIT.split(" · ", 1)[0]))} '
        f'(<a href="{escape(atlas)}">{escape(_("open the full atlas"))}</a>) · {escape(CREDIT.split(" · ", 1)[1])}</p>'
    )
