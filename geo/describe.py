"""Say in words where the outlines come from, from the build's provenance record."""

from __future__ import annotations

from typing import Any, Mapping


def attribution(provenance: Mapping[str, Any]) -> str:
    """Return the map's short attribution line for the coastline data (HTML-safe text)."""
    ds = provenance["dataset"]
    return f"Coastlines: GSHHG {ds['version']} ({ds['licence']})"


def source_line(provenance: Mapping[str, Any]) -> str:
    """Return the long source line used under exported maps and on the method page."""
    ds, pkg = provenance["dataset"], provenance["package"]
    return (
        f"Coastlines: {ds['name']} {ds['version']}, full resolution, {ds['licence']} "
        f"(Wessel & Smith), from the PyPI package {pkg['name']} {pkg['version']}"
    )


def provenance_summary(provenance: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return (label, text) pairs a reader needs: dataset, selection, simplification, error."""
    simp = provenance["simplification"]
    islands = provenance["islands"]
    rules = provenance["selection_rules"]
    errors = ", ".join(f"{i} {v['hausdorff_m']} m" for i, v in islands.items())
    areas = ", ".join(
        f"{i} {v['area_km2_full']:,} km² vs {v['area_km2_official']:,} km² official "
        f"({v['area_excess_pct_vs_official']:+} %)"
        for i, v in islands.items()
    )
    files = ", ".join(f"{name} {f['bytes']:,} bytes" for name, f in provenance["files"].items())
    lines = [
        ("Dataset", source_line(provenance) + f". {provenance['dataset']['url']}"),
        ("Main islands", rules["main_islands"]),
        ("Habomai", rules["habomai"]),
        ("Offshore islets", rules["islets"]),
        ("Context land", rules["context"]),
        (
            "Simplification",
            f"islands at {simp['islands']['tolerance_deg']}° with {simp['islands']['coordinate_decimals']} "
            f"decimals; context land at {simp['context']['tolerance_deg']}°. {simp['method']}",
        ),
        ("Largest coastline error after simplification", errors),
        ("Areas at full resolution", f"{areas}. {provenance['area']['note']}"),
        ("Boundary lines", provenance["boundary_method"]),
        ("Files", files),
    ]
    lines += [("Known gap", gap) for gap in provenance.get("known_gaps", [])]
    return lines
