"""Ingest: fetch feeds (fetch.py), parse and normalise entries into articles (parse.py, text.py,
urls.py), group near-duplicates into story clusters (dedup.py), and the plain run function that
composes them (run.py)."""
