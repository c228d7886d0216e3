"""Measuring the folding and the record links on the labelled articles' gold actions.

``sinowatch eval-actions --split dev|test|holdout`` loads the articles of one split into a fresh DuckDB
warehouse (in a temporary folder), saves each article's GOLD events (type, status, actor, targets,
evidence) through the extraction stage's writer one article per transaction in publication order,
as a daily run would, so the fold runs exactly as in production, and then compares the actions
with the gold ``action`` ids:

- B-cubed precision, recall and F1 over the gold events (an event the fold could not place, e.g.
  without targets, is its own cluster); cross-language pairs are counted like any other pair, and
  their recall is reported separately (pairs of gold-same-action events in two languages that the
  fold put together);
- official-record link precision and recall: records (``--records``, JSON lines with the gold action each
  documents) are fetched from a loopback HTTP server by the official-records stage and linked;
  a link is correct when the action it joined holds a report of the record's gold action; a decoy
  (gold action null) counts as a wrong link when it joins an action that holds reports, and is not
  counted when it starts an action of its own; recall is the share of the records with a gold
  action that joined an action holding a report of it.

This isolates the folding from the extractor (#15 measures that); the figures are those of the
fold given correct events.
"""

from __future__ import annotations

import json
import tempfile
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sinowatch.records import Article, Event, Extraction


@dataclass
class Result:
    split: str
    articles: int
    events: int
    gold_actions: int
    actions: int
    precision: float
    recall: float
    f1: float
    cross_pairs: int
    cross_recall: float
    links: int = 0
    correct_links: int = 0
    records: int = 0
    wrong: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: wrong links that are records starting an action of their own while their gold action has
    #: reports (a missed join, not a rule attached to another act); counted in ``links`` all the same
    own_action: int = 0
    #: records with a gold action (not decoys): the denominator of link recall
    gold_records: int = 0

    @property
    def link_precision(self) -> float | None:
        return self.correct_links / self.links if self.links else None

    @property
    def link_recall(self) -> float | None:
        return self.correct_links / self.gold_records if self.gold_records else None


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of the clustering ``pred`` (item -> cluster) against ``gold``."""
    g_members: dict[str, set[str]] = defaultdict(set)
    p_members: dict[str, set[str]] = defaultdict(set)
    for i, c in gold.items():
        g_members[c].add(i)
    for i, c in pred.items():
        p_members[c].add(i)
    p = r = 0.0
    for i in gold:
        same = g_members[gold[i]] & p_members[pred[i]]
        p += len(same) / len(p_members[pred[i]])
        r += len(same) / len(g_members[gold[i]])
    n = len(gold) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_articles(path: Path, split: str) -> list[dict[str, Any]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            a = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{n}: not JSON: {e}") from None
        if a.get("split") == split:
            out.append(a)
    return out


def _published(a: dict[str, Any]) -> datetime:
    return datetime.combine(datetime.fromisoformat(a["published"]).date(), time(12), tzinfo=UTC)


def _serve(routes: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = routes.get(self.path.split("?")[0])
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body or b"{}")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def evaluate(articles_path: Path, *, split: str, records: Path | None = None, embedding: str = "none",
             min_similarity: float | None = None) -> Result:
    from sinowatch.actions.embed import load_embedder
    from sinowatch.extract_stage import ExtractionWriter, watchlist_rows
    from sinowatch.extractors.watchlist import load_watchlist
    from sinowatch.warehouse.db import connect, transaction
    from sinowatch.warehouse.extraction import sync_watchlist
    from sinowatch.warehouse.load import upsert_articles

    embedder = load_embedder(embedding)
    arts = sorted(load_articles(articles_path, split), key=lambda a: (a["published"], a["id"]))
    watchlist = load_watchlist()
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "eval.duckdb")
        try:
            with transaction(conn):
                sync_watchlist(conn, watchlist_rows(watchlist), watchlist.version)
            gold: dict[str, str] = {}
            langs: dict[str, str] = {}
            for a in arts:
                when = _published(a)
                art = Article(key=a["id"], url=f"https://{a.get('outlet', 'outlet')}.example/{a['id']}", guid=None,
                              feed=str(a.get("outlet") or "outlet"), title=a["title"], text=a["text"], authors=(),
                              published=when, published_is_fetch_time=False, language=a["lang"],
                              fetched_at=when, cluster_id=f"c-{a['id']}")
                events = []
                for seq, e in enumerate(a["events"]):
                    events.append(Event(type=e["type"], confidence=1.0, sentence=e.get("evidence") or "",
                                        entities=tuple(e.get("targets") or ()), actor=e.get("actor"),
                                        targets=tuple(e.get("targets") or ()), status=e.get("status")))
                    gold[f"{a['id']}#{seq}"] = e["action"]
                    langs[f"{a['id']}#{seq}"] = a["lang"]
                with transaction(conn):
                    upsert_articles(conn, [art], when)
                w = ExtractionWriter(conn, extractor_version="gold", watchlist_version=watchlist.version,
                                     sentiment_model=None)
                w.fold_options = {"embedder": embedder, "min_similarity": min_similarity}
                w.add([], [Extraction(id=a["id"], lang=a["lang"], events=tuple(events))])
                w.flush()
            placed = {f"{k}#{s}": aid for aid, k, s in conn.execute(
                "SELECT action_id, article_key, seq FROM action_reports").fetchall()}
            pred = {i: placed.get(i, f"alone:{i}") for i in gold}
            p, r, f1 = bcubed(gold, pred)
            cross = [(i, j) for i in gold for j in gold if i < j and gold[i] == gold[j] and langs[i] != langs[j]]
            cross_ok = sum(1 for i, j in cross if pred[i] == pred[j])
            res = Result(split=split, articles=len(arts), events=len(gold), gold_actions=len(set(gold.values())),
                         actions=len(set(pred.values())), precision=p, recall=r, f1=f1, cross_pairs=len(cross),
                         cross_recall=cross_ok / len(cross) if cross else 1.0)
            if records is not None:
                _links(conn, records, split, watchlist, gold, pred, res)
        finally:
            conn.close()
    return res


def _links(conn: Any, path: Path, split: str, watchlist: Any, gold: dict[str, str], pred: dict[str, str],
           res: Result) -> None:
    """Serve the split's records over loopback, run the official-records stage, score the links."""
    from sinowatch.config import Config, FeedConfig
    from sinowatch.official.stage import fetch_official

    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    recs = [r for r in recs if r.get("split") == split]
    res.records = len(recs)
    if not recs:
        return
    fr = {"count": 0, "next_page_url": None,
          "results": [r["document"] for r in recs if r.get("kind") == "federal_register"]}
    csl_entries = [e for r in recs if r.get("kind") == "screening_list" for e in r["entries"]]
    routes = {"/fr.json": json.dumps(fr).encode(), "/csl.json": json.dumps({"results": []}).encode()}
    httpd, base = _serve(routes)
    try:
        cfg = Config()
        cfg.fetch.allow_private, cfg.fetch.retries = True, 0
        cfg.feeds = [FeedConfig(name="fr", url=base + "/fr.json", kind="federal_register"),
                     FeedConfig(name="csl", url=base + "/csl.json", kind="screening_list")]
        last = max(datetime.fromisoformat(str(r["date"])) for r in recs)
        now = datetime.combine(last.date(), time(23), tzinfo=UTC)
        fetch_official(cfg, conn, watchlist=watchlist, now=now, only=["csl"])  # the baseline snapshot
        routes["/csl.json"] = json.dumps({"results": csl_entries}).encode()
        stats = fetch_official(cfg, conn, watchlist=watchlist, now=now, link_days=3650)
        res.notes = stats.lines()
    finally:
        httpd.shutdown()
        httpd.server_close()
    truth = {}
    for r in recs:
        rid = r["document"]["document_number"] if r["kind"] == "federal_register" else r["record_id"]
        truth[(r["kind"], rid)] = r["action"]
        if r["kind"] == "screening_list":  # the stage names a group by its entries' notice
            for e in r["entries"]:
                truth.setdefault((r["kind"], e.get("federal_register_notice") or ""), r["action"])
    res.gold_records = sum(1 for r in recs if r["action"] is not None)
    members: dict[str, set[str]] = defaultdict(set)
    for i, c in pred.items():
        members[c].add(gold[i])
    for aid, kind, rid in conn.execute("SELECT action_id, record_kind, record_id FROM action_records").fetchall():
        if (kind, rid) not in truth:
            continue
        want = truth[(kind, rid)]
        if want is None:  # a decoy: wrong only when joined to an action that reported articles belong to
            if members.get(aid):
                res.links += 1
                res.wrong.append(f"{kind} {rid} -> {aid} (reports of {sorted(members[aid])}; gold: none, a decoy)")
            continue
        res.links += 1
        if want in members.get(aid, set()):
            res.correct_links += 1
        else:
            res.own_action += not members.get(aid)
            res.wrong.append(f"{kind} {rid} -> {aid} (reports of {sorted(members.get(aid, set())) or 'none'}; "
                             f"gold {want})")


def format_result(r: Result) -> str:
    lines = [f"split {r.split}: {r.articles} articles, {r.events} gold events in {r.gold_actions} gold actions; "
             f"the fold made {r.actions} actions",
             f"B-cubed precision {r.precision:.3f}  recall {r.recall:.3f}  F1 {r.f1:.3f}",
             f"cross-language pairs: {r.cross_pairs}, folded together {r.cross_recall:.3f}"]
    if r.records:
        lp = r.link_precision
        lr = r.link_recall
        lines.append(f"official records: {r.records}, links {r.links}, correct {r.correct_links}, "
                     f"link precision {'n/a' if lp is None else f'{lp:.3f}'}, link recall "
                     f"{'n/a' if lr is None else f'{lr:.3f}'} ({r.correct_links} of {r.gold_records} records "
                     "that document a labelled action)")
        if r.wrong:
            lines.append(f"  of the {len(r.wrong)} wrong: {len(r.wrong) - r.own_action} joined another act or a decoy "
                         f"joined one; {r.own_action} started an action of its own (its reported act was missed)")
        lines += [f"  wrong link: {w}" for w in r.wrong]
    return "\n".join(lines)


def confusion(gold: dict[str, str], pred: dict[str, str]) -> Counter[tuple[str, str]]:
    """(gold action, predicted action) counts, for error analysis."""
    return Counter((gold[i], pred[i]) for i in gold)
