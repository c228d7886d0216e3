"""The article-level scorer: locating gold events, status/actor/targets scoring, the report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sinowatch.extractors.evaluate_articles import (
    ERROR_SPLITS,
    ArticleScore,
    error_details,
    evaluate_articles,
    load_articles,
    located_event,
    locates,
    main,
    report,
    score_article,
    stats,
    type_confusion,
)

from sinowatch.errors import ExtractionError
from sinowatch.records import EntityRollup, Event, Extraction

SENTENCE = "The Bureau of Industry and Security on Thursday added six subsidiaries of Inspur Group to the Entity List."


def _event(type_: str, sentence: str = SENTENCE, **kw: Any) -> Event:
    return Event(type=type_, sentence=sentence, entities=("inspur",), **{"confidence": 0.9, **kw})


def _row(**kw: Any) -> dict[str, Any]:
    row = {
        "id": "art-900", "lang": "en", "split": "dev", "story": "s", "title": "t", "text": SENTENCE,
        "entities": ["bis", "inspur", "entity-list"],
        "events": [{"type": "entity_list", "status": "enacted", "actor": "bis", "targets": ["inspur"],
                    "evidence": "added six subsidiaries of Inspur Group", "action": "act-x"}],
    }
    row.update(kw)
    return row


def _ex(*events: Event, entities: tuple[str, ...] = ("bis", "inspur", "entity-list")) -> Extraction:
    return Extraction(id="art-900", lang="en", events=events,
                      entities=tuple(EntityRollup(entity=e, kind="company", count=1) for e in entities))


def test_locates_needs_a_shared_stretch_of_the_evidence() -> None:
    assert locates(_event("entity_list"), "added six subsidiaries of Inspur Group")
    assert locates(_event("entity_list", sentence="added six"), "The bureau added six subsidiaries")  # sentence inside evidence
    assert not locates(_event("entity_list", sentence="Inspur shares fell 9% on Friday."),
                       "added six subsidiaries of Inspur Group")


def test_score_article_counts_status_actor_and_targets() -> None:
    s = ArticleScore()
    score_article(s, _row(), _ex(_event("entity_list", status="enacted", actor="bis", targets=("inspur",))))
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 0, 0)
    assert (s.status.value, s.actor.value, s.targets_jaccard) == (1.0, 1.0, [1.0])
    assert s.new_recall["entity_list"].value == 1.0

    wrong = ArticleScore()
    score_article(wrong, _row(), _ex(_event("entity_list", status="background", actor="us-gov", targets=("inspur", "smic")),
                                     _event("partnership")))
    assert (wrong.events.tp, wrong.events.fp) == (1, 1)
    assert (wrong.status.value, wrong.actor.value, wrong.targets_jaccard) == (0.0, 0.0, [0.5])
    assert wrong.status_confusion[("enacted", "background")] == 1


def test_type_confusion_and_error_details_name_the_sentence_and_the_source() -> None:
    row = _row(events=[*_row()["events"], {"type": "tariff", "status": "enacted", "actor": "us-gov", "targets": [],
                                           "evidence": "a 25% tariff on chips", "action": "act-y"}])
    ex = _ex(_event("entity_list", status="background", trigger="added"), _event("export_control", trigger="export"),
             _event("market_move", sentence="Inspur shares fell 9% on Friday.", confidence=0.91))
    # export_control was typed on the sentence that states the listing; market_move on one that states none
    assert type_confusion(row, ex) == {("entity_list", "export_control"), ("none", "market_move"),
                                       ("tariff", "missed")}
    s = ArticleScore()
    score_article(s, row, ex)
    assert s.type_confusion[("entity_list", "export_control")] == 1
    lines = error_details(row, ex)
    assert any(x.startswith("FP export_control [rule 0.90 'export'") and "Inspur Group" in x for x in lines)
    assert any(x.startswith("FP market_move [classifier 0.91") for x in lines)
    assert any(x.startswith("FN tariff (enacted; typed there: nothing): a 25% tariff") for x in lines)
    assert any(x.startswith("STATUS entity_list background (gold enacted)") for x in lines)
    # errors are listed on dev and the spent holdouts, never on val or test
    assert "dev" in ERROR_SPLITS and "holdout2" in ERROR_SPLITS and "holdout8" in ERROR_SPLITS and "holdout9" in ERROR_SPLITS and "holdout10" in ERROR_SPLITS and "holdout11" in ERROR_SPLITS and "holdout12" in ERROR_SPLITS and "holdout13" in ERROR_SPLITS and "holdout14" in ERROR_SPLITS and "holdout15" in ERROR_SPLITS and "holdout16" in ERROR_SPLITS and "holdout17" in ERROR_SPLITS and "holdout18" in ERROR_SPLITS and "holdout19" in ERROR_SPLITS and "holdout20" in ERROR_SPLITS and "holdout21" in ERROR_SPLITS and "holdout22" in ERROR_SPLITS and "holdout23" in ERROR_SPLITS and "holdout24" in ERROR_SPLITS and "holdout25" in ERROR_SPLITS and "holdout26" in ERROR_SPLITS and "holdout27" in ERROR_SPLITS and "holdout28" in ERROR_SPLITS and "holdout29" in ERROR_SPLITS and "holdout30" in ERROR_SPLITS and "holdout31" in ERROR_SPLITS and "holdout32" in ERROR_SPLITS and "holdout33" in ERROR_SPLITS and "holdout34" in ERROR_SPLITS and "holdout35" in ERROR_SPLITS and "holdout36" in ERROR_SPLITS and "holdout37" in ERROR_SPLITS and "holdout38" in ERROR_SPLITS and "holdout39" in ERROR_SPLITS and "holdout40" in ERROR_SPLITS and "holdout41" in ERROR_SPLITS and "holdout42" in ERROR_SPLITS and "holdout43" in ERROR_SPLITS and "holdout44" in ERROR_SPLITS and "holdout45" in ERROR_SPLITS and "holdout46" in ERROR_SPLITS and "holdout47" in ERROR_SPLITS
    assert not {"val6", "val10", "test"} & set(ERROR_SPLITS)
    assert {"val", "val5"} <= set(ERROR_SPLITS)  # development splits since round 29


def test_unlocated_gold_event_is_a_miss_and_government_ids_are_not_entities() -> None:
    s = ArticleScore()
    score_article(s, _row(), _ex(_event("entity_list", sentence="Unrelated sentence about shares."),
                                 entities=("bis", "inspur", "entity-list", "us-gov")))
    assert s.located.value == 0.0 and s.status.n == 0
    assert s.new_recall["entity_list"].value == 0.0
    assert (s.entities.tp, s.entities.fp) == (3, 0)


def test_stats_and_report_lines() -> None:
    rows = [_row(), _row(id="art-901", lang="zh", split="test")]
    lines = stats(rows)
    assert lines[0].startswith("articles 2 (zh 1, dev 1, val 0, test 1")
    assert "reported by 2+ articles 1 (en+zh 1)" in lines[1]
    s = ArticleScore()
    score_article(s, _row(), _ex(_event("entity_list", status="enacted", actor="bis", targets=("inspur",))))
    text = "\n".join(report({"dev": s, "test": ArticleScore()}))
    assert "dev" in text and "entity_list" in text and "enacted->" not in text


def test_bad_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ExtractionError, match="no evaluation articles"):
        load_articles(tmp_path / "missing.jsonl")
    bad = tmp_path / "a.jsonl"
    bad.write_text('{"id": 1}\n{oops\n', encoding="utf-8")
    with pytest.raises(ExtractionError, match=":2: not JSON"):
        load_articles(bad)
    assert main(["--data", str(bad), "--stats"]) == 2
    assert "not JSON" in capsys.readouterr().out


def test_stats_command_on_the_bundled_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--stats"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("articles ") and "gold events" in out


def test_real_extractor_on_three_articles(extractor) -> None:  # type: ignore[no-untyped-def]
    rows = [r for r in load_articles() if r["id"] in {"art-040", "art-124", "art-132"}]
    scores = evaluate_articles(extractor, rows)
    assert scores["dev"].n + scores["test"].n == 3
    assert scores["dev"].entities.tp >= 4  # Inspur, BIS, Entity List, Commerce ... are tagged


def test_a_gold_event_is_scored_against_the_sentence_that_holds_its_evidence() -> None:
    """A headline sharing a phrase with the evidence does not stand for the body sentence that states the act
    (round 25): the exact sentence is chosen though the headline comes first; the overlap is the fallback."""
    head = _event("tariff", sentence="Commerce issues anti-dumping duty orders on Chinese truck tires", actor=None,
                  field="title")
    body = _event("tariff", sentence="In February 2019, the Commerce Department issued anti-dumping duty orders on "
                  "Chinese truck tires.", actor="us-commerce", status="background")
    evidence = "the Commerce Department issued anti-dumping duty orders on Chinese truck tires"
    assert locates(head, evidence) and located_event([head, body], evidence) is body
    assert located_event([head], evidence) is head  # no exact sentence: the first overlapping one
    assert located_event([head, body], "nothing of the kind was stated here") is None
    score = ArticleScore()
    row = _row(events=[{"type": "tariff", "status": "background", "actor": "us-commerce", "targets": [],
                        "evidence": evidence, "action": "act-1"}])
    score_article(score, row, Extraction(id="art-900", lang="en", events=(head, body)))
    assert (score.status.hit, score.actor.hit) == (1, 1)
