"""Open-data downloads of the content: events, excerpts and the bibliography.

Every function returns bytes that depend only on the content (no clock, no
randomness), so a download is the same file every time and a CDN can cache it.
Each file carries the licence and the atlas's citation where its format has
room for them: a "metadata" member in JSON, an @comment in BibTeX, an entry for
the atlas itself in CSL-JSON, and a README.txt beside the CSV inside a zip
(a comment row would break csv readers and spreadsheets).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any, Iterable

from content.load import Content, _source_refs
from content.models import Article, Event, Excerpt, Source, date_precision
from content.present import ATLAS, CONTROLLER_NAMES

ATLAS_VERSION = "0.1.0"  # as pyproject.toml's project version
ATLAS_ID = "four-islands-atlas"

LICENCE_LINES = (
    "Licence: events, summaries, corrections and the bibliography are the Four Islands authors' work "
    "under the MIT licence (LICENSE in the project).",
    "News excerpts are short verbatim quotations, each attributed to its outlet, date and speaker; "
    "the outlets keep their rights in them.",
    "Outlines and boundary lines are derived from GSHHG 2.3.6 (Wessel & Smith) and are distributed under "
    "the GNU LGPL-3.0 (geo/data/LICENSE-GSHHG.txt in the project).",
)

# Source kind -> CSL item type (CSL 1.0.2).
CSL_TYPES = {
    "treaty": "treaty",
    "official": "document",
    "statistics": "dataset",
    "dataset": "dataset",
    "scholarly": "book",
    "reference": "entry-encyclopedia",
    "news": "article-newspaper",
}
BIBTEX_TYPES = {"news": "article", "scholarly": "book"}  # everything else is @misc


def content_date(content: Content) -> dt.date:
    """Return the date the content stands at: the latest access date among the sources."""
    dates = [s.accessed for s in content.sources.values() if s.accessed]
    return max(dates) if dates else dt.date(2026, 1, 1)


def atlas_citation(content: Content) -> str:
    """Return how to cite the atlas and its data, dated by the content, not by the clock."""
    return (f"{ATLAS}, version {ATLAS_VERSION}, content as of {content_date(content).isoformat()}. "
            "The Four Islands authors.")


def metadata(content: Content, title: str, island: str | None = None) -> dict[str, Any]:
    """Return the metadata block every download carries: title, licence, citation, scope."""
    return {
        "title": title,
        "scope": f"island: {island}" if island else "all four islands",
        "licence": list(LICENCE_LINES),
        "cite_as": atlas_citation(content),
        "content_date": content_date(content).isoformat(),
    }


# --- slices -------------------------------------------------------------------


def events_of(content: Content, island: str | None = None) -> list[Event]:
    """Return every event, or the events tagged with one island, in date order."""
    return list(content.events) if island is None else content.events_for(island)


def excerpts_of(content: Content, island: str | None = None) -> list[tuple[Article, Excerpt]]:
    """Return every excerpt with its article, or those tagged with one island."""
    return content.excerpts() if island is None else content.excerpts_for(island)


def source_ids_of(content: Content, island: str | None = None) -> list[str]:
    """Return the ids of the sources behind a slice: the island's facts, its events and excerpts."""
    if island is None:
        return list(content.sources)
    ids: list[str] = [sid for _, sid in _source_refs(content.islands[island], "")]
    for event in events_of(content, island):
        ids += event.sources
    for article, excerpt in excerpts_of(content, island):
        ids += article.sources
        if excerpt.correction:
            ids += excerpt.correction.sources
    return sorted(set(ids))


def sources_of(content: Content, island: str | None = None) -> list[Source]:
    """Return the sources behind a slice, ordered by id."""
    return [content.sources[sid] for sid in source_ids_of(content, island)]


# --- events and excerpts --------------------------------------------------------

EVENT_COLUMNS = (
    "id", "date", "end_date", "date_precision", "title", "kind", "islands", "summary",
    "japan_position", "russia_position", "control_changes", "sources",
)
EXCERPT_COLUMNS = (
    "id", "article_id", "outlet", "agency", "state_controlled", "state_control_note", "headline",
    "date", "date_basis", "url", "speaker", "text", "islands", "events", "correction",
    "correction_sources", "article_sources",
)


def _join(values: Iterable[str]) -> str:
    return "; ".join(values)


def event_row(event: Event) -> dict[str, str]:
    """Flatten one event into a CSV row (lists joined with '; ')."""
    positions = event.positions
    return {
        "id": event.id,
        "date": event.date,
        "end_date": event.end_date or "",
        "date_precision": date_precision(event.date),
        "title": event.title,
        "kind": event.kind,
        "islands": _join(event.islands),
        "summary": event.summary,
        "japan_position": (positions.japan if positions else None) or "",
        "russia_position": (positions.russia if positions else None) or "",
        "control_changes": _join(f"{c.territory}: {CONTROLLER_NAMES[c.to]}" for c in event.control),
        "sources": _join(event.sources),
    }


def excerpt_row(article: Article, excerpt: Excerpt) -> dict[str, str]:
    """Flatten one excerpt with its article's outlet, date and labels into a CSV row."""
    return {
        "id": excerpt.id,
        "article_id": article.id,
        "outlet": article.outlet,
        "agency": article.agency or "",
        "state_controlled": "yes" if article.state_controlled else "no",
        "state_control_note": article.state_control_note or "",
        "headline": article.headline,
        "date": article.date,
        "date_basis": article.date_basis,
        "url": str(article.url) if article.url else "",
        "speaker": excerpt.speaker or "",
        "text": excerpt.text,
        "islands": _join(excerpt.islands),
        "events": _join(excerpt.events),
        "correction": excerpt.correction.text if excerpt.correction else "",
        "correction_sources": _join(excerpt.correction.sources) if excerpt.correction else "",
        "article_sources": _join(article.sources),
    }


def _excerpt_record(article: Article, excerpt: Excerpt) -> dict[str, Any]:
    record = excerpt_row(article, excerpt)
    record.update(
        state_controlled=article.state_controlled,
        islands=list(excerpt.islands), events=list(excerpt.events),
        article_sources=list(article.sources),
        correction=({"text": excerpt.correction.text, "sources": list(excerpt.correction.sources)}
                    if excerpt.correction else None),
    )
    for key in ("agency", "state_control_note", "url", "speaker"):
        record[key] = record[key] or None
    del record["correction_sources"]
    return record


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _csv(columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def events_json(content: Content, island: str | None = None) -> bytes:
    """Return the events as JSON: {"metadata": {...}, "events": [...]} (content models as stored)."""
    events = [e.model_dump(mode="json") for e in events_of(content, island)]
    return _json({"metadata": metadata(content, "Four Islands: events of the dispute", island), "events": events})


def events_csv(content: Content, island: str | None = None) -> bytes:
    """Return the events as CSV (UTF-8, header row, RFC 4180 quoting)."""
    return _csv(EVENT_COLUMNS, (event_row(e) for e in events_of(content, island)))


def excerpts_json(content: Content, island: str | None = None) -> bytes:
    """Return the news excerpts as JSON, each with outlet, date, speaker, state control and correction."""
    records = [_excerpt_record(a, x) for a, x in excerpts_of(content, island)]
    return _json({"metadata": metadata(content, "Four Islands: news excerpts", island), "excerpts": records})


def excerpts_csv(content: Content, island: str | None = None) -> bytes:
    """Return the news excerpts as CSV (UTF-8, header row, RFC 4180 quoting)."""
    return _csv(EXCERPT_COLUMNS, (excerpt_row(a, x) for a, x in excerpts_of(content, island)))


# --- bibliography ---------------------------------------------------------------


def _date_parts(value: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(p) for p in value.split("-")]]}


def _authors(source: Source) -> list[str]:
    return [a.strip() for a in source.author.split(";") if a.strip()] if source.author else []


def csl_item(source: Source) -> dict[str, Any]:
    """Return one source as a CSL-JSON item (the format Zotero and citeproc read)."""
    item: dict[str, Any] = {"id": source.id, "type": CSL_TYPES[source.kind], "title": source.title}
    authors = _authors(source)
    if authors:
        item["author"] = [{"literal": a} for a in authors]
    if source.publisher:
        item["publisher"] = source.publisher
        if source.kind == "news":
            item["container-title"] = source.publisher
    if source.date:
        item["issued"] = _date_parts(source.date)
    if source.url:
        item["URL"] = str(source.url)
    if source.accessed:
        item["accessed"] = _date_parts(source.accessed.isoformat())
    if source.note:
        item["note"] = source.note
    return item


def atlas_csl_item(content: Content) -> dict[str, Any]:
    """Return the atlas itself as a CSL-JSON dataset item, its note holding the licence."""
    when = content_date(content).isoformat()
    return {
        "id": ATLAS_ID, "type": "dataset", "title": ATLAS, "version": ATLAS_VERSION,
        "author": [{"literal": "The Four Islands authors"}], "issued": _date_parts(when),
        "note": " ".join(LICENCE_LINES),
    }


def csl_json(content: Content, island: str | None = None) -> bytes:
    """Return the bibliography as CSL-JSON: a list of items, the atlas's own entry first."""
    return _json([atlas_csl_item(content)] + [csl_item(s) for s in sources_of(content, island)])


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%",
    "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
}


def bibtex_escape(text: str) -> str:
    """Escape the characters BibTeX and LaTeX treat as markup; UTF-8 text passes through."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def _bibtex_url(url: str) -> str:
    # url is a verbatim field in biblatex: escape nothing, but braces would unbalance the entry.
    return url.replace("{", "%7B").replace("}", "%7D")


def bibtex_entry(source: Source) -> str:
    """Return one source as a BibTeX entry keyed by its id (biblatex fields url and urldate)."""
    fields: list[tuple[str, str]] = []
    authors = _authors(source)
    if authors:  # double braces: an organisation is one name, not "first last"
        fields.append(("author", " and ".join("{" + bibtex_escape(a) + "}" for a in authors)))
    fields.append(("title", "{" + bibtex_escape(source.title) + "}"))
    if source.publisher:
        fields.append(("journal" if source.kind == "news" else "publisher", bibtex_escape(source.publisher)))
    if source.date:
        parts = source.date.split("-")
        fields.append(("year", parts[0]))
        if len(parts) > 1:
            fields.append(("month", str(int(parts[1]))))
        fields.append(("date", source.date))
    if source.url:
        fields.append(("url", _bibtex_url(str(source.url))))
    if source.accessed:
        fields.append(("urldate", source.accessed.isoformat()))
    notes = [n for n in (source.note, f"Accessed {source.accessed.isoformat()}" if source.accessed else None) if n]
    if notes:
        fields.append(("note", bibtex_escape(". ".join(notes))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{BIBTEX_TYPES.get(source.kind, 'misc')}{{{source.id},\n{body}\n}}\n"


def bibtex(content: Content, island: str | None = None) -> bytes:
    """Return the bibliography as BibTeX, with the licence and citation in an @comment."""
    header = " ".join((f"{ATLAS}: bibliography" + (f" for {island}" if island else "") + ".",
                       "Cite as:", atlas_citation(content), *LICENCE_LINES))
    entries = [bibtex_entry(s) for s in sources_of(content, island)]
    return ("@comment{" + bibtex_escape(header) + "}\n\n" + "\n".join(entries)).encode("utf-8")


# --- README and zip -----------------------------------------------------------------


def readme(content: Content, title: str, files: dict[str, str], island: str | None = None) -> bytes:
    """Return a README.txt for a zip: what each file holds, the licence and the citation."""
    lines = [title, "=" * len(title), ""]
    lines += [f"Scope: {'island ' + island if island else 'all four islands'}", ""]
    lines += ["Files:"] + [f"  {name}: {what}" for name, what in files.items()] + [""]
    lines += ["CSV files are UTF-8 with a header row; list fields are joined with '; '.",
              "Source ids refer to the bibliography (four-islands-sources.json / .bib).", ""]
    lines += ["Cite as:", "  " + atlas_citation(content), "", *LICENCE_LINES, ""]
    return "\n".join(lines).encode("utf-8")


def zip_files(files: dict[str, bytes], when: dt.date) -> bytes:
    """Return a zip of the files in name order, every entry dated `when` (deterministic bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(when.year, when.month, when.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the host
            zf.writestr(info, files[name], compresslevel=9)
    return out.getvalue()


def csv_zip(content: Content, name: str, data: bytes, what: str, island: str | None = None) -> bytes:
    """Return a zip holding one CSV file and a README.txt with its licence and citation."""
    title = f"{ATLAS}: {what}"
    text = readme(content, title, {name: what, "README.txt": "this file"}, island)
    return zip_files({name: data, "README.txt": text}, content_date(content))
