"""Rendering content as text: dates at their precision, figures, citations, filters."""

import datetime as dt

import pytest

from content.filters import filter_events, filter_excerpts
from content.load import load_content
from content.present import (
    cite_event, cite_excerpt, cite_island, era_label, format_date, format_number, format_span, outlet_label, status_summary,
)
from ui.text import link, md

CONTENT = load_content()


@pytest.mark.parametrize(
    "value, text",
    [("1855", "1855"), ("1945-08", "August 1945"), ("1945-08-28", "28 August 1945")],
)
def test_dates_show_their_own_precision(value, text):
    assert format_date(value) == text


@pytest.mark.parametrize(
    "start, end, text",
    [
        ("1945-08-28", "1945-09-01", "28 August – 1 September 1945"),
        ("1947-07", "1949-07", "July 1947 – July 1949"),
        ("1956-10-19", None, "19 October 1956"),
    ],
)
def test_spans(start, end, text):
    assert format_span(start, end) == text


@pytest.mark.parametrize("first, last, text", [(1956, 1992, "1956–1992"), (2022, 9999, "2022–today")])
def test_era_labels(first, last, text):
    assert era_label(first, last) == text


@pytest.mark.parametrize("value, text", [(3166.64, "3,166.64"), (17291.0, "17,291"), (99.9, "99.9")])
def test_numbers(value, text):
    assert format_number(value) == text


def test_status_is_neutral_and_names_both_sides():
    text = status_summary(CONTENT.islands["kunashir"])
    assert text.startswith("Administered by the Soviet Union from 1945 and by Russia since 1991")
    assert "Claimed by Japan" in text and "Sakhalin Oblast" in text and "Hokkaido" in text


def test_state_controlled_outlets_are_labelled():
    labels = {a.outlet: outlet_label(a) for a in CONTENT.articles}
    assert labels["RT"].endswith("state-controlled media")
    assert all("state-controlled" not in v for k, v in labels.items() if k != "RT")


def test_citations_carry_what_a_journalist_needs():
    article = CONTENT.articles[0]
    excerpt = article.excerpts[0]
    text = cite_excerpt(article, excerpt)
    assert excerpt.text in text and article.outlet in text and format_date(article.date) in text
    event = CONTENT.event("joint-declaration-1956")
    sources = [CONTENT.sources[s] for s in event.sources]
    cited = cite_event(event, sources, dt.date(2026, 11, 23))
    assert "19 October 1956" in cited and "Accessed 2026-11-23" in cited and sources[0].title in cited
    island = CONTENT.islands["habomai"]
    assert "Habomai" in cite_island(island, sources, dt.date(2026, 11, 23))


def test_filters_narrow_and_an_empty_filter_keeps_everything():
    assert filter_events(CONTENT.events) == list(CONTENT.events)
    habomai = filter_events(CONTENT.events, islands=["habomai"])
    assert habomai and all("habomai" in e.islands for e in habomai)
    treaties = filter_events(CONTENT.events, kinds=["treaty"], years=(1850, 1910))
    assert {e.id for e in treaties} >= {"shimoda-treaty-1855", "st-petersburg-treaty-1875", "portsmouth-treaty-1905"}
    assert "shimoda-treaty-1855" in {e.id for e in filter_events(CONTENT.events, query="shimoda")}
    assert filter_events(CONTENT.events, query="no such words here") == []
    found = filter_excerpts(CONTENT.articles, query="lavrov")
    assert found and all("lavrov" in (x.text + (x.speaker or "") + a.headline).lower() for a, x in found)
    assert len(filter_excerpts(CONTENT.articles, years=[2019])) < len(filter_excerpts(CONTENT.articles))


@pytest.mark.parametrize(
    "text, shown",
    [
        ("<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"),
        ("$x$ and :red[y]", "\\$x\\$ and \\:red\\[y\\]"),
        ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
        # GFM autolinks these after escapes are resolved: a word joiner breaks them instead.
        ("https://e.com", "https\u2060\\://e\\.com"),
        ("HTTP://e.com", "HTTP\u2060\\://e\\.com"),
        ("www.e.com", "www\u2060\\.e\\.com"),
        ("me@e.com", "me\u2060@e\\.com"),
    ],
)
def test_markdown_escaping(text, shown):
    assert md(text) == shown


def test_links_escape_their_text_and_parentheses_in_urls():
    assert link("a[b]", "https://x.org/a_(b)") == "[a\\[b\\]](https://x.org/a_%28b%29)"
    assert link("plain", None) == "plain"
