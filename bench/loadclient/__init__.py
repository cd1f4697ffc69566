"""A protocol-level Streamlit client for the load benchmark (bench/load.py): no browser."""
