"""The cookbook's queries, parsed out of docs/cookbook.md, are the named query files and all run."""

from __future__ import annotations

from pathlib import Path

from tests.trends.cookbook import DOC, cookbook_files, question_of, sql_blocks


def test_the_doc_holds_the_ten_query_files():
    blocks = sql_blocks(DOC.read_text(encoding="utf-8"))
    files = [p.read_text(encoding="utf-8") for p in cookbook_files()]
    assert len(files) == 10 and blocks == files
    for sql in files:
        assert "?" in question_of(sql)


def test_every_cookbook_query_runs(conn):
    blocks = sql_blocks(DOC.read_text(encoding="utf-8"))
    answered = 0
    for sql in blocks:
        cur = conn.execute(sql)
        rows = cur.fetchall()
        assert cur.description, question_of(sql)
        answered += bool(rows)
    assert answered == len(blocks)  # the synthetic warehouse has an answer for every question


def test_cookbook_queries_are_package_data():
    from importlib import resources

    names = {p.name for p in (resources.files("sinowatch.warehouse") / "queries").iterdir()}
    assert {p.name for p in cookbook_files()} <= names
    assert Path(DOC).is_file()
