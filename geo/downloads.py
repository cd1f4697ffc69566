"""Open-data downloads of the geometry, and the catalogue of every dataset the atlas offers.

GeoJSON (RFC 7946, EPSG:4326) carries the licence and citation in a top-level
"metadata" member, which GeoJSON readers ignore; the GeoPackage carries them as
dataset metadata (GDAL's metadata table). Bytes depend only on the data and the
content: the GeoPackage's timestamps are pinned to the content's date.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable

from content import downloads as cd
from content.load import Content
from geo.load import load_boundaries, load_context, load_islands, load_provenance

GEOJSON_MIME = "application/geo+json"
GPKG_MIME = "application/geopackage+sqlite3"


def _island_props(content: Content, island_id: str, props: dict[str, Any]) -> dict[str, Any]:
    names = content.islands[island_id].names
    return {
        "id": island_id, "layer": "disputed_island", "name": names.en,
        "name_en_russian_usage": names.en_russian, "name_en_japanese_usage": names.en_japanese,
        "name_ja": names.ja.kanji, "name_ru": names.ru.cyrillic,
        "area_km2_gshhg": props.get("area_km2"), "parts": props.get("parts"),
    }


def outline_features(content: Content, island: str | None = None) -> list[dict[str, Any]]:
    """Return the outlines as GeoJSON features: the four islands (or one) and, for all, the context land."""
    features = [
        {"type": "Feature", "properties": _island_props(content, f["properties"]["id"], f["properties"]),
         "geometry": f["geometry"]}
        for f in load_islands()["features"] if island is None or f["properties"]["id"] == island
    ]
    if island is None:
        features += [
            {"type": "Feature", "geometry": f["geometry"],
             "properties": {"id": f["properties"]["id"], "layer": "context_land", "name": f["properties"].get("name_en")}}
            for f in load_context()["features"]
        ]
    return features


def boundary_features() -> list[dict[str, Any]]:
    """Return the historical and present boundary lines as GeoJSON features."""
    return [{"type": "Feature", "properties": dict(f["properties"]), "geometry": f["geometry"]}
            for f in load_boundaries()["features"]]


def _meta(content: Content, title: str, island: str | None) -> dict[str, Any]:
    provenance = load_provenance()
    meta = cd.metadata(content, title, island)
    meta["crs"] = "EPSG:4326 (longitude, latitude)"
    meta["geometry_source"] = (f"{provenance['dataset']['name']} {provenance['dataset']['version']}, "
                               f"{provenance['dataset']['url']}")
    return meta


def outlines_geojson(content: Content, island: str | None = None) -> bytes:
    """Return the outlines as a GeoJSON FeatureCollection with a top-level "metadata" member."""
    collection = {"type": "FeatureCollection", "metadata": _meta(content, "Four Islands: outlines", island),
                  "features": outline_features(content, island)}
    return (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def boundaries_geojson(content: Content) -> bytes:
    """Return the boundary lines (1855, 1875, 1905, line of control) as GeoJSON with metadata."""
    collection = {"type": "FeatureCollection", "metadata": _meta(content, "Four Islands: boundary lines", None),
                  "features": boundary_features()}
    return (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def geopackage(content: Content, island: str | None = None) -> bytes:
    """Return a GeoPackage with layers outlines (and, for all islands, boundaries), licence in its metadata."""
    import geopandas as gpd  # heavy import, only when a GeoPackage is asked for
    import pyogrio

    layers = {"outlines": outline_features(content, island)}
    if island is None:
        layers["boundaries"] = boundary_features()
    meta = _meta(content, "Four Islands: outlines and boundary lines", island)
    flat = {k: v if isinstance(v, str) else " ".join(v) for k, v in meta.items()}
    # GDAL stamps gpkg_contents.last_change with the clock unless told otherwise.
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": f"{meta['content_date']}T00:00:00.000Z"})
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "four-islands.gpkg"
            for i, (name, features) in enumerate(layers.items()):
                frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
                frame.to_file(path, layer=name, driver="GPKG", engine="pyogrio", append=False,
                              dataset_metadata=flat if i == 0 else None,
                              layer_options={"SPATIAL_INDEX": "NO"})
            return path.read_bytes()
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})


@dataclass(frozen=True)
class Dataset:
    """One downloadable file: its label, file name, media type and a function that builds its bytes."""

    label: str
    filename: str
    mime: str
    build: Callable[[], bytes]


def datasets(content: Content, island: str | None = None) -> list[Dataset]:
    """List every download for all islands, or one island's slice; bytes are built only when asked."""
    stem = "four-islands" if island is None else f"four-islands-{island}"
    out = [
        Dataset("Outlines (GeoJSON)", f"{stem}-outlines.geojson", GEOJSON_MIME, partial(outlines_geojson, content, island)),
    ]
    if island is None:
        out.append(Dataset("Boundary lines (GeoJSON)", f"{stem}-boundaries.geojson", GEOJSON_MIME,
                           partial(boundaries_geojson, content)))
    out += [
        Dataset("Outlines" + (" and boundary lines" if island is None else "") + " (GeoPackage)",
                f"{stem}.gpkg", GPKG_MIME, partial(geopackage, content, island)),
        Dataset("Events (CSV, zip with README)", f"{stem}-events-csv.zip", "application/zip",
                partial(_csv_zip, content, "events", island)),
        Dataset("Events (JSON)", f"{stem}-events.json", "application/json", partial(cd.events_json, content, island)),
        Dataset("News excerpts (CSV, zip with README)", f"{stem}-excerpts-csv.zip", "application/zip",
                partial(_csv_zip, content, "excerpts", island)),
        Dataset("News excerpts (JSON)", f"{stem}-excerpts.json", "application/json",
                partial(cd.excerpts_json, content, island)),
        Dataset("Bibliography (CSL-JSON, for Zotero)", f"{stem}-sources.json", "application/vnd.citationstyles.csl+json",
                partial(cd.csl_json, content, island)),
        Dataset("Bibliography (BibTeX)", f"{stem}-sources.bib", "application/x-bibtex", partial(cd.bibtex, content, island)),
    ]
    return out


def _csv_zip(content: Content, table: str, island: str | None) -> bytes:
    if table == "events":
        return cd.csv_zip(content, "events.csv", cd.events_csv(content, island), "events of the dispute", island)
    return cd.csv_zip(content, "excerpts.csv", cd.excerpts_csv(content, island), "news excerpts", island)


def all_in_one_zip(content: Content, island: str | None = None, built: dict[str, bytes] | None = None) -> bytes:
    """Return every dataset of a slice in one zip, with a README naming each file.

    `built` maps file names to bytes already built, so that nothing is built twice.
    """
    built = built or {}
    files = {d.filename: built.get(d.filename) or d.build() for d in datasets(content, island)}
    title = f"{cd.ATLAS}: open data" + (f" for {island}" if island else "")
    files["README.txt"] = cd.readme(content, title, {d.filename: d.label for d in datasets(content, island)}, island)
    return cd.zip_files(files, cd.content_date(content))


def write_datasets(content: Content, out_dir: Path, island: str | None = None) -> list[tuple[Dataset, int]]:
    """Write a slice's datasets and its all-in-one zip into out_dir; return (dataset, size in bytes)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written, built = [], {}
    for dataset in datasets(content, island):
        data = built[dataset.filename] = dataset.build()
        (out_dir / dataset.filename).write_bytes(data)
        written.append((dataset, len(data)))
    stem = "four-islands" if island is None else f"four-islands-{island}"
    bundle = all_in_one_zip(content, island, built)
    (out_dir / f"{stem}-data.zip").write_bytes(bundle)
    written.append((Dataset("Everything above (zip)", f"{stem}-data.zip", "application/zip", lambda: bundle), len(bundle)))
    return written

