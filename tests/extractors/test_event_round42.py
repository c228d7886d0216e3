"""#15 round 42. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.conftest import jsonl_rows, probe_hits, types_of

PROBE3 = Path(__file__).resolve().parents[1] / "data" / "events" / "export_control_probe3.jsonl"


def test_the_third_export_control_probe(full) -> None:  # type: ignore[no-untyped-def]
    """The third development probe of export-control wordings (round 42; tests/data/events/README.md), written by the
    integrator: the shipped extractor finds 25 of its 29 controls and raises a control on 1 of its 10 hard negatives. A
    step written on its four misses left every readable pool equal, and `val23` alone has no export_control miss, so it
    could not meet the round's rule and did not ship (docs/briefs/round42/dropped/step_ec_probe3_dropped.patch); the
    figures are the unfitted extractor's and may only rise."""
    rows = jsonl_rows(PROBE3)
    tp, fp, n = probe_hits(full, rows)
    assert n == 29 and len(rows) - n == 10
    assert tp >= 25
    assert fp <= 1


# extract-0.7.98 (from the spent holdouts' errors; fitted): a rise or fall told without a figure, of no watched firm and
# of no shares or index, is no market move; share moves, watched firms' results, sectors, figures and "the company" stay
@pytest.mark.parametrize(("text", "lang"), [
    ("有传言称，今年部分热门专业的录取分数线将明显上涨，招生办表示并无依据。", "zh"),
    ("Furniture exporters in Guangdong said their sales to Latin America grew this year as orders from Europe slowed.", "en"),
])
def test_an_unquantified_trend_of_something_else_is_no_market_move(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Shares of a small Shenzhen display supplier fell after the announcement.", "en"),
    ("英伟达营收大幅增长，超出分析师预期。", "zh"),
    ("国内半导体设备板块当日集体上涨。", "zh"),
    ("该公司一季度营收同比增长35%。", "zh"),
])
def test_share_moves_watched_results_sectors_and_figures_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" in types_of(full, text, lang)


# extract-0.7.99 (from the spent holdouts' errors; fitted): an act told in a show's or a drama's story is no act, and a
# physical model (a replica, a spacecraft's lander) is no model release
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("The drama follows a customs officer's investigation into a chip-smuggling ring, told over 30 episodes.", "en",
     "investigation"),
    ("这部电视剧讲述了一名海关关员调查芯片走私团伙的故事。", "zh", "investigation"),
    ("The museum's new model recreates the probe's solar arrays and the small lander it released in 2014.", "en",
     "model_release"),
])
def test_stories_and_physical_models_are_no_events(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("The Commerce Department opened an investigation into Chinese drone makers on Monday.", "en", "investigation"),
    ("DeepSeek released a new open-source reasoning model on Tuesday.", "en", "model_release"),
])
def test_real_acts_and_releases_stay(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang)


# extract-0.7.100 (after holdout40's scoring; fitted): customs keeping a chip out is an import ban, which the data types
# as export_control
@pytest.mark.parametrize(("text", "lang"), [
    ("据知情人士透露，海关已通知报关企业，某款进口AI加速卡不被允许进入中国境内。", "zh"),
    ("知情人士称，海关通知代理商该型号显卡不得入境，相关报关申请暂不受理。", "zh"),
    ("Customs officers told importers that the accelerator chips could not enter the country, two agents said.", "en"),
    ("Chinese customs blocked imports of the new Nvidia processors last week, according to three brokers.", "en"),
])
def test_customs_keeping_a_chip_out_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Customs officers seized counterfeit memory chips that could not be imported legally, the agency said.", "en"),
    ("海关查获一批走私芯片，这些货物不得入境。", "zh"),
])
def test_customs_seizing_counterfeit_or_smuggled_goods_is_no_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang)


# extract-0.7.101 (after holdout40's scoring; fitted): unnamed further probes said to be possible are no probe; a probe
# planned with a subject stays
@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry said more anti-dumping investigations could follow if imports keep rising.", "en"),
    ("商务部新闻发言人表示，后续可能发起新的贸易救济调查。", "zh"),
])
def test_unnamed_further_probes_that_may_follow_are_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


def test_a_probe_opened_beside_more_that_may_follow_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = "The Commerce Department on Monday opened an anti-dumping investigation into Chinese graphite anodes."
    assert "investigation" in types_of(full, text, "en")
