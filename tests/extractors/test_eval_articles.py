"""`sinowatch eval --articles FILE --split dev|test|holdout` and evaluate_split: one split at a time, dev
errors listed, status/actor/targets figures, on a small set written for this test (not the
project's evaluation set)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sinowatch.extractors.evaluate_articles import evaluate_split, load_articles

from sinowatch.errors import ExtractionError

CLI = [sys.executable, "-c", "from sinowatch.cli import main; main()"]

ARTICLES = [
    {"id": "t-1", "lang": "en", "entities": ["inspur", "entity-list"], "split": "dev", "story": "s1", "published": "2026-11-30",
     "title": "US weighs adding more Inspur units to Entity List",
     "text": "Washington is weighing adding more Inspur units to the Entity List, people familiar said.\n\n"
             "Inspur was first added to the Entity List in 2023 over its supercomputing work.",
     "events": [
         {"type": "entity_list", "status": "proposed", "actor": "us-gov", "targets": ["inspur"],
          "evidence": "US weighs adding more Inspur units to Entity List", "action": "act-1"},
         {"type": "entity_list", "status": "background", "actor": "us-gov", "targets": ["inspur"],
          "evidence": "Inspur was first added to the Entity List in 2023", "action": "act-0"}]},
    {"id": "t-2", "lang": "zh", "entities": [], "split": "dev", "story": "s2", "published": "2026-11-30",
     "title": "中方对美国芯片加征关税",
     "text": "中方宣布对部分美国芯片加征关税。",
     "events": [{"type": "tariff", "status": "enacted", "actor": "mofcom", "targets": [],
                 "evidence": "中方宣布对部分美国芯片加征关税", "action": "act-2"}]},
    {"id": "t-3", "lang": "en", "entities": ["baidu"], "split": "test", "story": "s3", "published": "2026-11-30",
     "title": "Baidu releases Ernie 5", "text": "Baidu released its Ernie 5 model on Tuesday.",
     "events": [{"type": "model_release", "status": "enacted", "actor": None, "targets": [],
                 "evidence": "Baidu releases Ernie 5", "action": "act-3"}]},
    {"id": "t-4", "lang": "en", "entities": ["tsmc"], "split": "holdout", "story": "s4", "published": "2026-11-30",
     "title": "Commerce orders TSMC to halt some chip shipments",
     "text": "The Commerce Department ordered TSMC to halt shipments of some advanced chips to Chinese customers.",
     "events": [{"type": "export_control", "status": "enacted", "actor": "us-commerce", "targets": ["tsmc"],
                 "evidence": "The Commerce Department ordered TSMC to halt shipments", "action": "act-4"}]},
]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "articles.jsonl"
    p.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return p


def test_splits_are_kept_apart(extractor, path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = load_articles(path)
    dev, _ = evaluate_split(extractor, rows, "dev")
    test, test_errors = evaluate_split(extractor, rows, "test")
    holdout, _ = evaluate_split(extractor, rows, "holdout")
    assert (dev.n, test.n, holdout.n) == (2, 1, 1)
    assert test_errors == []  # the test split's errors are never listed (spent holdouts' may be)
    assert holdout.per_type["export_control"].tp + holdout.per_type["export_control"].fn == 1
    with pytest.raises(ExtractionError, match="--split must be one of dev, val, val2, val3, val4, val5, val6, val7, val8, val9, val10, val11, val12, val13, val14, val15, val16, val17, val18, val19, val20, val21, val22, val23, val24, val25, val26, val27, val28, val29, val30, test, holdout"):
        evaluate_split(extractor, rows, "train")


def test_figures(extractor, path: Path) -> None:  # type: ignore[no-untyped-def]
    res, errors = evaluate_split(extractor, load_articles(path), "dev")
    assert res.per_type["entity_list"].tp == 1 and res.per_type["tariff"].tp == 1
    # each gold event is located by its evidence: the proposal and the 2023 listing are told apart
    # (the 2023 listing reads as background because the article is dated 2026)
    assert res.status_confusion[("proposed", "proposed")] == 1
    assert res.status_confusion[("background", "background")] == 1
    # the Chinese tariff: cn-gov where this test's gold names MOFCOM counts as a wrong actor
    assert (res.actor.hit, res.actor.n) == (2, 3)
    assert res.targets.recall == 1.0
    assert any("actor cn-gov (gold mofcom)" in e["roles"] for e in errors)


def test_cli(path: Path, tmp_path: Path) -> None:
    res = subprocess.run([*CLI, "eval", "--articles", str(path), "--split", "test"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "split test (1 articles)" in res.stdout and "never tune" in res.stdout
    assert "status accuracy" in res.stdout and "actor accuracy" in res.stdout and "model_release" in res.stdout
    assert "split-errors" not in res.stdout and "type confusion" in res.stdout
    held = subprocess.run([*CLI, "eval", "--articles", str(path), "--split", "holdout", "--no-errors"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert held.returncode == 0, held.stderr
    assert "split holdout (1 articles)" in held.stdout and "never tune" in held.stdout
    bad = subprocess.run([*CLI, "eval", "--articles", str(tmp_path / "missing.jsonl")], capture_output=True,
                         text=True, cwd=tmp_path, timeout=120)
    assert bad.returncode != 0 and "no evaluation articles at" in bad.stderr


def test_error_detail_on_dev_and_spent_holdouts_only(tmp_path: Path) -> None:
    rows = [
        {"id": "d-1", "lang": "en", "entities": ["baidu"], "split": split, "story": f"s-{split}", "published": "2026-11-30",
         "title": "Baidu releases Ernie 5", "text": "Baidu released its Ernie 5 model on Tuesday.",
         "events": [{"type": "model_release", "status": "enacted", "actor": None, "targets": ["baidu"],
                     "evidence": "Baidu releases Ernie 5", "action": "act-r"},
                    # a gold type the text does not state: always a miss
                    {"type": "investment", "status": "enacted", "actor": None, "targets": ["baidu"],
                     "evidence": "Baidu released its Ernie 5 model", "action": "act-i"}]}
        for split in ("dev", "holdout2", "val", "val6")]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    # val is a development split since round 29 (errors listed); val6 a validation split (never listed)
    for split, listed in (("dev", True), ("holdout2", True), ("val", True), ("val6", False)):
        res = subprocess.run([*CLI, "eval", "--articles", str(path), "--split", split, "--error-detail"],
                             capture_output=True, text=True, cwd=tmp_path, timeout=300)
        assert res.returncode == 0, res.stderr
        assert "type confusion" in res.stdout and "investment" in res.stdout
        detail = "FN investment (enacted; typed there: model_release): Baidu released its Ernie 5 model"
        assert (detail in res.stdout) is listed, (split, res.stdout[-800:])


def test_splits_pooled_by_list_or_group(extractor, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Several splits scored as one (round 25): the figures the rule for extractor changes reads (``validation``)."""
    from sinowatch.extractors.evaluate_articles import SPLIT_GROUPS, VALIDATION_SPLITS, split_names

    rows = load_articles(path)
    pooled, errors = evaluate_split(extractor, rows, "dev,holdout")
    dev, _ = evaluate_split(extractor, rows, "dev")
    holdout, _ = evaluate_split(extractor, rows, "holdout")
    assert pooled.n == dev.n + holdout.n == 3
    assert pooled.events.tp == dev.events.tp + holdout.events.tp and pooled.status.n == dev.status.n + holdout.status.n
    assert errors  # dev and a spent holdout: errors listed
    _, mixed = evaluate_split(extractor, rows, "dev,test")
    assert mixed == []  # the test split in the pool: no errors listed
    assert split_names("validation") == VALIDATION_SPLITS and "holdout" in SPLIT_GROUPS["spent"]
    # since round 29 the five oldest validation splits are development splits: not in the validation pool
    assert split_names("development") == ("val", "val2", "val3", "val4", "val5")
    assert not set(split_names("development")) & set(VALIDATION_SPLITS)
    none, _ = evaluate_split(extractor, rows, "validation")
    assert none.n == 0  # this file has no validation rows
    with pytest.raises(ExtractionError, match="comma-separated list"):
        evaluate_split(extractor, rows, "dev,train")


def test_cli_pooled(path: Path, tmp_path: Path) -> None:
    res = subprocess.run([*CLI, "eval", "--articles", str(path), "--split", "dev,holdout", "--no-errors"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "split dev,holdout (3 articles, pooled: dev, holdout)" in res.stdout and "never tune" in res.stdout
    bad = subprocess.run([*CLI, "eval", "--articles", str(path), "--split", "val99"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert bad.returncode != 0 and "must be one of" in bad.stderr
