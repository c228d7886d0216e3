"""Actions: the cost of folding events into actions in the extraction load, at 10k and 100k events.

A synthetic stream shaped like the beat: acts of the ten event types on a pool of firms, each
reported by 1-8 articles over a few days (English and Chinese), at ~140 events a day (100k events
are two years), loaded in
publication order in transactions of 2,000 articles as the extraction stage writes them. For each
transaction the extraction rows (``save_extractions``: the baseline, measured in the same run) and
the fold (``fold_saved``) are timed separately.

Printed: fold time / save time at each size (the fold's overhead on the load), and the fold's time
per event at 100k / at 10k (linear cost: the candidate index on (type, target, week) keeps each
event's comparisons bounded; a fold that compared with all actions would grow ~10x here).

    .venv/bin/python -m bench.actions [--sizes 10000,50000,100000]

The first sizes hold less history than the fold looks back (180 days for an enactment to find its
proposal, three years for a background mention): their events meet fewer candidates, so the
cost per event rises until the history is longer than that and is flat after (50k -> 100k).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sinowatch.records import EVENT_TYPES, Article, Event, Extraction

GROUP = 2000
#: events per day: a larger warehouse is a longer history at the same daily rate (a denser stream
#: would put more acts on each firm and week, which is another question than the cost's growth)
PER_DAY = 140


def stream(n_events: int, seed: int = 7) -> list[tuple[Article, Extraction]]:
    rng = random.Random(seed)
    firms = [f"firm-{i:03d}" for i in range(300)]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    out: list[tuple[Article, Extraction]] = []
    act = 0
    while len(out) < n_events:
        act += 1
        etype = rng.choice(EVENT_TYPES)
        targets = tuple(rng.sample(firms, rng.choice((1, 1, 2))))
        t0 = start + timedelta(minutes=rng.randrange(max(1, n_events // PER_DAY) * 24 * 60))
        actor = rng.choice(("bis", "us-commerce", "mofcom", None))
        for r in range(rng.randint(1, 8)):
            key = f"a{act:06d}-{r}"
            when = t0 + timedelta(hours=rng.randrange(96))
            lang = rng.choice(("en", "en", "zh"))
            art = Article(key=key, url=f"https://x.example/{key}", guid=None, feed=f"feed{r % 9}", title=f"act {act}",
                          text="", authors=(), published=when, published_is_fetch_time=False, language=lang,
                          fetched_at=when, cluster_id=f"c-{key}")
            ev = Event(type=etype, confidence=0.9, sentence=f"Act {act} on {', '.join(targets)}: {r + 1} units.",
                       entities=targets, actor=actor, targets=targets, status=rng.choice(("enacted", "proposed", None)))
            out.append((art, Extraction(id=key, lang=lang, events=(ev,))))
    out = out[:n_events]
    out.sort(key=lambda p: (p[0].published, p[0].key))
    return out


def measure(n: int) -> tuple[float, float, int]:
    """(save seconds, fold seconds, actions) for n events."""
    from sinowatch.warehouse.db import connect, transaction
    from sinowatch.warehouse.extraction import save_extractions
    from sinowatch.warehouse.load import upsert_articles

    from sinowatch.actions.stage import fold_saved

    data = stream(n)
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "bench.duckdb")
        with transaction(conn):
            upsert_articles(conn, [a for a, _ in data], datetime.now(UTC))
        save_s = fold_s = 0.0
        for i in range(0, len(data), GROUP):
            exs = [e for _, e in data[i:i + GROUP]]
            with transaction(conn):
                t = time.perf_counter()
                save_extractions(conn, exs, extractor_version="b", watchlist_version="b", sentiment_model=None,
                                 defer_facts=True)
                t1 = time.perf_counter()
                fold_saved(conn, exs)
                t2 = time.perf_counter()
            save_s += t1 - t
            fold_s += t2 - t1
        actions = conn.execute("SELECT count(*) FROM actions").fetchone()[0]
        conn.close()
    return save_s, fold_s, int(actions)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,50000,100000", help="event counts, comma-separated (first = the base)")
    sizes = [int(x) for x in ap.parse_args().sizes.split(",")]
    per_event: dict[int, float] = {}
    for n in sizes:
        save_s, fold_s, actions = measure(n)
        per_event[n] = fold_s / n
        print(f"{n:>7} events -> {actions} actions: save {save_s:.2f}s, fold {fold_s:.2f}s, "
              f"fold/save {fold_s / save_s:.2f}x, fold {1e6 * fold_s / n:.0f} us/event")
    for i, n in enumerate(sizes[1:], 1):
        for base in sizes[:i]:
            print(f"fold time per event at {n} / at {base}: {per_event[n] / per_event[base]:.2f} "
                  f"(1.0 = linear; comparing with all actions would give ~{n / base:.0f})")


if __name__ == "__main__":
    main()
