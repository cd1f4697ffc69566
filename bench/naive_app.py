"""The peer to beat: a beginner's streamlit-folium app with full-resolution outlines.

st_folium with its defaults (every pan and zoom reruns), the whole GeoJSON embedded,
a tooltip from the properties. Leaflet is served locally so that it can draw at all
without a network; everything else is as a first attempt would write it.
"""

import json
import os

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.mapview import OfflineMap

st.title("Naive map")
data = json.load(open(os.environ["NAIVE_GEOJSON"]))
m = OfflineMap(location=[44.45, 147.0], zoom_start=7, tiles=None)
folium.GeoJson(data, tooltip=folium.GeoJsonTooltip(fields=["id"])).add_to(m)
out = st_folium(m, height=620, width=700)
clicked = (out.get("last_active_drawing") or {}).get("properties", {}).get("id")
if clicked:
    st.subheader(clicked)
