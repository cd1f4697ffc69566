"""Four Islands: frame the app, route between pages, share the sidebar."""

import streamlit as st

from content.i18n import _
from ui.state import init_state, language_picker, open_map_page

init_state()  # first: it sets the run's language, which the page title is in
st.set_page_config(
    page_title=_("Four Islands — the Kuril Islands / Northern Territories dispute"),
    page_icon="static/favicon.png",
    layout="wide",
    initial_sidebar_state="auto",
)

pages = [
    st.Page("app_pages/map.py", title=_("Map"), icon=":material/map:", url_path="home", default=True),
    st.Page("app_pages/timeline.py", title=_("Timeline"), icon=":material/timeline:", url_path="timeline"),
    st.Page("app_pages/news.py", title=_("News"), icon=":material/newspaper:", url_path="news"),
    st.Page("app_pages/classroom.py", title=_("Classroom tour"), icon=":material/school:", url_path="classroom"),
    st.Page("app_pages/sources.py", title=_("Sources & method"), icon=":material/menu_book:", url_path="sources"),
]
# The default page is served at / (its url_path only reserves a name); /map, the map
# page's name in links and the README, switches to it instead of "Page not found".
pages.append(st.Page(open_map_page, title=_("Map"), url_path="map", visibility="hidden"))
pg = st.navigation(pages)
with st.sidebar:
    language_picker()
    st.caption(_(
        "An atlas of the islands that Japan and Russia both claim: Iturup / Etorofu, "
        "Kunashir / Kunashiri, Shikotan and the Habomai group. Administered by the Soviet "
        "Union from 1945 and by Russia since 1991; claimed by Japan."
    ))
pg.run()
