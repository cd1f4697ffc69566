"""The map component as every page shows it: base map plus this rerun's view layer."""

from __future__ import annotations

from streamlit_folium import st_folium

from content.load import Content
from content.perspective import PERSPECTIVE_TITLES, labels_for
from content.present import format_date
from geo.describe import attribution
from geo.mapview import build_base_map, build_view_layer, island_view
from ui import state
from ui.data import get_context, get_islands, get_map_view, get_provenance


def view_title(perspective: str, when: str) -> str:
    """Return the in-map line that says what the map shows: 'Neutral atlas · 1956-10-19'."""
    return f"{PERSPECTIVE_TITLES[perspective]} · {format_date(when)}"


def render_map(
    content: Content,
    selected: str | None,
    when: str,
    perspective: str,
    *,
    height: int = 620,
    zoom: int | None = None,
    clean: bool = False,
) -> None:
    """Show the map at a year or date, in a perspective, framing the selected island."""
    islands = get_islands()
    center, island_zoom = island_view(islands, selected)
    st_folium(
        build_base_map(islands, get_context(), labels_for(content.islands, "neutral"), attribution(get_provenance())),
        key=state.MAP, height=height, use_container_width=True,
        returned_objects=["last_active_drawing", "last_object_clicked"],
        feature_group_to_add=build_view_layer(
            get_map_view(when, perspective), labels_for(content.islands, perspective), selected,
            view_title(perspective, when), clean),
        center=center, zoom=zoom or island_zoom, on_change=state.on_map_click,
    )
