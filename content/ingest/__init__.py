"""Turn a news article copied from a web page into a draft news file for review.

`python -m content.ingest ARTICLE.txt` cleans the page (clean.py), detects headline, date,
outlet and agency (detect.py, dates.py, outlets.py), finds island names (islands.py) and
proposes verbatim excerpts with speakers (excerpts.py, people.py), then writes
content/drafts/<id>.yaml and <id>.body.txt (draft.py).
"""
