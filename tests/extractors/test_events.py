"""Event detection: types, evidence, actor and targets. Examples written for these tests."""

from __future__ import annotations

import pytest


def _types(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in ex.events}


def test_export_control_with_actor_and_targets(extract_one) -> None:  # type: ignore[no-untyped-def]
    text = "The U.S. Commerce Department told Nvidia it needs export licences to ship the H20 to China."
    ex = extract_one(text, "en")
    (ev,) = [e for e in ex.events if e.type == "export_control"]
    assert ev.actor == "us-commerce"
    assert ev.targets == ("nvidia", "nvidia-h20")
    assert ev.sentence == text
    assert set(ev.entities) == {"us-commerce", "nvidia", "nvidia-h20"}
    assert 0.5 <= ev.confidence <= 1.0


def test_entity_list_actor_is_the_agency(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("BIS added Biren and Moore Threads to the Entity List on Monday.", "en")
    (ev,) = [e for e in ex.events if e.type == "entity_list"]
    assert ev.actor == "bis"
    assert ev.targets == ("biren", "moore-threads")


def test_chinese_entity_list_event(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("商务部宣布将多家美国无人机企业列入不可靠实体清单。", "zh")
    (ev,) = [e for e in ex.events if e.type == "entity_list"]
    assert ev.actor == "mofcom"
    assert "unreliable-entity-list" in ev.entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beijing slapped 34% tariffs on imports of American chips.", {"tariff"}),
        ("SAMR opened an antitrust probe into Nvidia's acquisition of Mellanox.", {"investigation"}),
        ("Zhipu raised 2 billion yuan in a funding round led by state investors.", {"investment"}),
        ("DeepSeek released V4, an open-weight reasoning model.", {"model_release"}),
        ("Cambricon unveiled a new training accelerator for data centres.", {"chip_launch"}),
        ("Cambricon shares rose 12% to a record high.", {"market_move"}),
        ("The State Council issued guidelines for the AI Plus initiative.", {"policy_plan"}),
        ("Unitree signed a supply agreement with a carmaker.", {"partnership"}),
        ("Investors sought fresh information about the group's plans.", set()),
        ("The company recycles most of its water.", set()),
    ],
)
def test_event_types(extract_one, text: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert _types(extract_one(text, "en")) == expected


def test_non_restrictive_events_have_no_actor(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Alibaba shares jumped 8% after the results.", "en")
    (ev,) = ex.events
    # the firm whose shares moved is the target (the article set's convention, issue #15)
    assert ev.type == "market_move" and ev.actor is None and ev.targets == ("alibaba",)
    assert ev.entities == ("alibaba",)


def test_component_serialises_its_triggers(tmp_path, extractor) -> None:  # type: ignore[no-untyped-def]
    comp = extractor.pipelines["en"].get_pipe("sinowatch_events")
    comp.to_disk(tmp_path / "events")
    assert (tmp_path / "events" / "triggers.jsonl").exists()
    n = len(comp._rows)
    comp.from_disk(tmp_path / "events")
    assert len(comp._rows) == n
    matcher = extractor.pipelines["en"].get_pipe("sinowatch_watchlist")
    matcher.to_disk(tmp_path / "wl")
    k = len(matcher.patterns)
    matcher.from_disk(tmp_path / "wl")
    assert len(matcher.patterns) == k and (tmp_path / "wl" / "patterns.jsonl").exists()


def test_trigger_anchors_never_change_results() -> None:
    """The literal pre-check must be a necessary condition of every trigger regex."""
    import re

    from sinowatch.extractors.events import default_trigger_rows, required_literals

    samples = [
        "Shares rose 5% after the export licence was approved; BIS added firms to the Entity List.",
        "商务部对美国模拟芯片发起反倾销调查，寒武纪股价大涨，华为发布昇腾芯片。",
        "The tariff and duties on chips; Zhipu raised $1 billion; DeepSeek released a model.",
    ]
    for row in default_trigger_rows():
        rx = re.compile(row["pattern"], re.IGNORECASE)
        groups = required_literals(row["pattern"])
        for s in samples:
            for m in rx.finditer(s):
                for group in groups:
                    assert any(a in m.group(0).lower() for a in group), (row["pattern"], m.group(0), group)


def test_literal_set_finds_exactly_the_literals_that_occur() -> None:
    """LiteralSet (the detector's one-pass anchor pre-check) must agree with an ``in`` test per
    literal, memo or no memo: ASCII words and word parts, phrases, punctuation, Chinese."""
    from sinowatch.extractors.events import EventDetector, LiteralSet

    literals = ["licen", "export control", "u.s.", "gpt-", "up", "$", "关税", "人工智能＋", "a股", "nm", "ipo"]
    texts = [
        "U.S. export controls: licences for GPT-4 class chips went up; 7nm parts cost $5.",
        "a股上涨，人工智能＋行动；关税 IPO", "", "Nothing here at all.", "unlicensed uploads",
    ]
    small = LiteralSet(literals, memo_size=3)  # a tiny memo is cleared while the texts run
    for _ in range(2):
        for text in texts:
            low = text.lower()
            assert small.found_in(low) == {a for a in literals if a in low}, text

    import spacy

    detector = EventDetector(spacy.blank("en"))
    anchors = {a for t in detector._triggers for group in t.anchors for a in group}
    for text in texts:
        low = text.lower()
        assert detector._literals.found_in(low) == {a for a in anchors if a in low}, text
