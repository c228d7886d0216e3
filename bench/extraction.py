"""Extraction: Extractor.extract (watchlist matcher, event detector, records) against plain nlp.pipe
over the same texts with the same pipelines and the sinowatch components switched off
(sinowatch.extractors.evaluate.measure_speed: best of interleaved repeats)."""

from __future__ import annotations

from pathlib import Path

from bench.common import Section, Sizes, ratio
from bench.corpus import read_articles


def documents(corpus: Path, n: int) -> list:  # type: ignore[type-arg]
    from sinowatch.records import Document

    return [Document(id=r["id"], title=r["title"], text=r["text"], lang=r["lang"])
            for r in read_articles(corpus, limit=n)]


def run(section: Section, sizes: Sizes, corpus: Path) -> None:
    from sinowatch.extractors.evaluate import measure_speed
    from sinowatch.extractors.pipeline import Extractor

    from sinowatch.config import ExtractionConfig

    docs = documents(corpus, sizes.extraction)
    ex = Extractor.load(ExtractionConfig(event_classifier=False))
    res = measure_speed(ex, docs, batch_size=ExtractionConfig().batch_size, repeats=2 if sizes.quick else 3)
    over = res["custom_s"] / res["plain_s"] - 1
    section.add("extraction (sinowatch extract)", res["custom_per_s"], "articles/s",
                "plain nlp.pipe, custom components off", res["plain_per_s"], ratio(res["custom_s"], res["plain_s"]),
                "custom time / plain time", floor="custom components < 30% on top (ratio < 1.30)",
                passed=over < 0.30, note=f"{len(docs)} articles; overhead {100 * over:.0f}%")
    section.extra.update(res)
    section.notes.append(f"pipelines: en={ex.pipelines['en'].pipe_names}, zh={ex.pipelines['zh'].pipe_names}")
