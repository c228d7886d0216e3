"""#15 round 39 (from the spent holdouts' and the development splits' errors). Sentences written for these tests (none
copied from an evaluation split), run through the real extractor with the event classifier as the pipeline runs it
(``full``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.conftest import events_of, jsonl_rows, probe_hits, types_of


# extract-0.7.83: duties imposed with hyphened words between are the act the sentence reports; a later "slapped
# duties" in a clause dated "a month after" is another, earlier act and no longer stands for the news
@pytest.mark.parametrize("text", [
    "OTTAWA, May 4 - Canada has imposed final anti-dumping duties of up to 40% on Chinese steel wire for five years, "
    "a month after it slapped duties on Chinese rebar.",
    "LONDON, May 2 - Britain on Thursday imposed countervailing and anti-dumping duties on Chinese e-bike batteries "
    "for five years, weeks after it slapped duties on Chinese ceramic sinks.",
])
def test_duties_imposed_with_hyphened_words_are_the_news(full, text) -> None:  # type: ignore[no-untyped-def]
    tariffs = [e for e in events_of(full, text, "en", published="2025-05-04") if e.type == "tariff"]
    assert len(tariffs) == 1
    assert tariffs[0].trigger.startswith("imposed")
    assert tariffs[0].status == "enacted"


PROBE2 = Path(__file__).resolve().parents[1] / "data" / "events" / "export_control_probe2.jsonl"


def test_the_second_export_control_probe(full) -> None:  # type: ignore[no-untyped-def]
    """The second development probe of export-control wordings (round 39; tests/data/events/README.md), written by a
    writer who read neither the code nor its outputs: the shipped extractor finds 47 of its 118 controls and raises a
    control on 6 of its 50 hard negatives. A step written on its misses did not ship this round (the rule asks a
    recall step to raise the spent pool's recall too), so the figures are the unfitted extractor's; they may only
    rise. The floor is 46: ONNX Runtime's int8 kernels round differently on CPUs without VNNI, and round 47's machine (an
    AMD EPYC with AVX2 only) finds 46 with the same code and model (see tests/models/test_events_runtime.py)."""
    tp, fp, n = probe_hits(full, jsonl_rows(PROBE2))
    assert n == 118 and len(jsonl_rows(PROBE2)) - n == 50
    assert tp >= 46
    assert fp <= 6


# extract-0.7.84 (written in round 37, shipped in round 39 when validation status rose): a tariff cut, removal or
# exemption that takes effect is the easing in force, and tariffs cut in more wordings
@pytest.mark.parametrize(("text", "lang"), [
    ("北京12月20日消息 国务院关税税则委员会日前发布公告，自明年1月1日起，对900项商品实施低于最惠国税率的进口暂定税率。", "zh"),
    ("BEIJING, Dec 20 - China will apply provisional import tariffs below its most-favoured-nation rates to 900 items "
     "from January 1, the tariff commission said.", "en"),
    ("China's removal of additional tariffs on U.S. pork and beef took effect on Saturday, the commerce ministry said.", "en"),
    ("国务院关税税则委员会宣布，自即日起停止执行对部分美国农产品加征的关税。", "zh"),
])
def test_a_tariff_cut_in_force_is_a_reversal(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "reversed" in {e.status for e in events_of(full, text, lang, "2025-12-20") if e.type == "tariff"}


@pytest.mark.parametrize(("text", "lang"), [
    # the tariff imposed, with only its own exemptions: enacted
    ("The new tariffs on Chinese goods, which took effect on Saturday, exempt smartphones and laptops.", "en"),
    ("美方新加征的关税自即日起正式实施，但部分药品获得豁免。", "zh"),
])
def test_a_tariff_imposed_with_exemptions_stays_enacted(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert {e.status for e in events_of(full, text, lang, "2025-12-20") if e.type == "tariff"} == {"enacted"}


# extract-0.7.85 (after holdout37's scoring; fitted): an industry's sales, market share and profits as a ruling's
# injury, a producer asking a government for duties in a headline, a review of duties opened and a charging or
# time-of-day price state no market move and no tariff
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("裁定认定，涉案产品进口导致欧盟产业销量、市场份额和利润明显下滑。", "zh", "market_move"),
    ("Acme Chemical asks Washington for duties on Chinese glycine", "en", "tariff"),
    ("Brazil opens review of anti-dumping duties on Chinese steel wheels", "en", "tariff"),
    ("EV drivers in Shanghai hunt for the night-time tariff as charging bills climb", "en", "tariff"),
])
def test_injury_figures_petitions_reviews_and_prices_are_no_acts(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # the moves and the duties themselves still count
    ("受此消息影响，该公司股价当日下跌逾8%。", "zh", "market_move"),
    ("Ottawa imposes anti-dumping duties on Chinese glycine", "en", "tariff"),
])
def test_moves_and_duties_still_count(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang)
