"""Load the committed geometry files (standard library only: no shapely, pyproj or GSHHG at run time)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name: str) -> dict[str, Any]:
    """Parse one JSON file from DATA_DIR, naming the file on error."""
    path = DATA_DIR / name
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: {exc}") from exc


@lru_cache(maxsize=1)
def load_islands() -> dict[str, Any]:
    """Return the four islands as a GeoJSON FeatureCollection (EPSG:4326, lon/lat); do not mutate."""
    return _read("islands.geojson")


@lru_cache(maxsize=1)
def load_context() -> dict[str, Any]:
    """Return the context land (Hokkaido, Sakhalin, Kurils, ...) as a GeoJSON FeatureCollection."""
    return _read("context.geojson")


@lru_cache(maxsize=1)
def load_boundaries() -> dict[str, Any]:
    """Return the historical and present boundary lines as a GeoJSON FeatureCollection."""
    return _read("boundaries.geojson")


@lru_cache(maxsize=1)
def load_labels() -> dict[str, Any]:
    """Return the label positions (anchor and ordered candidates per name) as a GeoJSON FeatureCollection."""
    return _read("labels.geojson")


@lru_cache(maxsize=1)
def load_provenance() -> dict[str, Any]:
    """Return the build's provenance record (dataset, rules, tolerances, measured errors)."""
    return _read("provenance.json")
