"""The Streamlit layer: cached loaders, session state, shared render helpers."""
