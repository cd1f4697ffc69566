"""Page styles for presenting: hide the app's chrome, enlarge type. Constant CSS only."""

from __future__ import annotations

import streamlit as st

_HIDE_CHROME = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem; padding-bottom: 1rem; max-width: 100%; }
</style>
"""

_LARGE_TYPE = """
<style>
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.15rem; line-height: 1.4; }
[data-testid="stMain"] h1 { font-size: 1.8rem; padding-top: 0; }
</style>
"""


def hide_chrome() -> None:
    """Hide the sidebar, header and toolbar: for screenshots and for projecting."""
    st.html(_HIDE_CHROME)


def large_type() -> None:
    """Enlarge body text for a projector."""
    st.html(_LARGE_TYPE)
