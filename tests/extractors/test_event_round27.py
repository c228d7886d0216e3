"""#15 extract-0.7.27 (round 27): a decimal point in Chinese text no longer ends a sentence, prosecutors' charges are a
decided step the classifier keeps, and technology export controls in other wordings are found; the two development
probes of round 27 (tests/data/events/) are held too. Sentences written for these tests (none copied from an evaluation split or a
probe), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinowatch.records import Document
from tests.extractors.conftest import events_of, jsonl_rows


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


@pytest.mark.parametrize(("text", "lang"), [
    # a licence required before exporting or transferring, goods that may not leave
    ("日本经济产业省规定，向伊朗出口部分数控机床须事先申领许可证。", "zh"),
    ("韩国政府修订出口管制令，半导体检测设备今后未经许可不得出境。", "zh"),
    ("白俄罗斯政府宣布年底前暂停化肥和钾盐等多种产品出境。", "zh"),
    ("工信部已要求赴海外建厂的光伏企业，不得向境外转让电池片核心工艺。", "zh"),
    ("根据新规，德国软件企业不得再为伊朗客户提供工业控制软件的远程维护服务。", "zh"),
    ("Kazakhstan has barred traders from taking fuel and grain out of the country until the end of the year.", "en"),
    ("Malaysian chip testers were told they may not ship advanced processors to Russian buyers without approval.", "en"),
    ("The Treasury barred Americans from providing cloud hosting and software support to anyone in Belarus.", "en"),
    ("Officials told battery makers that their most advanced technology must stay in China.", "en"),
    ("Guinea extended its halt on bauxite shipments by another two months.", "en"),
])
def test_technology_controls_in_other_wordings(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    # a firm working out which products need a licence, "不得不" (has to), a firm's own halt
    ("深圳一家设备企业的出口经理表示，公司正在评估哪些型号出口前需要申请许可。", "zh"),
    ("由于运费上涨，这家贸易商不得不把出口货物转向其他港口。", "zh"),
    ("The miner said it had halted bauxite shipments for two weeks to repair its port.", "en"),
])
def test_no_control_in_firms_own_steps(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in {e.type for e in events_of(full, text, lang)}


DATA = Path(__file__).resolve().parents[1] / "data" / "events"


def test_the_technology_controls_probe(full) -> None:  # type: ignore[no-untyped-def]
    """The development probe of technology controls (round 27; tests/data/events/README.md): export_control recall
    91 of 117 when its step was made (80 before), false alarms on its 73 negatives held. A development figure, fitted
    on this file: the validation splits judge the step."""
    rows = jsonl_rows(DATA / "tech_controls_probe.jsonl")
    docs = [Document(id=r["id"], title="", text=r["text"], lang=r["lang"]) for r in rows]
    found = [any(e.type == "export_control" for e in x.events) for x in full.extract(docs, batch_size=32)]
    gold = ["export_control" in r["types"] for r in rows]
    tp = sum(f and g for f, g in zip(found, gold, strict=True))
    false_alarms = sum(f for f, r in zip(found, rows, strict=True) if not r["types"])
    assert sum(gold) >= 110 and tp / sum(gold) >= 0.75
    assert false_alarms <= 11  # 11 of 73 before and after the step


def test_the_status_probe(full) -> None:  # type: ignore[no-untyped-def]
    """The development probe of status wordings (round 27): of its events whose type is found, the share with a
    gold status among the statuses found (0.644 when it was written; no status step of round 27 shipped)."""
    rows = jsonl_rows(DATA / "status_probe.jsonl")
    docs = [Document(id=r["id"], title="", text=r["text"], lang=r["lang"], published=r["published"]) for r in rows]
    located = right = 0
    for r, x in zip(rows, full.extract(docs, batch_size=32), strict=True):
        for g in r["events"]:
            statuses = [e.status for e in x.events if e.type == g["type"]]
            located += bool(statuses)
            right += g["status"] in statuses
    assert located >= 200 and right / located >= 0.62


@pytest.mark.parametrize(("text", "lang"), [
    # a rumour denied or called unfounded, a probe no one asked for (after holdout25's scoring)
    ("关于日方可能另行发起反倾销调查的传闻，经济产业省官员予以否认。", "zh"),
    ("A trader in Ningbo said rumours that Brussels would also investigate a related resin were unfounded.", "en"),
    ("There was speculation that the ministry would open an anti-circumvention probe, but officials said no request had "
     "been received.", "en"),
])
def test_a_denied_rumour_is_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


def test_a_probe_opened_beside_a_denied_rumour_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = ("The European Commission opened an anti-dumping investigation into Chinese resin on Monday. Rumours that it "
            "would also investigate a related product were unfounded, officials said.")
    assert "investigation" in {e.type for e in events_of(full, text, "en")}
