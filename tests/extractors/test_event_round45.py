"""#15 round 45. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.115 (from the spent holdout42's errors; fitted): export curbs named as the scope of a probe are what is
# probed, no control imposed in the sentence
@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry also opened an investigation into U.S. measures that it said hurt supply chains, including curbs that "
     "keep Chinese goods out and limits on exports of advanced chips.", "en"),
    ("The ministry's new probe covers export curbs on lithography equipment as well as visa limits on Chinese students.",
     "en"),
    ("商务部宣布对美方有关做法发起调查，调查范围包括美方对半导体制造设备的出口管制措施。", "zh"),
])
def test_export_curbs_as_a_probes_scope_are_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department opened an investigation into the supplier and imposed export curbs on its Chinese "
     "customers.", "en"),
    ("The Commerce Department on Tuesday tightened export curbs on chipmaking tools to China.", "en"),
    ("商务部宣布对相关企业发起调查，并宣布对其实施出口管制措施。", "zh"),
])
def test_export_curbs_imposed_beside_a_probe_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)
