"""Pipelines are built once per test session (building them takes seconds)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sinowatch.records import Document, Extraction


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from sinowatch.extractors.pipeline import Extractor

    return Extractor.load()


@pytest.fixture(scope="session")
def tag(extractor):  # type: ignore[no-untyped-def]
    """tag(text, lang=None, title="") -> set of entity ids."""

    def run(text: str, lang: str | None = None, title: str = "") -> set[str]:
        (ex,) = list(extractor.extract([Document(id="t", title=title, text=text, lang=lang)]))
        return {r.entity for r in ex.entities}

    return run


def events_of(extractor, text: str, lang: str, published: str = "2025-03-12", title: str = ""):  # type: ignore[no-untyped-def]
    """The events ``extractor`` finds in one article (the round test files' helper)."""
    (ex,) = extractor.extract([Document(id="a", title=title, text=text, lang=lang, published=published)])
    return ex.events


def types_of(extractor, text: str, lang: str, published: str = "2025-03-12") -> set[str]:  # type: ignore[no-untyped-def]
    """The event types ``extractor`` finds in one article."""
    return {e.type for e in events_of(extractor, text, lang, published)}


def first_actor(extractor, text: str, lang: str, etype: str, published: str = "2025-03-12"):  # type: ignore[no-untyped-def]
    """The actor of the first ``etype`` event ``extractor`` finds in one article; fails when there is none."""
    found = [e.actor for e in events_of(extractor, text, lang, published=published) if e.type == etype]
    assert found, f"no {etype} event in {text!r}"
    return found[0]


def jsonl_rows(path: Path) -> list[dict[str, Any]]:
    """The lines of a JSONL file (the development probes of tests/data/events/)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def extract_one(extractor):  # type: ignore[no-untyped-def]
    def run(text: str, lang: str | None = None, title: str = "") -> Extraction:
        (ex,) = list(extractor.extract([Document(id="t", title=title, text=text, lang=lang)]))
        return ex

    return run


@pytest.fixture(scope="session")
def full():  # type: ignore[no-untyped-def]
    """The extractor as the pipeline runs it by default: the rules and the event classifier."""
    from sinowatch.extractors.pipeline import Extractor

    from sinowatch.config import Config
    from sinowatch.scoring import load_event_model

    cfg = Config()
    return Extractor.load(cfg.extraction, event_model=load_event_model(cfg))


def probe_hits(extractor, rows: list[dict[str, Any]], etype: str = "export_control") -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """A wording probe's lines (one sentence each, ``types`` its gold, dated by the year and month in its ``event`` id)
    through ``extractor``: (lines of ``etype`` found, lines without it that raise it, lines of ``etype``)."""
    docs = [Document(id=r["id"], title="", text=r["text"], lang=r["lang"],
                     published=re.search(r"\d{4}-\d{2}", r["event"]).group(0) + "-28")  # type: ignore[union-attr]
            for r in rows]
    found = [any(e.type == etype for e in x.events) for x in extractor.extract(docs, batch_size=32)]
    gold = [etype in r["types"] for r in rows]
    tp = sum(f and g for f, g in zip(found, gold, strict=True))
    fp = sum(f and not g for f, g in zip(found, gold, strict=True))
    return tp, fp, sum(gold)
