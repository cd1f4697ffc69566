"""Turn content models into the plain strings the pages show.

Everything here returns text, never markup: the Streamlit layer escapes it on
the way out. Kept apart from Streamlit so that it can be tested as plain Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_interval

from content.i18n import BABEL_LOCALES, N_, _, format_figure as format_localized_figure, format_partial_date, language
from content.models import Article, Event, Excerpt, Figure, Island, Source, date_precision

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

CONTROLLER_NAMES = {
    "japan": N_("Japan"),
    "russian_empire": N_("the Russian Empire"),
    "ussr": N_("the Soviet Union"),
    "russia": N_("the Russian Federation"),
    "shared": N_("Japan and Russia jointly (unpartitioned)"),
    "unsettled": N_("no agreed border"),
}

# Territory ids as the control notes name them ('north_kurils' → 'North Kurils' in English).
TERRITORY_NAMES = {
    "iturup": N_("Iturup"),
    "kunashir": N_("Kunashir"),
    "shikotan": N_("Shikotan"),
    "habomai": N_("Habomai"),
    "north_kurils": N_("North Kurils"),
    "south_sakhalin": N_("South Sakhalin"),
}


def format_date(value: str) -> str:
    """Render a PartialDate at its own precision: '1945', 'August 1945', '28 August 1945' (or 1945年8月28日)."""
    if language() != "en":
        return format_partial_date(value)
    parts = [int(p) for p in value.split("-")]
    precision = date_precision(value)
    if precision == "year":
        return str(parts[0])
    if precision == "month":
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def format_span(start: str, end: str | None) -> str:
    """Render a date or a span of dates ('28 August – 1 September 1945')."""
    if not end:
        return format_date(start)
    if language() != "en" and date_precision(start) == date_precision(end) == "day":
        first, last = (dt.date(*map(int, d.split("-"))) for d in (start, end))
        return format_interval(first, last, "yMMMMd", locale=BABEL_LOCALES[language()])
    if start[:4] == end[:4] and date_precision(start) == date_precision(end) == "day":
        s, e = format_date(start), format_date(end)
        return f"{s.rsplit(' ', 1)[0]} – {e}"
    return f"{format_date(start)} – {format_date(end)}"


def format_number(value: float) -> str:
    """Render a figure with thousands separators and no needless decimals."""
    if language() != "en":
        return format_localized_figure(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_figure(figure: Figure) -> str:
    """Render a sourced figure without its source: '3,166.64 km² (Government of Japan)'."""
    text = f"{format_number(figure.value)} {figure.unit}".strip()
    details = [d for d in (figure.according_to, str(figure.year) if figure.year else None) if d]
    if details:
        text += f" ({', '.join(details)})"
    return text


def format_source(source: Source) -> str:
    """Render a bibliography line: author, title, publisher, date (no URL)."""
    parts = [p for p in (source.author, source.title, source.publisher) if p]
    if source.date:
        parts.append(format_date(source.date))
    return ". ".join(parts).replace("..", ".")


def cite_source(source: Source, accessed: dt.date | None = None) -> str:
    """Return a ready-to-paste citation of a source, with URL and access date."""
    text = format_source(source) + "."
    if source.url:
        text += f" {source.url}"
        when = source.accessed or accessed
        if when:
            text += " " + _("(accessed {date})").format(date=when.isoformat())
    return text


def cite_excerpt(article: Article, excerpt: Excerpt) -> str:
    """Return a ready-to-paste citation of a news excerpt."""
    who = _("{speaker}, quoted in ").format(speaker=excerpt.speaker) if excerpt.speaker else ""
    outlet = article.outlet + (f" ({article.agency})" if article.agency else "")
    text = f'"{excerpt.text}" — {who}{outlet}, "{article.headline}", {format_date(article.date)}.'
    if article.url:
        text += f" {article.url}"
    return text


ATLAS = N_("Four Islands: an atlas of the Kuril Islands / Northern Territories dispute")


def cite_event(event: Event, sources: list[Source], accessed: dt.date) -> str:
    """Return a ready-to-paste citation of a history event with its sources."""
    refs = "; ".join(cite_source(s) for s in sources)
    return (
        f'{_(ATLAS)}. "{event.title}" ({format_span(event.date, event.end_date)}). '
        + _("Accessed {date}. Sources: {refs}").format(date=accessed.isoformat(), refs=refs)
    )


def cite_island(island: Island, sources: list[Source], accessed: dt.date) -> str:
    """Return a ready-to-paste citation of an island's panel with its sources."""
    refs = "; ".join(cite_source(s) for s in sources)
    return f'{_(ATLAS)}. "{island.names.en}". ' + _("Accessed {date}. Sources: {refs}").format(
        date=accessed.isoformat(), refs=refs)


@dataclass(frozen=True)
class Line:
    """One labelled fact of a panel, with the ids of the sources behind it."""

    label: str
    value: str
    sources: tuple[str, ...] = ()
    note: str | None = None


def name_lines(island: Island) -> list[Line]:
    """Return the island's names in English, Japanese and Russian scripts."""
    names = island.names
    ja = names.ja
    kana = f" ({ja.kana})" if ja.kana else ""
    return [
        Line(_("English"), _("{russian} (Russian usage) / {japanese} (Japanese usage)").format(
            russian=names.en_russian, japanese=names.en_japanese)),
        Line("日本語", f"{ja.kanji}{kana} — {ja.romaji}"),
        Line("Русский", f"{names.ru.cyrillic} — {names.ru.latin}"),
    ]


def status_summary(island: Island) -> str:
    """Return the neutral one-line status: de facto administration and Japan's claim."""
    ru = island.russian_administration
    ja = island.japanese_claim
    return _(
        "Administered by the Soviet Union from 1945 and by Russia since 1991; today part of "
        "{district}, {subject}. Claimed by Japan as part of {subprefecture}, {prefecture}."
    ).format(district=ru.district, subject=ru.federal_subject, subprefecture=ja.subprefecture,
             prefecture=ja.prefecture)


def fact_lines(island: Island) -> list[Line]:
    """Return area and highest point, each figure with its source."""
    lines = [
        Line(_("Area"), format_figure(fig), (fig.source,), fig.note) for fig in island.area
    ]
    hp = island.highest_point
    names = " / ".join(n for n in (hp.name_en, hp.name_ja, hp.name_ru) if n)
    lines.append(
        Line(_("Highest point"), f"{names}: {format_figure(hp.elevation)}", (hp.elevation.source,), hp.elevation.note)
    )
    return lines


def russian_lines(island: Island) -> list[Line]:
    """Return Russia's administration of the island today."""
    ru = island.russian_administration
    pop = ru.population
    return [
        Line(_("Federal subject"), ru.federal_subject, tuple(ru.sources)),
        Line(_("District"), ru.district, tuple(ru.sources)),
        Line(_("Main settlements"), ", ".join(ru.settlements) if ru.settlements else _("none (no civilian settlement)"), tuple(ru.sources)),
        Line(_("Population"), format_figure(pop), (pop.source,), pop.note or ru.note),
    ]


def japanese_lines(island: Island) -> list[Line]:
    """Return Japan's claim: prefecture, subprefecture, pre-1945 villages and population."""
    ja = island.japanese_claim
    villages = ", ".join(f"{v.name_en} ({v.name_ja})" for v in ja.villages)
    pop = ja.population_1945
    return [
        Line(_("Prefecture"), ja.prefecture, tuple(ja.sources)),
        Line(_("Subprefecture"), ja.subprefecture, tuple(ja.sources)),
        Line(_("Villages before 1945"), villages, tuple(ja.sources)),
        Line(_("Japanese residents in 1945"), format_figure(pop), (pop.source,), pop.note or ja.note),
    ]


def member_lines(island: Island) -> list[Line]:
    """Return a group's islets with both names (empty for a single island)."""
    lines = []
    for m in island.members:
        area = format_figure(m.area) if m.area else ""
        lines.append(
            Line(f"{m.ru.latin} / {m.ja.romaji}", f"{m.ru.cyrillic} · {m.ja.kanji}" + (f" · {area}" if area else ""),
                 (m.area.source,) if m.area else ())
        )
    return lines


def era_label(first: int, last: int) -> str:
    """Render an era's years: '1956–1992', or '2022–today' for the open-ended last one."""
    return f"{first}–{last}" if last < 9999 else f"{first}–" + _("today")


def event_heading(event: Event) -> str:
    """Return '7 February 1855 — Treaty of Shimoda'."""
    return f"{format_span(event.date, event.end_date)} — {event.title}"


def control_text(event: Event) -> str | None:
    """Say what an event changed in who administers which territory, or None."""
    if not event.control:
        return None
    parts = [f"{_(TERRITORY_NAMES[c.territory]) if c.territory in TERRITORY_NAMES else c.territory.replace('_', ' ').title()}"
             f" → {_(CONTROLLER_NAMES[c.to])}" for c in event.control]
    return _("Change of control: {changes}").format(changes="; ".join(parts))


def outlet_label(article: Article) -> str:
    """Return the outlet with its wire agency and a state-control label where it applies."""
    text = article.outlet
    if article.agency:
        text += f" ({article.agency})"
    if article.state_controlled:
        text += " · " + _("state-controlled media")
    return text


class SourceNumbering:
    """Number the sources a page or panel cites, in order of first use."""

    def __init__(self, content):
        self.content = content
        self.order: list[str] = []

    def numbers(self, source_ids: tuple[str, ...] | list[str]) -> list[str]:
        """Return the numbers of the given sources, numbering new ones."""
        for sid in source_ids:
            if sid not in self.order:
                self.order.append(sid)
        return [str(self.order.index(sid) + 1) for sid in source_ids]


# Kinds of events and sources as the filters show them (the English is the id itself).
KIND_LABELS = {
    "treaty": N_("treaty"), "military": N_("military"), "administrative": N_("administrative"),
    "diplomatic": N_("diplomatic"), "statement": N_("statement"), "official": N_("official"),
    "statistics": N_("statistics"), "dataset": N_("dataset"), "scholarly": N_("scholarly"),
    "reference": N_("reference"), "news": N_("news"),
}


def event_kind_label(kind: str) -> str:
    """Return an event kind in the run's language ('treaty' in English)."""
    return _(KIND_LABELS.get(kind, kind))


def source_kind_label(kind: str) -> str:
    """Return a source kind in the run's language ('official' in English)."""
    return _(KIND_LABELS.get(kind, kind))
