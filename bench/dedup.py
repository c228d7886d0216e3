"""Dedup: the LSH cluster index (ClusterIndex.assign, in publication order) at growing sizes.

The baseline is the smallest size in the same run: near-linear growth means time(N) / time(N0)
stays close to N / N0 (an all-pairs comparison would grow with (N / N0)^2).

MinHash signatures are computed once, for the first ``N0`` corpus articles (their cost is per
article, linear by construction, and is reported separately); the larger sets are that base set
repeated with each copy's signature values XOR-ed with its own random mask, so copies never share
a band bucket with each other while each copy keeps the corpus's own near-duplicate structure.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from bench.common import Section, Sizes, ratio
from bench.corpus import read_articles


def run(section: Section, sizes: Sizes, corpus: Path) -> None:
    from sinowatch.ingest.dedup import ClusterIndex, signature

    n0 = sizes.dedup[0]
    rows = read_articles(corpus, limit=n0)
    t = time.perf_counter()
    base = [signature(f"{r['title']}\n{r['text']}", r["lang"]) for r in rows]
    sig_s = time.perf_counter() - t
    keys = [r["id"] for r in rows]
    rng = np.random.default_rng(7)

    def signatures(n: int) -> list[tuple[str, bytes]]:
        out: list[tuple[str, bytes]] = []
        copy = 0
        while len(out) < n:
            mask = np.uint32(0) if copy == 0 else rng.integers(1, 2**32 - 1, dtype=np.uint32)
            for k, s in zip(keys, base, strict=True):
                if len(out) >= n:
                    break
                sig = (np.frombuffer(s, dtype=np.uint32) ^ mask).tobytes() if s and copy else s
                out.append((f"{k}-{copy}", sig))
            copy += 1
        return out

    timings: dict[int, float] = {}
    clusters: dict[int, int] = {}
    for n in sizes.dedup:
        items = signatures(n)
        best = float("inf")
        for _ in range(2):
            index = ClusterIndex()
            t = time.perf_counter()
            for k, s in items:
                index.assign(k, s)
            best = min(best, time.perf_counter() - t)
        timings[n], clusters[n] = best, index.n_clusters
    t0 = timings[n0]
    for n in sizes.dedup:
        growth = timings[n] / t0
        linear = n / n0
        section.add(f"dedup index, {n:,} articles", timings[n], "s", f"same index at {n0:,}", t0,
                    ratio(timings[n], t0), "time(N) / time(N0)",
                    floor=f"near-linear: ~{linear:g}x (all-pairs: {linear ** 2:g}x)",
                    passed=growth <= linear * 1.5 if n != n0 else None,
                    note=f"{1e6 * timings[n] / n:.1f} us/article; {clusters[n]:,} clusters")
    section.add("MinHash signature (parse stage)", 1e3 * sig_s / n0, "ms/article", "dedup index per article",
                1e3 * t0 / n0, ratio(sig_s, t0), "signature time / index time",
                note=f"computed for the {n0:,} base articles")
    dups = sum(1 for r in rows if r.get("syndicated_from"))
    section.extra.update({"timings_s": {str(k): round(v, 3) for k, v in timings.items()},
                          "clusters": {str(k): v for k, v in clusters.items()}, "syndicated_in_base": dups,
                          "signature_s": round(sig_s, 2)})
    section.notes.append(f"base {n0:,} articles ({dups} syndicated copies) -> {clusters[n0]:,} clusters "
                         f"(ideal {n0 - dups:,})")
