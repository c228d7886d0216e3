"""#15 round 34 (from the spent holdouts' errors): a commentator's guess at an act, an act possible only in theory and
one on a finding still to come state no act. Sentences written for these tests (none copied from an evaluation split),
run through the real extractor with the event classifier as the pipeline runs it (``full``), and the vetting function
on its own."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_vetting import guessed

from tests.extractors.conftest import events_of, types_of


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("Customs brokers said the inquiry could end with duties above 200% if the Chinese mills stay silent.", "en", "tariff"),
    ("Some distributors speculated that Korean suppliers might be spared, while Chinese makers could face far higher "
     "anti-dumping duties.", "en", "tariff"),
    ("If it finds injury, the department could set preliminary duties next spring, requiring importers to post cash "
     "deposits.", "en", "tariff"),
    ("Regulators could in theory require an export licence for the source code, but lawyers said a block was unlikely.",
     "en", "export_control"),
    ("监管部门理论上可以要求该交易办理技术出口许可，但律师们认为直接叫停的可能性不大。", "zh", "export_control"),
    ("据报道，一些经销商预计，商务部可能对相关产品加征反倾销税。", "zh", "tariff"),
])
def test_a_guess_at_an_act_states_none(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype", "status"), [
    # the act itself, a threat by the government, and a condition with "will" (proposed by the guideline) keep their events
    ("WASHINGTON, May 6 - The Commerce Department said on Tuesday it would impose anti-dumping duties of up to 80% on "
     "Chinese aluminium wheels.", "en", "tariff", None),
    ("President Trump said on Friday that laptops made outside the United States could face a tariff of 30%.", "en",
     "tariff", "proposed"),
    ("If the commission finds injury, Commerce will issue anti-dumping duty orders on the wheels.", "en", "tariff",
     "proposed"),
    ("商务部12日宣布，自即日起对原产于美国的进口丙烷征收反倾销税。", "zh", "tariff", "enacted"),
])
def test_acts_and_threats_keep_their_events(full, text, lang, etype, status) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in events_of(full, text, lang) if e.type == etype]
    assert events
    if status:
        assert events[0].status == status


@pytest.mark.parametrize(("sentence", "trigger", "etype", "expected"), [
    ("Analysts said the tariffs could cut Chinese exports by a third.", "tariffs", "tariff", False),  # the act named first
    ("Analysts said Beijing imposed the duties last week and could add more.", "duties", "tariff", False),
    ("Analysts said the ministry could impose duties next month.", "duties", "tariff", True),
    ("Lawyers said. The ministry could impose duties.", "duties", "tariff", False),  # the guess ends before the trigger
    ("分析人士认为，商务部或将对相关产品加征关税。", "加征关税", "tariff", True),
    ("分析人士认为，加征关税的可能性不大。", "加征关税", "tariff", False),
])
def test_the_guess_comes_before_the_trigger(sentence, trigger, etype, expected) -> None:  # type: ignore[no-untyped-def]
    assert guessed({"sentence": sentence, "trigger": trigger, "type": etype}) is expected
