"""An empty Streamlit page: the floor for time to first paint."""

import streamlit as st

st.title("Empty")
