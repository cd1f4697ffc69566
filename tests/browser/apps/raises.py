"""A page that fails on purpose: the error-details test checks no reader sees its traceback.

Run from the repository root, so it gets the app's .streamlit/config.toml.
"""

import streamlit as st

st.title("Failing page")


def inner_function_name_that_must_not_show() -> None:
    raise RuntimeError("secret-detail-7f3a: this message must not reach the reader")


inner_function_name_that_must_not_show()
