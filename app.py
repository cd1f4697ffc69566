"""Four Islands: frame the app, route between pages, share the sidebar."""

import streamlit as st

from ui.state import init_state

st.set_page_config(
    page_title="Four Islands — the Kuril Islands / Northern Territories dispute",
    page_icon="static/favicon.png",
    layout="wide",
    initial_sidebar_state="auto",
)
init_state()

pages = [
    st.Page("app_pages/map.py", title="Map", icon=":material/map:", url_path="map", default=True),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("app_pages/news.py", title="News", icon=":material/newspaper:", url_path="news"),
    st.Page("app_pages/classroom.py", title="Classroom tour", icon=":material/school:", url_path="classroom"),
    st.Page("app_pages/sources.py", title="Sources & method", icon=":material/menu_book:", url_path="sources"),
]
pg = st.navigation(pages)
with st.sidebar:
    st.caption(
        "An atlas of the islands that Japan and Russia both claim: Iturup / Etorofu, "
        "Kunashir / Kunashiri, Shikotan and the Habomai group. Administered by the Soviet "
        "Union from 1945 and by Russia since 1991; claimed by Japan."
    )
pg.run()
