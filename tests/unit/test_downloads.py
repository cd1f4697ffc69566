"""Every download format parses back, carries the licence and the citation, and is the same bytes every time."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import pytest

from content import downloads as cd
from content.embed import embed_query, embed_snippet, embed_url
from content.load import load_content
from content.models import ISLAND_IDS, Source
from geo import downloads as gd

CONTENT = load_content()
SCOPES = [None, *ISLAND_IDS]


def _csv_from_zip(data: bytes, name: str) -> tuple[list[dict[str, str]], str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == sorted([name, "README.txt"])
        rows = list(csv.DictReader(io.StringIO(zf.read(name).decode("utf-8"), newline="")))
        return rows, zf.read("README.txt").decode("utf-8")


@pytest.mark.parametrize("island", SCOPES)
def test_outlines_geojson_loads_in_geopandas_with_metadata(island, tmp_path):
    import geopandas as gpd

    data = gd.outlines_geojson(CONTENT, island)
    path = tmp_path / "o.geojson"
    path.write_bytes(data)
    frame = gpd.read_file(path)
    islands = frame[frame["layer"] == "disputed_island"]
    assert sorted(islands["id"]) == sorted([island] if island else ISLAND_IDS)
    assert frame.crs.to_epsg() == 4326
    assert frame.geometry.is_valid.all()
    if island is None:
        assert "hokkaido" in set(frame["id"])
    meta = json.loads(data)["metadata"]
    assert "LGPL-3.0" in " ".join(meta["licence"]) and meta["cite_as"] == cd.atlas_citation(CONTENT)


def test_boundaries_geojson_has_every_line():
    import geopandas as gpd

    frame = gpd.read_file(io.BytesIO(gd.boundaries_geojson(CONTENT)))
    assert {"shimoda_1855", "line_of_control_1945"} <= set(frame["id"])
    assert set(frame.geom_type) <= {"LineString", "MultiLineString"}


@pytest.mark.parametrize("island", [None, "habomai"])
def test_geopackage_reads_back_with_its_layers_and_licence(island, tmp_path):
    import geopandas as gpd
    import pyogrio

    path = tmp_path / "f.gpkg"
    path.write_bytes(gd.geopackage(CONTENT, island))
    layers = [name for name, _ in pyogrio.list_layers(path)]
    assert layers == (["outlines", "boundaries"] if island is None else ["outlines"])
    outlines = gpd.read_file(path, layer="outlines")
    assert set(outlines[outlines["layer"] == "disputed_island"]["id"]) == ({island} if island else set(ISLAND_IDS))
    meta = pyogrio.read_info(path, layer="outlines")["dataset_metadata"]
    assert "LGPL-3.0" in meta["licence"] and "Four Islands" in meta["cite_as"]


@pytest.mark.parametrize("island", SCOPES)
def test_events_csv_and_json_hold_the_slice(island):
    expected = [e.id for e in (CONTENT.events_for(island) if island else CONTENT.events)]
    rows, readme = _csv_from_zip(gd._csv_zip(CONTENT, "events", island), "events.csv")
    assert [r["id"] for r in rows] == expected
    assert list(rows[0]) == list(cd.EVENT_COLUMNS)
    assert "MIT" in readme and cd.atlas_citation(CONTENT) in readme
    data = json.loads(cd.events_json(CONTENT, island))
    assert [e["id"] for e in data["events"]] == expected
    assert data["metadata"]["cite_as"] == cd.atlas_citation(CONTENT)
    first = CONTENT.event(expected[0])
    assert rows[0]["summary"] == first.summary and rows[0]["sources"] == "; ".join(first.sources)


@pytest.mark.parametrize("island", SCOPES)
def test_excerpts_csv_and_json_carry_outlet_date_speaker_state_control_and_corrections(island):
    pairs = CONTENT.excerpts_for(island) if island else CONTENT.excerpts()
    rows, _ = _csv_from_zip(gd._csv_zip(CONTENT, "excerpts", island), "excerpts.csv")
    records = json.loads(cd.excerpts_json(CONTENT, island))["excerpts"]
    assert [r["id"] for r in rows] == [r["id"] for r in records] == [x.id for _, x in pairs]
    for row, record, (article, excerpt) in zip(rows, records, pairs):
        assert row["text"] == record["text"] == excerpt.text
        assert row["outlet"] == article.outlet and row["date"] == article.date
        assert row["speaker"] == (excerpt.speaker or "")
        assert row["state_controlled"] == ("yes" if article.state_controlled else "no")
        assert record["state_controlled"] is article.state_controlled
        if excerpt.correction:
            assert row["correction"] == record["correction"]["text"] == excerpt.correction.text
            assert record["correction"]["sources"] == list(excerpt.correction.sources)
    if island is None:
        assert any(r["correction"] for r in rows) and any(r["state_controlled"] == "yes" for r in rows)


@pytest.mark.parametrize("island", SCOPES)
def test_csl_json_has_every_source_of_the_slice(island):
    items = json.loads(cd.csl_json(CONTENT, island))
    ids = [i["id"] for i in items]
    assert ids[0] == cd.ATLAS_ID and "MIT" in items[0]["note"]
    assert ids[1:] == cd.source_ids_of(CONTENT, island)
    if island is None:
        assert set(ids[1:]) == set(CONTENT.sources)
    for item in items[1:]:
        source = CONTENT.sources[item["id"]]
        assert item["title"] == source.title and item["type"]
        if source.url:
            assert item["URL"] == str(source.url)
        if source.accessed:
            assert item["accessed"]["date-parts"][0] == [source.accessed.year, source.accessed.month, source.accessed.day]
        if source.date:
            assert item["issued"]["date-parts"][0][0] == int(source.date[:4])


def test_island_slice_includes_the_sources_of_its_facts_events_and_corrections():
    ids = set(cd.source_ids_of(CONTENT, "iturup"))
    island = CONTENT.islands["iturup"]
    assert set(island.sources) <= ids and island.russian_administration.population.source in ids
    for event in CONTENT.events_for("iturup"):
        assert set(event.sources) <= ids


def _bib_keys(text: str) -> list[str]:
    return re.findall(r"^@(?!comment)\w+\{([^,]+),$", text, flags=re.M)


@pytest.mark.parametrize("island", SCOPES)
def test_bibtex_has_an_entry_per_source_and_balanced_braces(island):
    text = cd.bibtex(CONTENT, island).decode("utf-8")
    assert _bib_keys(text) == cd.source_ids_of(CONTENT, island)
    assert text.startswith("@comment{") and "LGPL-3.0" in text.split("\n", 1)[0]
    depth = 0
    for i, ch in enumerate(text):
        if ch in "{}" and (i == 0 or text[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            assert depth >= 0, text[max(0, i - 80): i + 1]
    assert depth == 0


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("R&D 100% #1 a_b", r"R\&D 100\% \#1 a\_b"),
        ("{x} $y$ ^ ~", r"\{x\} \$y\$ \textasciicircum{} \textasciitilde{}"),
        ("back\\slash", r"back\textbackslash{}slash"),
        ("北方領土 — «Курилы»", "北方領土 — «Курилы»"),
    ],
)
def test_bibtex_escapes_special_characters(raw, escaped):
    assert cd.bibtex_escape(raw) == escaped


def test_bibtex_entry_escapes_a_hostile_title_but_keeps_the_url_verbatim():
    source = Source(id="x-1", title="A & B {evil} 50% #tag", kind="news", publisher="Outlet_Name",
                    url="https://example.org/a_b?q=1%202#frag", date="2020-05-03", accessed="2026-01-02")
    entry = cd.bibtex_entry(source)
    assert r"title = {{A \& B \{evil\} 50\% \#tag}}" in entry
    assert "journal = {Outlet\\_Name}" in entry
    assert "url = {https://example.org/a_b?q=1%202#frag}" in entry
    assert entry.startswith("@article{x-1,") and "urldate = {2026-01-02}" in entry


@pytest.mark.parametrize("island", [None, "shikotan"])
def test_every_download_is_the_same_bytes_when_built_twice(island):
    first = {d.filename: d.build() for d in gd.datasets(CONTENT, island)}
    second = {d.filename: d.build() for d in gd.datasets(CONTENT, island)}
    assert first == second
    assert gd.all_in_one_zip(CONTENT, island) == gd.all_in_one_zip(CONTENT, island, first)


def test_all_in_one_zip_holds_every_dataset_and_a_readme():
    with zipfile.ZipFile(io.BytesIO(gd.all_in_one_zip(CONTENT, "kunashir"))) as zf:
        names = set(zf.namelist())
        readme = zf.read("README.txt").decode()
    assert names == {d.filename for d in gd.datasets(CONTENT, "kunashir")} | {"README.txt"}
    assert "four-islands-kunashir.gpkg" in readme and "Cite as" in readme


@pytest.mark.parametrize(
    "island, year, perspective, date, query",
    [
        (None, None, "neutral", None, ""),
        ("iturup", 1956, "neutral", None, "island=iturup&year=1956"),
        ("habomai", 1945, "russia", "1945-09-01", "island=habomai&year=1945&date=1945-09-01&perspective=russia"),
    ],
)
def test_embed_query_uses_the_apps_link_parameters(island, year, perspective, date, query):
    assert embed_query(island, year, perspective, date) == query


def test_embed_snippet_is_an_iframe_with_escaped_url_and_a_credit_line():
    snippet = embed_snippet("https://news.example/four-islands/", "island=iturup&year=1956", 'Map "x" <b>')
    assert snippet.startswith('<iframe src="https://news.example/four-islands/embed.html?island=iturup&amp;year=1956"')
    assert 'title="Map &quot;x&quot; &lt;b&gt;"' in snippet and 'height="560"' in snippet
    assert "GSHHG" in snippet and "open the full atlas" in snippet
    assert embed_url("/four-islands", "") == "/four-islands/embed.html"
