"""#15 round 41 (from the spent holdouts' errors). Sentences written for these tests (none copied from an evaluation
split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.89: a worry that probes may come, a case's course told as its length and audits that buyers ask of their
# suppliers are no investigation (the worry also when the classifier reads the sentence)
@pytest.mark.parametrize(("text", "lang"), [
    ("不过，部分化工出口企业担忧，韩国可能在明年对更多氯碱产品发起反倾销调查。", "zh"),
    ("Exporters fear Seoul could open more anti-dumping investigations into Chinese soda ash next year.", "en"),
    ("该案从立案到作出终裁历时约十一个月，多数中国企业未应诉。", "zh"),
    ("CBP's withhold release order of May 2023 on rubber boots from a Guangdong maker, issued over prison labour, has led "
     "buyers to demand audits of entire supply chains, consultants say.", "en"),
])
def test_worries_case_lengths_and_buyers_audits_are_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang, "2025-06-01")


@pytest.mark.parametrize(("text", "lang"), [
    # a probe opened, also beside a worry that more may come, and an audit a regulator orders stay investigations
    ("韩国贸易委员会3日对原产于中国的纯碱发起反倾销调查，部分出口企业担忧更多产品可能受到影响。", "zh"),
    ("Seoul opened an anti-dumping investigation into Chinese soda ash on Tuesday, and exporters fear more cases could "
     "follow.", "en"),
    ("商务部对原产于美国的进口卤化丁基橡胶立案调查。", "zh"),
    ("The regulator ordered an audit of the company's data handling after the leak.", "en"),
])
def test_probes_beside_worries_still_count(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang, "2025-06-01")
