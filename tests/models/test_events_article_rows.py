"""The event classifier's rows from the spent evaluation articles (round 11): which sentences, which
labels, which splits are never read. Pure functions on a small written articles file; nothing is
trained."""

from __future__ import annotations

import json
from pathlib import Path

from sinowatch.models.events import data as evdata


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


def test_article_rows_labels_and_splits(tmp_path: Path) -> None:
    rows = [
        _article("dev", "s-one", "The agency added five firms to the Entity List on Friday. Shares of one fell 5%. "
                 "The company declined to comment.",
                 [_ev("entity_list", "added five firms to the Entity List"), _ev("market_move", "Shares of one fell 5%")],
                 title="Agency blacklists five firms"),
        _article("holdout8", "s-neg", "The probe reached Mars orbit. Mission controls were tested.", []),
        _article("test", "s-test", "Washington imposed new controls. Nothing else.", [_ev("export_control", "imposed new controls")]),
        _article("val", "s-val", "Washington imposed new controls.", [_ev("export_control", "imposed new controls")]),
        _article("holdout13", "s-sealed", "Washington imposed new controls.", [_ev("export_control", "imposed new controls")]),
        _article("val3", "s-val3", "Washington imposed new controls.", [_ev("export_control", "imposed new controls")]),
        _article("val4", "s-val4", "Washington imposed new controls.", [_ev("export_control", "imposed new controls")]),
        _article("dev", "s-term", "DeepSeek released a model. It was popular.", [_ev("model_release", "DeepSeek released a model")]),
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = {text: (group, labels, status) for group, labels, status, text in evdata.article_sentences(path)}
    # an evidence sentence carries its event's type and status, grouped by storyline
    assert got["The agency added five firms to the Entity List on Friday."] == ("art-s-one", ("entity_list",), "enacted")
    assert got["Shares of one fell 5%."] == ("art-s-one", ("market_move",), "enacted")
    # other sentences of an article with events may restate them: not rows at all
    assert "The company declined to comment." not in got and "Agency blacklists five firms" not in got
    # a hard-negative article: every sentence a negative
    assert got["The probe reached Mars orbit."] == ("art-s-neg", (), None)
    assert got["Mission controls were tested."] == ("art-s-neg", (), None)
    # never test, val or a sealed holdout; never a sentence naming a subject of a test storyline
    assert not any("Washington" in t for t in got)
    assert "DeepSeek released a model." not in got and "It was popular." not in got


def test_committed_sentences_hold_the_spent_articles() -> None:
    rows = evdata.load()
    art = [s for s in rows if s.group.startswith("art-")]
    assert len(art) >= 900 and sum(bool(s.labels) for s in art) >= 500
    assert {s.split for s in art} == {"train", "val"}
    assert {"holdout9", "holdout10", "holdout11"} <= set(evdata.ARTICLE_SPLITS)
    assert not {"test", "val", "val2", "val3", "val4", "val5", "holdout13"} & set(evdata.ARTICLE_SPLITS)
