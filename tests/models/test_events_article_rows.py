"""The event classifier's rows from the spent evaluation articles (round 11): which sentences, which
labels, which cells are unknown, and that unknown cells count neither in the calibration nor in the
scores. Pure functions on a small written articles file; nothing is trained."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sinowatch.models.events import data as evdata
from sinowatch.models.events.train import calibrate, known, scores, targets

from sinowatch.records import EVENT_TYPES


def _article(split: str, story: str, text: str, events: list[dict[str, str]], title: str = "Title") -> dict[str, object]:
    return {"id": "art-9999", "lang": "en", "title": title, "text": text, "published": "2025-01-02", "outlet": "x",
            "split": split, "story": story, "entities": [], "events": events}


def _ev(type_: str, evidence: str) -> dict[str, str]:
    return {"type": type_, "status": "enacted", "actor": "bis", "targets": [], "evidence": evidence, "action": "act-x"}


def test_split_sentences_keeps_abbreviations_and_cuts_chinese() -> None:
    text = ("WASHINGTON, Jan. 5 - The U.S. Commerce Department added 12 firms. \"It is a big step,\" an official said.\n\n"
            "商务部宣布对相关企业实施出口管制。此举立即生效！分析人士表示担忧？")
    assert evdata.split_sentences(text) == [
        "WASHINGTON, Jan. 5 - The U.S. Commerce Department added 12 firms.",
        "\"It is a big step,\" an official said.",
        "商务部宣布对相关企业实施出口管制。", "此举立即生效！", "分析人士表示担忧？"]


def test_article_rows_labels_unknown_and_splits(tmp_path: Path) -> None:
    rows = [
        _article("dev", "s-one", "The agency added five firms to the Entity List on Friday. Shares of one fell 5%. "
                 "The company declined to comment.",
                 [_ev("entity_list", "added five firms to the Entity List"), _ev("market_move", "Shares of one fell 5%")],
                 title="Agency blacklists five firms"),
        _article("holdout8", "s-neg", "The probe reached Mars orbit. Mission controls were tested.", []),
        _article("test", "s-test", "Washington imposed new controls. Nothing else.", [_ev("export_control", "imposed new controls")]),
        _article("val", "s-val", "Washington imposed new controls.", [_ev("export_control", "imposed new controls")]),
        _article("dev", "s-term", "DeepSeek released a model. It was popular.", [_ev("model_release", "DeepSeek released a model")]),
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = {text: (group, labels, status, unknown) for group, labels, status, text, unknown in evdata.article_sentences(path)}
    # the evidence sentences carry their event's type; the other present type is unknown for them
    assert got["The agency added five firms to the Entity List on Friday."] == (
        "art-s-one", ("entity_list",), "enacted", ("market_move",))
    assert got["Shares of one fell 5%."][1:] == (("market_move",), "enacted", ("entity_list",))
    # a sentence holding no evidence: no type, the article's types unknown, every other type a negative
    assert got["The company declined to comment."] == ("art-s-one", (), None, ("entity_list", "market_move"))
    assert got["Agency blacklists five firms"][1] == ()
    # a hard-negative article: every sentence a plain negative
    assert got["The probe reached Mars orbit."] == ("art-s-neg", (), None, ())
    # never the test or val split; never a sentence naming a subject of a test storyline
    assert not any("Washington" in t for t in got)
    assert "DeepSeek released a model." not in got and "It was popular." in got


def test_unknown_cells_count_neither_way() -> None:
    rows = [evdata.Sentence("a", "x", "en", ("tariff",), None, "g", "val"),
            evdata.Sentence("b", "y", "en", (), None, "g", "val", unknown=("tariff",))]
    y, mask = targets(rows), known(rows)
    j = EVENT_TYPES.index("tariff")
    assert mask[1, j] == 0 and mask[0, j] == 1 and mask[1].sum() == len(EVENT_TYPES) - 1
    probs = np.zeros((2, len(EVENT_TYPES)), dtype=np.float32)
    probs[0, j], probs[1, j] = 0.6, 0.9
    th = [0.5] * len(EVENT_TYPES)
    # the sentence that may restate the tariff is no false positive when masked
    assert scores(probs, y, th, mask)["per_type"]["tariff"]["precision"] == 1.0
    assert scores(probs, y, th)["per_type"]["tariff"]["precision"] == 0.5
    # calibration reads the same cells: masked, F1 1.0 at any threshold up to 0.6
    assert calibrate(probs, y, mask)[j] <= 0.6
    assert scores(probs, y, [calibrate(probs, y, mask)[j]] * len(EVENT_TYPES), mask)["per_type"]["tariff"]["f1"] == 1.0
