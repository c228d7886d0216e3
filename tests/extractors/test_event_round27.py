"""#15 extract-0.7.27 (round 27): a decimal point in Chinese text no longer ends a sentence, and prosecutors' charges
are a decided step the classifier keeps. Sentences written for these tests (none copied from an evaluation split or a
probe), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


@pytest.mark.parametrize("text", [
    "海关总署官员表示，正在研究对进口瓷砖征收最高27.83%反倾销税的建议，将在晚些时候公布决定。",
    "商务部裁定，自即日起对原产于美国的进口卤化丁基橡胶征收26.2%的反倾销税。",
])
def test_a_decimal_point_does_not_end_a_chinese_sentence(full, text) -> None:  # type: ignore[no-untyped-def]
    (tariff,) = [e for e in events_of(full, text, "zh") if e.type == "tariff"]
    assert tariff.sentence == text  # one sentence: "27." and "83%..." were two, so the proposal cue was cut off


def test_the_whole_sentence_keeps_a_proposal_before_a_decimal_rate(full) -> None:  # type: ignore[no-untyped-def]
    text = "海关总署官员表示，正在研究对进口瓷砖征收最高27.83%反倾销税的建议，将在晚些时候公布决定。"
    assert {e.status for e in events_of(full, text, "zh") if e.type == "tariff"} == {"proposed"}


def test_sentences_still_end_at_full_stops_and_english_decimals(extractor) -> None:  # type: ignore[no-untyped-def]
    nlp = extractor.pipelines["zh"]
    assert [s.text for s in nlp("税率为12.5%。下一句A. B.").sents] == ["税率为12.5%。", "下一句A.", "B."]
    assert [s.text for s in extractor.pipelines["en"]("Duties of 27.83% apply. Next one.").sents] == [
        "Duties of 27.83% apply.", "Next one."]


@pytest.mark.parametrize("text", [
    "检方指控其窃取三星电池工艺资料，企图在海外复制一座工厂，选址距离原工厂仅约1.5公里。",
    "检方指控一名前工程师窃取三星芯片工艺资料，涉案金额约3.2亿元。",
])
def test_prosecutors_charges_are_kept(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in {e.type for e in events_of(full, text, "zh")}
