"""eval-actions: B-cubed over gold action ids, cross-language pairs, on a small labelled file."""

from __future__ import annotations

import json

from sinowatch.actions.evaluate import bcubed, evaluate, format_result


def test_bcubed_known_values() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, {"a": "1", "b": "1", "c": "2"}) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(gold, {"a": "1", "b": "1", "c": "1"})  # everything merged
    assert (round(p, 4), r) == (round((2 / 3 * 2 + 1 / 3) / 3, 4), 1.0)
    p, r, _ = bcubed(gold, {"a": "1", "b": "2", "c": "3"})  # nothing merged
    assert (p, round(r, 4)) == (1.0, round((0.5 + 0.5 + 1) / 3, 4))


def _art(id_, lang, day, action, targets, split="dev", status="enacted"):  # type: ignore[no-untyped-def]
    ev = {"type": "entity_list", "status": status, "actor": "bis", "targets": targets, "evidence": f"{id_} text",
          "action": action}
    return {"id": id_, "lang": lang, "title": id_, "text": f"{id_} text", "published": day, "outlet": f"o-{id_}",
            "split": split, "story": action, "entities": targets, "events": [ev]}


def test_evaluate_scores_the_fold_on_gold_events(tmp_path) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [_art("a1", "en", "2023-03-02", "act-1", ["inspur"]), _art("a2", "zh", "2023-03-03", "act-1", ["inspur"]),
            _art("a3", "en", "2024-06-01", "act-2", ["inspur"]),  # another act on the same firm, a year later
            _art("t1", "en", "2023-03-02", "act-9", ["sugon"], split="test")]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    res = evaluate(path, split="dev")
    assert (res.articles, res.events, res.gold_actions, res.actions) == (3, 3, 2, 2)
    assert (res.precision, res.recall, res.f1) == (1.0, 1.0, 1.0)
    assert (res.cross_pairs, res.cross_recall) == (1, 1.0)


def _fr(number: str, day: str, action: str | None, split: str = "holdout",  # type: ignore[type-arg]
        cited: bool = True) -> dict:
    return {"kind": "federal_register", "split": split, "action": action, "date": day,
            "document": {"document_number": number, "citation": f"90 FR {number[-4:]}" if cited else None,
                         "title": "Additions to the Entity List: Inspur Group units",
                         "abstract": "BIS adds Inspur Group subsidiaries under the destination of China.",
                         "action": "Final rule.", "type": "Rule", "publication_date": day, "effective_on": day,
                         "html_url": f"https://www.federalregister.gov/d/{number}", "pdf_url": None,
                         "raw_text_url": None, "cfr_references": [{"title": 15, "part": 744}],
                         "agencies": [{"slug": "industry-and-security-bureau"}]}}


def test_a_decoy_joined_to_reported_action_is_a_wrong_link(tmp_path) -> None:
    """The holdout split is scored like the others; a decoy record (gold action null) that the stage
    joins to the reported action costs link precision, and a true record's link counts as correct.
    (The decoy has no citation: one with another citation than the linked rule's would be kept apart.)"""
    path, recs = tmp_path / "articles.jsonl", tmp_path / "records.jsonl"
    rows = [_art("h1", "en", "2025-03-25", "act-h", ["inspur"], split="holdout"),
            _art("h2", "zh", "2025-03-26", "act-h", ["inspur"], split="holdout"),
            _art("d1", "en", "2025-03-25", "act-d", ["inspur"])]  # a dev article: not loaded
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    recs.write_text("\n".join(json.dumps(r) for r in [_fr("2025-05001", "2025-03-25", "act-h"),
                                                      _fr("2025-05002", "2025-03-27", None, cited=False),
                                                      _fr("2025-05003", "2025-03-25", "act-d", split="dev")])
                    + "\n", encoding="utf-8")
    res = evaluate(path, split="holdout", records=recs)
    assert (res.articles, res.gold_actions, res.records) == (2, 1, 2)
    assert (res.links, res.correct_links) == (2, 1)
    assert len(res.wrong) == 1 and "decoy" in res.wrong[0] and "2025-05002" in res.wrong[0]
    assert (res.gold_records, res.link_recall) == (1, 1.0)  # the decoy is not in recall's denominator
    assert "link recall 1.000 (1 of 1 records" in format_result(res)


def test_a_screening_list_group_is_scored_under_its_entries_notice(tmp_path) -> None:
    """The stage names a group by its entries' notice; a record whose record_id differs (a notice
    field citing several rules) is still scored (before, it was silently left out)."""
    path, recs = tmp_path / "articles.jsonl", tmp_path / "records.jsonl"
    rows = [_art("h1", "en", "2025-03-25", "act-h", ["inspur"], split="holdout")]
    path.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    entry = {"id": "el-1", "source": "Entity List (EL) - Bureau of Industry and Security",
             "name": "Inspur Electronic Information Industry Co., Ltd.", "addresses": [{"country": "CN"}],
             "federal_register_notice": "88 FR 12367, 3/2/23. 90 FR 5555, 3/25/25.", "start_date": "2025-03-25"}
    rec = {"kind": "screening_list", "split": "holdout", "action": "act-h", "date": "2025-03-25",
           "record_id": "90 FR 5555", "entries": [entry]}
    recs.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    res = evaluate(path, split="holdout", records=recs)
    assert (res.links, res.correct_links, res.gold_records) == (1, 1, 1)
