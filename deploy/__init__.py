"""Serving Four Islands at scale: nginx in front of k Streamlit workers, Docker and compose."""
