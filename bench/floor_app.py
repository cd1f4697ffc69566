"""The floor of a streamlit-folium map here: a title and the smallest map that draws four paths.

Four tiny squares, no tiles, Leaflet served locally (OfflineMap); nothing else on the page.
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.mapview import OfflineMap

st.title("Smallest map")
m = OfflineMap(location=[44.45, 147.0], zoom_start=7, tiles=None)
for i in range(4):
    lon, lat = 145.5 + i, 44.0
    square = [[lon, lat], [lon + 0.3, lat], [lon + 0.3, lat + 0.3], [lon, lat + 0.3], [lon, lat]]
    folium.GeoJson({"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [square]}}).add_to(m)
st_folium(m, height=620, width=700, returned_objects=[])
