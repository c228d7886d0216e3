"""The #15 budget benchmark's "before" extractor still runs against today's detector: its patches
follow the signatures they replace (round 12 found ``_earlier_actor``'s new keyword had broken it)."""

from __future__ import annotations

import pytest

from sinowatch.records import Document


def test_before_issue_15_extracts_rules_only_events() -> None:
    pytest.importorskip("bench.event_roles")
    from bench.event_roles import before_issue_15, extractors

    _new, old = extractors()
    doc = Document(id="b", title="", lang="en",
                   # no actor in the act's sentence and none implied by its instrument: the earlier-actor step runs
                   text="The Commerce Department issued a notice on Friday. It imposed export restrictions on chip "
                        "tools bound for China.")
    with before_issue_15():
        (ex,) = old.extract([doc])
    (ev,) = [e for e in ex.events if e.type == "export_control"]
    assert ev.status is None and ev.actor is None  # no status and no earlier actor before #15


def test_a_candidate_classifier_is_the_now_side(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``--event-classifier DIR`` prices a candidate: the "now" extractor loads it, the "before" one has none."""
    import json
    import shutil

    pytest.importorskip("bench.event_roles")
    from sinowatch.models.events.runtime import ARTIFACT_DIR

    from bench.event_roles import extractors

    cand = tmp_path / "cand"
    shutil.copytree(ARTIFACT_DIR, cand)
    config = json.loads((cand / "config.json").read_text())
    config["version"] = "0123456789ab"
    (cand / "config.json").write_text(json.dumps(config))
    new, old = extractors(str(cand))
    assert "events-0123456789ab" in new.version and "events-" not in old.version
    bundled, _ = extractors()
    assert "events-0123456789ab" not in bundled.version
