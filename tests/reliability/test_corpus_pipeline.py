"""Every file of feedparser's test corpus and every feed fixture of tests/data through the whole
pipeline - ingest (file:// fetch, parse, dedup, load), extract (+ sentiment, + alert outbox), alert
digests (dry run and .eml/.html preview), the HTML report - and every JSON-lines fixture through the
extract CLI's reader and the extractor: no unhandled exception, every failure recorded."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sinowatch.warehouse.db import connect

from sinowatch.config import AlertRule, Config
from sinowatch.ingest.run import ingest
from sinowatch.pipeline import run_after_ingest
from tests import configs
from tests.conftest import TEST_DATA, shared_data
from tests.reliability.conftest import check_invariants

SUFFIXES = (".xml", ".rdf", ".atom", ".rss", ".html")


@pytest.mark.slow
def test_every_corpus_file_and_fixture_through_the_whole_pipeline(tmp_path: Path) -> None:
    corpus = shared_data("feedparser-corpus")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    files += sorted((TEST_DATA / "feeds").glob("*.xml"))
    assert len(files) >= 2000
    # tests/configs.py: no sentiment model (its own hostile-input tests are in tests/models); alerts on
    # for any age (corpus dates are old), so the digests see this text too
    cfg = configs.make_config(
        tmp_path, {f"f{i:04d}": p.as_uri() for i, p in enumerate(files)},
        fetch={"allow_file": True, "concurrency": 4}, alerts={"enabled": True, "max_age_days": 0},
        rules=[AlertRule(name="any-event", event_types=[], min_confidence=0.0, recipients=["a@example.com"]),
               AlertRule(name="export-controls")])
    started = time.monotonic()
    conn = connect(cfg.warehouse_path)
    from sinowatch.records import RunReport

    report = ingest(cfg, conn)
    assert len(report.feeds) == len(files)
    assert all(o.ok or o.error for o in report.feeds)  # every failure has its reason
    assert report.feeds_ok > 400
    t_ingest = time.monotonic()
    after = RunReport(run_id=report.run_id, started_at=report.started_at)
    run_after_ingest(cfg, conn, after, dry_run=True)
    n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert after.extracted == n_articles > 300
    assert not [e for e in after.errors if e.startswith(("extract", "report"))], after.errors[:5]
    assert (tmp_path / "report.html").stat().st_size > 1000
    from sinowatch.alerts.stage import preview

    paths = preview(cfg, conn, tmp_path / "preview")
    assert paths and all(p.stat().st_size > 0 for p in paths)
    conn.close()
    check_invariants(cfg.warehouse_path)
    print(f"corpus through the pipeline: {len(files)} files, {n_articles} articles, "
          f"ingest {t_ingest - started:.0f}s, rest {time.monotonic() - t_ingest:.0f}s")


#: documents of one fixture file that the extractor runs on (the reader reads every line)
EXTRACTED_PER_FILE = 120


@pytest.mark.slow
def test_every_jsonl_fixture_through_the_extract_reader_and_extractor() -> None:
    import io

    from sinowatch.cli_extract import read_documents
    from sinowatch.extract_stage import extract_documents

    cfg = Config()
    # fixtures that are not articles: official records (actions) and classifier behaviour checks
    not_documents = {TEST_DATA / "actions" / "records.jsonl", TEST_DATA / "event_classifier_checks.jsonl"}
    fixtures = sorted(p for p in TEST_DATA.rglob("*.jsonl") if p not in not_documents)
    assert len(fixtures) >= 4 and all(p.exists() for p in not_documents)
    for path in fixtures:
        bad: list[int] = []
        docs = list(read_documents(io.StringIO(path.read_text(encoding="utf-8")), bad))
        assert bad == [], (path, bad[:5])  # every fixture line is a usable document
        # every file through the extractor, at most EXTRACTED_PER_FILE of its documents spread over the whole
        # file (the event articles alone grow by ~45 full articles a round, and extracting every line took up to 6 minutes)
        picked = docs[::max(1, -(-len(docs) // EXTRACTED_PER_FILE))]
        out = extract_documents(cfg, picked) if picked else []
        assert len(out) == len(picked) and (len(picked) >= EXTRACTED_PER_FILE // 2 or picked == docs), path
