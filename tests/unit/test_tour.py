"""The classroom tour loads and cross-checks, and all the project's own prose stays neutral."""

from __future__ import annotations

import re

import pytest

from content.control import control_at
from content.load import CONTENT_DIR, TOUR_FILE, ContentError, Problem, check_file, load_content
from content.models import ISLAND_IDS, date_sort_key
from content.neutrality import prose, unattributed
from tests.unit.test_content_errors import load

KEY_YEARS = [1855, 1875, 1905, 1945, 1956, 2001, 2018, 2022, 2026]
WORD = re.compile(r"[^\W_][\w'’.–-]*")

TOUR = """\
- id: stop-1855
  title: A treaty
  year: 1855
  date: "1855-02-07"
  island: iturup
  zoom: 8
  text: Something was signed.
  question: What changed?
  events: [treaty-1855]
  sources: [src-a]
- id: stop-1945
  title: Later
  year: 1945
  text: Something else happened.
  question: Why?
  sources: [src-b]
"""


@pytest.fixture(scope="module")
def content():
    try:
        return load_content()
    except ContentError as exc:
        pytest.fail(f"content does not load:\n{exc}")


# --- the real tour --------------------------------------------------------------


def test_the_tour_file_is_valid_on_its_own():
    assert check_file(CONTENT_DIR / TOUR_FILE) == []


def test_the_tour_has_nine_stops_in_chronological_order(content):
    assert len(content.tour) == 9
    assert [stop.year for stop in content.tour] == KEY_YEARS
    dates = [date_sort_key(stop.date or str(stop.year)) for stop in content.tour]
    assert dates == sorted(dates)
    assert len({stop.id for stop in content.tour}) == 9


def test_the_tour_stops_are_short_sourced_and_mostly_neutral(content):
    for stop in content.tour:
        assert 60 <= len(WORD.findall(stop.text)) <= 120, stop.id
        assert stop.question.rstrip().endswith("?"), stop.id
        assert stop.events and stop.sources, stop.id
    assert sum(stop.perspective == "neutral" for stop in content.tour) >= 7


@pytest.mark.parametrize("island_id", ["iturup", "kunashir"])
def test_the_tour_names_an_island_by_both_names(content, island_id):
    names = content.islands[island_id].names
    for stop in content.tour:
        for text in (stop.title, stop.text, stop.question):
            if names.en_russian in text or names.en_japanese in text:
                assert names.en in text, f"{stop.id}: '{names.en}' expected in: {text}"


def test_the_1945_stop_shows_all_four_islands_occupied(content):
    stop = next(s for s in content.tour if s.year == 1945)
    state = control_at(content.events, stop.date)
    assert {state[i] for i in ISLAND_IDS} == {"ussr"}


@pytest.mark.parametrize("year", [2022, 2026])
def test_the_last_stops_show_todays_map(content, year):
    stop = next(s for s in content.tour if s.year == year)
    assert stop.date is None and stop.island is None
    state = control_at(content.events, stop.year)
    assert {state[i] for i in ISLAND_IDS} == {"russia"}


def test_the_last_stop_reaches_the_latest_event(content):
    assert content.tour[-1].year == int(content.events[-1].date[:4])


# --- loading and cross-checks -----------------------------------------------------


def test_a_valid_tour_loads_in_file_order(tmp_path):
    tour = load(tmp_path, {"tour.yaml": TOUR}).tour
    assert [stop.id for stop in tour] == ["stop-1855", "stop-1945"]
    assert tour[0].zoom == 8 and tour[1].perspective == "neutral" and tour[1].events == []


def test_the_tour_file_is_optional(tmp_path):
    assert load(tmp_path, {}).tour == ()


BROKEN = [
    pytest.param(TOUR.replace("events: [treaty-1855]", "events: [treaty-1856]"),
                 r"tour\.yaml: \[0\]\.events\[0\]: unknown event id 'treaty-1856'", id="unknown-event-id"),
    pytest.param(TOUR.replace("sources: [src-b]", "sources: [src-a, src-z]"),
                 r"tour\.yaml: \[1\]\.sources\[1\]: unknown source id 'src-z'", id="unknown-source-id"),
    pytest.param(TOUR.replace('date: "1855-02-07"', 'date: "1856-02-07"'),
                 r"tour\.yaml: \[0\]\.date: date 1856-02-07 is not in the stop's year 1855", id="date-outside-year"),
    pytest.param(TOUR.replace("  zoom: 8\n", "  zoom: 8\n  colour: red\n"),
                 r"tour\.yaml: \[0\]\.colour: unknown field", id="unknown-field"),
    pytest.param(TOUR.replace("id: stop-1945", "id: stop-1855"),
                 r"tour\.yaml: \[1\]\.id: duplicate tour stop id 'stop-1855' \(first at \[0\]\)", id="duplicate-id"),
    pytest.param(TOUR.replace("zoom: 8", "zoom: 14"),
                 r"tour\.yaml: \[0\]\.zoom: Input should be less than or equal to 12", id="zoom-out-of-range"),
    pytest.param(TOUR.replace("island: iturup", "island: etorofu"),
                 r"tour\.yaml: \[0\]\.island: Input should be 'iturup'", id="unknown-island-id"),
    pytest.param(TOUR.replace("  question: Why?\n", ""),
                 r"tour\.yaml: \[1\]\.question: missing required field", id="missing-question"),
    pytest.param(TOUR.replace('date: "1855-02-07"', 'date: "1855-02-30"'),
                 r"tour\.yaml: \[0\]\.date: '1855-02-30' is not a real date", id="not-a-real-date"),
    pytest.param("id: not-a-list\n",
                 r"tour\.yaml: \(root\): expected a list of tour stops, found dict", id="not-a-list"),
    pytest.param("", r"tour\.yaml: \(root\): file is empty; expected a list of tour stops", id="empty-file"),
]


@pytest.mark.parametrize(("tour", "message"), BROKEN)
def test_a_broken_tour_names_the_file_and_field(tmp_path, tour, message):
    with pytest.raises(ContentError, match=message) as raised:
        load(tmp_path, {"tour.yaml": tour})
    assert all(isinstance(p, Problem) for p in raised.value.problems)


def test_check_file_reports_a_broken_tour_on_its_own(tmp_path):
    path = tmp_path / TOUR_FILE
    path.write_text(TOUR.replace("year: 1945", "year: 1066"), encoding="utf-8")
    [problem] = check_file(path, root=tmp_path)
    assert (problem.file, problem.field) == ("tour.yaml", "[1].year")


# --- neutrality lint --------------------------------------------------------------

LINT = [
    # (text, the sentences the lint must report)
    ("The occupation is illegal.", ["The occupation is illegal."]),
    ("Soviet forces illegally occupied the islands.", ["Soviet forces illegally occupied the islands."]),
    ("The islands were liberated in 1945.", ["The islands were liberated in 1945."]),
    ("The liberation of the Kurils ended the war.", ["The liberation of the Kurils ended the war."]),
    ("Japan's stolen islands lie north of Hokkaido.", ["Japan's stolen islands lie north of Hokkaido."]),
    ("The islands returned to their rightful owner.", ["The islands returned to their rightful owner."]),
    ("The so-called Northern Territories lie off Nemuro.", ["The so-called Northern Territories lie off Nemuro."]),
    ("A puppet administration ruled.", ["A puppet administration ruled."]),
    ("The islands lie off Hokkaido. The occupation is ILLEGAL.", ["The occupation is ILLEGAL."]),
    ("Japan holds that this is an illegal occupation.", []),
    ("Russia holds that the islands were liberated in 1945.", []),
    ("According to Moscow, Tokyo's claims are illegal.", []),
    ("Under Japan's position the occupation is illegal.", []),
    ("Russia’s position is that Japan's claims are illegal.", []),
    ("The embassy called Tokyo's claims illegal; Lavrov says the islands were liberated.", []),
    ("Tokyo regards the occupation as illegal.", []),
    ('The embassy spoke of Japan\'s "illegal claims".', []),
    ("The embassy spoke of Japan’s “illegal claims”.", []),
    ("Japan protested. The occupation is illegal, Japan holds.", []),
    ("Japan protested. The occupation is illegal.", ["The occupation is illegal."]),
    ("Soviet forces occupied the islands in 1945.", []),
    ("Legal scholars disagree about the treaty.", []),
    # each side's names and framings, in the narrator's voice or attributed
    ("The Northern Territories lie off Nemuro.", ["The Northern Territories lie off Nemuro."]),
    ("Japan calls them the Northern Territories.", []),
    ('Japan marks 7 February as "Northern Territories Day".', []),
    ("Shikotan is the largest of the Lesser Kuril Chain.", ["Shikotan is the largest of the Lesser Kuril Chain."]),
    ("In Russian usage Shikotan belongs to the Lesser Kuril Chain.", []),
    ("The South Kurils had 18,403 residents.", ["The South Kurils had 18,403 residents."]),
    ("Kunashir is the southernmost of the Greater Kuril Chain.", ["Kunashir is the southernmost of the Greater Kuril Chain."]),
    ("The ship sailed to the southern end of the Kuril chain.", []),
    ("Japan seeks the return of the islands.", ["Japan seeks the return of the islands."]),
    ("Medvedev returned to Iturup in 2019.", []),
    ("The Association for Northern Territories Issues is a Japanese government agency.", []),
    ("The islands are inherent Japanese territory.", ["The islands are inherent Japanese territory."]),
    ("Japan holds that the islands are its inherent territory.", []),
    ("The USSR annexed the islands in 1946.", ["The USSR annexed the islands in 1946."]),
    ("The islands remain under occupation.", ["The islands remain under occupation."]),
    ("It uses the term 北方領土 for the four islands.", []),
    ("北方領土 lie off Nemuro.", ["北方領土 lie off Nemuro."]),
]


@pytest.mark.parametrize(("text", "expected"), LINT)
def test_the_neutrality_lint_finds_unattributed_loaded_words(text, expected):
    assert unattributed(text) == expected


def _all_prose(content):
    for island_id, island in content.islands.items():
        yield from ((f"islands/{island_id}.yaml: {w}", t) for w, t in prose(island))
    for event in content.events:
        yield from ((f"event {event.id}: {w}", t) for w, t in prose(event))
    for article in content.articles:
        yield from ((f"news/{article.id}.yaml: {w}", t) for w, t in prose(article))
    for source_id, source in content.sources.items():
        yield from ((f"source {source_id}: {w}", t) for w, t in prose(source))
    for i, stop in enumerate(content.tour):
        yield from ((f"tour.yaml: [{i}].{w}", t) for w, t in prose(stop))


def test_prose_covers_summaries_and_tour_but_not_quotes_or_positions(content):
    where = {w for w, _ in _all_prose(content)}
    assert "islands/iturup.yaml: summary" in where
    assert any(w.startswith("event shimoda-treaty-1855: summary") for w in where)
    assert {"tour.yaml: [0].text", "tour.yaml: [0].question", "tour.yaml: [0].title"} <= where
    assert not any("positions" in w or "headline" in w or re.search(r"excerpts\[\d+\]\.text", w) for w in where)


def test_all_content_prose_is_neutral(content):
    hits = [f"{where}: {sentence}" for where, text in _all_prose(content) for sentence in unattributed(text)]
    assert hits == [], "loaded words outside an attributed sentence:\n" + "\n".join(hits)
