"""Say in words where the outlines come from, from the build's provenance record."""

from __future__ import annotations

from typing import Any, Mapping

from content.i18n import _


def attribution(provenance: Mapping[str, Any]) -> str:
    """Return the map's short attribution line for the coastline data (HTML-safe text)."""
    ds = provenance["dataset"]
    return _("Coastlines: GSHHG {version} ({licence})").format(version=ds['version'], licence=ds['licence'])


def source_line(provenance: Mapping[str, Any]) -> str:
    """Return the long source line used under exported maps and on the method page."""
    ds, pkg = provenance["dataset"], provenance["package"]
    return _(
        "Coastlines: {name} {version}, full resolution, {licence} "
        "(Wessel & Smith), from the PyPI package {package} {package_version}"
    ).format(name=ds['name'], version=ds['version'], licence=ds['licence'], package=pkg['name'],
             package_version=pkg['version'])


def provenance_summary(provenance: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return (label, text) pairs a reader needs: dataset, selection, simplification, error."""
    simp = provenance["simplification"]
    islands = provenance["islands"]
    rules = provenance["selection_rules"]
    errors = ", ".join(f"{i} {v['hausdorff_m']} m" for i, v in islands.items())
    areas = ", ".join(
        _("{island} {full} km² vs {official} km² official ({excess} %)").format(
            island=i, full=f"{v['area_km2_full']:,}", official=f"{v['area_km2_official']:,}",
            excess=f"{v['area_excess_pct_vs_official']:+}")
        for i, v in islands.items()
    )
    files = ", ".join(_("{name} {bytes} bytes").format(name=name, bytes=f"{f['bytes']:,}") for name, f in provenance["files"].items())
    lines = [
        (_("Dataset"), source_line(provenance) + f". {provenance['dataset']['url']}"),
        (_("Main islands"), rules["main_islands"]),
        (_("Habomai"), rules["habomai"]),
        (_("Offshore islets"), rules["islets"]),
        (_("Context land"), rules["context"]),
        (
            _("Simplification"),
            _("islands at {tolerance}° with {decimals} decimals; context land at {context_tolerance}°.").format(
                tolerance=simp['islands']['tolerance_deg'], decimals=simp['islands']['coordinate_decimals'],
                context_tolerance=simp['context']['tolerance_deg']) + f" {simp['method']}",
        ),
        (_("Largest coastline error after simplification"), errors),
        (_("Areas at full resolution"), f"{areas}. {provenance['area']['note']}"),
        (_("Boundary lines"), provenance["boundary_method"]),
        (_("Files"), files),
    ]
    lines += [(_("Known gap"), gap) for gap in provenance.get("known_gaps", [])]
    return lines
