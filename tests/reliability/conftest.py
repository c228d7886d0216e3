"""Fixtures for the reliability tests: real `sinowatch run --engine plain` processes against feeds on
a loopback HTTP server (that can flap on purpose) and alerts to a loopback SMTP server (aiosmtpd),
the warehouse invariants as SQL, and a snapshot of the final rows to compare runs by.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import duckdb
import pytest

from tests import configs
from tests.conftest import serving
from tests.ingest.test_ingest_run import QUALITY_RULES
from tests.smtpserver import SmtpServer

REPO = Path(__file__).resolve().parents[2]
NOW = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)

# Stories the watchlist and event rules recognise: export controls and Entity List additions
# (alerts), plus plain business news (no alerts). Each feed gets its own copies with its own URLs.
STORIES = [
    ("US adds SMIC to the Entity List", "The US Commerce Department added SMIC to the Entity List on Tuesday, "
     "restricting exports of American chipmaking tools to the company."),
    ("New US export controls hit Nvidia H20 sales to China", "Washington imposed new export controls on Nvidia "
     "H20 chips, requiring a licence for sales to Chinese customers including Alibaba and Tencent."),
    ("Huawei ships Ascend 910C accelerators", "Huawei began shipping its Ascend 910C AI accelerator to "
     "Chinese cloud providers, according to people familiar with the matter."),
    ("Baidu releases Ernie 5 model", "Baidu released its Ernie 5 large language model and cut prices "
     "for developers using its cloud platform."),
    ("Commerce adds Biren and Moore Threads to the Entity List", "The Bureau of Industry and Security added "
     "Biren Technology and Moore Threads to the Entity List, citing national security concerns."),
    ("SMIC reports higher quarterly revenue", "SMIC, China's largest contract chipmaker, reported higher "
     "quarterly revenue on strong domestic demand for mature-node chips."),
]


def rss(feed: str, n_items: int = 6, *, offset: int = 0) -> bytes:
    """A small RSS feed with fixed dates (relative to the session's NOW) and feed-specific URLs."""
    items = []
    for i in range(n_items):
        title, body = STORIES[(i + offset) % len(STORIES)]
        when = NOW - timedelta(hours=3 * i + offset + 1)
        items.append(
            f"<item><title>{escape(title)} ({feed} {i})</title>"
            f"<link>https://{feed}.example.com/story/{i}</link><guid>https://{feed}.example.com/story/{i}</guid>"
            f"<pubDate>{format_datetime(when)}</pubDate><description>{escape(body)}</description></item>"
        )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{feed}</title>'
            f"<link>https://{feed}.example.com/</link>{''.join(items)}</channel></rss>").encode()


class FlakyServer:
    """HTTP on 127.0.0.1 serving fixed bodies; each path can be told to misbehave on its next hits:
    ``reset`` (RST before any response), ``half`` (headers promise the whole body, half is sent,
    then the connection is closed), ``500``, ``hang`` (no answer for a while), else ``ok``."""

    def __init__(self) -> None:
        self.routes: dict[str, bytes] = {}
        self.plans: dict[str, list[str]] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[str] = []
        self.hang_s = 3.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def handle(self) -> None:
                try:
                    super().handle()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:  # http.server's name
                path = self.path.split("?")[0]
                server.hits[path] += 1
                server.requests.append(path)
                plan = server.plans.get(path) or []
                mode = plan.pop(0) if plan else "ok"
                body = server.routes.get(path)
                if body is None:
                    return self._send(404, b"not found")
                if mode == "reset":
                    import socket
                    import struct

                    # SO_LINGER 0: close() sends RST instead of FIN
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return None
                if mode == "half":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return None
                if mode == "500":
                    return self._send(500, b"boom")
                if mode == "hang":
                    time.sleep(server.hang_s)
                return self._send(200, body)

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def flaky_server() -> Iterator[FlakyServer]:
    yield from serving(FlakyServer())


def mount_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A fixture's body: a tmpfs of ``size`` (``mount -o size=``) at ``folder/tmpfs`` for the test,
    unmounted after it; skips where mounting is not permitted (not root, or no capability)."""
    mnt = folder / "tmpfs"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True,
                         text=True)
    if res.returncode != 0:
        pytest.skip(f"mount -t tmpfs is not permitted here: {res.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


FEED_NAMES = ("policydesk", "chipwire", "globalwire", "asiamarkets")


def serve_feeds(server: FlakyServer, names: tuple[str, ...] = FEED_NAMES, n_items: int = 6) -> dict[str, str]:
    urls = {}
    for k, name in enumerate(names):
        server.routes[f"/{name}.xml"] = rss(name, n_items, offset=k)
        urls[name] = server.url(f"/{name}.xml")
    return urls


def write_config(folder: Path, feeds: dict[str, str], smtp_port: int, *, warehouse: str = "w.duckdb",
                 lock_timeout: float = 2.0, fetch_timeout: float = 2.0, extra: str = "") -> Path:
    """The config file of a real `sinowatch run` (tests/configs.py): loopback feeds and SMTP, small
    extraction batches and load groups (so a run has several of each: 24 articles are 5 batches in
    3 transactions), two alert rules, no sentiment model; ``extra`` TOML tables appended."""
    path = configs.write_config(
        folder, feeds, smtp_port=smtp_port, language="en",
        warehouse={"path": warehouse, "lock_timeout": lock_timeout},
        fetch={"concurrency": 1, "retries": 1, "backoff": 0.05, "timeout": fetch_timeout, "connect_timeout": 2.0},
        extraction={"batch_size": 5, "load_batch": 10},
        alerts={"max_age_days": 0},
        rules=[{"name": "export-controls", "event_types": ["export_control", "entity_list"], "min_confidence": 0.5,
                "recipients": ["compliance@example.com"]},
               {"name": "smic-huawei", "event_types": [], "entities": ["smic", "huawei"], "min_confidence": 0.5,
                "recipients": ["investor@example.com"]}],
    )
    if extra:
        path.write_text(path.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    return path


def cli_env(config: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SINOWATCH_")}
    env.update(SINOWATCH_CONFIG=str(config), PYTHONUNBUFFERED="1", **extra)
    return env


def run_cli(config: Path, *args: str, timeout: float = 180, **env: str) -> subprocess.CompletedProcess[str]:
    """`sinowatch <args>` as a real process (default: `run --engine plain`)."""
    cmd = [sys.executable, "-m", "sinowatch.cli", *(args or ("run", "--engine", "plain"))]
    return subprocess.run(cmd, env=cli_env(config, **env), capture_output=True, text=True, timeout=timeout,
                          cwd=str(config.parent))


# --------------------------------------------------------------------------- invariants, as SQL
# Each query returns the offending rows; [] means the invariant holds.
INVARIANTS = {
    **QUALITY_RULES,
    # no primary keys on these since migration 0008: save_extractions' delete + insert keeps them unique
    "one mention per (article, seq)": "SELECT article_key, seq FROM mentions GROUP BY ALL HAVING count(*) > 1",
    "one event per (article, seq)": "SELECT article_key, seq FROM events GROUP BY ALL HAVING count(*) > 1",
    "one roll-up row per (article, entity)": "SELECT article_key, entity FROM article_entities GROUP BY ALL "
                                             "HAVING count(*) > 1",
    "no orphan mentions": "SELECT m.article_key FROM mentions m LEFT JOIN articles a USING (article_key) "
                          "WHERE a.article_key IS NULL",
    "no orphan events": "SELECT e.article_key FROM events e LEFT JOIN articles a USING (article_key) "
                        "WHERE a.article_key IS NULL",
    "mentions only of extracted articles": "SELECT m.article_key FROM mentions m LEFT JOIN extraction_state s "
                                           "USING (article_key) WHERE s.article_key IS NULL",
    "extraction_state counts match its rows (batches are atomic)": """
        SELECT s.article_key FROM extraction_state s
        LEFT JOIN (SELECT article_key, count(*) n FROM mentions GROUP BY ALL) m USING (article_key)
        LEFT JOIN (SELECT article_key, count(*) n FROM events GROUP BY ALL) e USING (article_key)
        WHERE s.n_mentions <> coalesce(m.n, 0) OR s.n_events <> coalesce(e.n, 0)""",
    "alerts point at extracted articles": "SELECT al.alert_id FROM alerts al LEFT JOIN extraction_state s "
                                          "USING (article_key) WHERE s.article_key IS NULL",
    "one alert per rule and story": "SELECT rule, cluster_id FROM alerts GROUP BY ALL HAVING count(*) > 1",
    "a digest in flight has its Message-ID": "SELECT alert_id FROM alerts WHERE status IN ('sending', 'sent') "
                                            "AND message_id IS NULL",
    "sent alerts have a time and the server's answer": "SELECT alert_id FROM alerts WHERE status = 'sent' "
                                                       "AND (sent_at IS NULL OR smtp_response IS NULL)",
    "no fetch row without its feed": "SELECT f.feed FROM fetches f WHERE f.feed NOT IN (SELECT name FROM feeds)",
}


def check_invariants(db: Path, *, received_ids: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """Open the warehouse (as the next run would) and check every invariant; every Message-ID the
    SMTP server received belongs to outbox rows marked 'sending' or 'sent' (never lost, never
    'pending' again)."""
    conn = duckdb.connect(str(db))
    try:
        tables = {t for (t,) in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "articles" not in tables:
            return  # killed before the first migration committed: an empty warehouse is consistent
        for rule, query in INVARIANTS.items():
            # killed between two migrations (each commits on its own): the next run applies the rest,
            # so an invariant on a table a later migration creates has nothing to check yet
            if set(re.findall(r"\b(?:FROM|JOIN)\s+([a-z_]+)", query)) - tables:
                continue
            bad = conn.execute(query.replace("USING (feed)", "ON f.feed = feeds.name")).fetchall()
            assert bad == [], f"invariant broken: {rule}: {bad[:5]}"
        for mid in received_ids:
            statuses = {s for (s,) in conn.execute("SELECT status FROM alerts WHERE message_id = ?", [mid]).fetchall()}
            assert statuses and statuses <= {"sending", "sent"}, f"received digest {mid} has outbox rows {statuses}"
    finally:
        conn.close()


def check_facts_current(db: Path) -> None:
    """After a completed run: no trend-fact notes wait, and the facts equal a recomputation."""
    from sinowatch.warehouse.extraction import refresh_trend_facts

    conn = duckdb.connect(str(db))
    try:
        assert conn.execute("SELECT count(*) FROM trend_facts_dirty").fetchone()[0] == 0
        tables = ("fact_entity_day", "fact_entity_week", "fact_pair_week")
        stored = {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
        conn.execute("BEGIN TRANSACTION")
        try:
            refresh_trend_facts(conn)
            rebuilt = {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
        finally:
            conn.execute("ROLLBACK")
        assert stored == rebuilt and stored["fact_entity_day"]
    finally:
        conn.close()


SNAPSHOT_QUERIES = {
    "articles": "SELECT article_key, url, guid, feed, feeds, title, text, published, language, cluster_id "
                "FROM articles ORDER BY ALL",
    "clusters": "SELECT cluster_id, first_article, title, first_published, n_articles FROM story_clusters ORDER BY ALL",
    "extraction_state": "SELECT article_key, extractor_version, watchlist_version, n_mentions, n_events "
                        "FROM extraction_state ORDER BY ALL",
    "mentions": "SELECT article_key, seq, entity, kind, text, field, start_char, end_char FROM mentions ORDER BY ALL",
    "events": "SELECT article_key, seq, event_type, confidence, entities FROM events ORDER BY ALL",
    "article_entities": "SELECT article_key, entity, kind, n_mentions FROM article_entities ORDER BY ALL",
    "alerts": "SELECT alert_id, rule, cluster_id, article_key, event_type, status FROM alerts ORDER BY ALL",
    "feeds": "SELECT name, url, etag IS NOT NULL, last_ok_at IS NOT NULL, consecutive_failures FROM feeds ORDER BY ALL",
}


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows a run is judged by (no run ids, timestamps of the run, or Message-IDs)."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {name: conn.execute(q).fetchall() for name, q in SNAPSHOT_QUERIES.items()}
    finally:
        conn.close()


def received_ids(smtp: SmtpServer) -> list[str]:
    return [r.message["Message-ID"] for r in smtp.received]
