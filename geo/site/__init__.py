"""The static edition: the atlas as plain HTML, JSON and data files, built from the same content and geometry.

`python -m geo.site export-site OUT` writes it (geo/site/build.py); no Python
runs at serving time and nothing is fetched from outside.
"""
