"""#15 round 37 (from the spent holdouts' errors). Sentences written for these tests (none copied from an evaluation
split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_vetting import allusion

from tests.extractors.conftest import events_of, types_of


# extract-0.7.74: an inspection agency or service named as the speaker states no probe, as the bureaus of investigation
@pytest.mark.parametrize(("text", "lang"), [
    ("The Canadian Food Inspection Agency said it had identified a technical issue with certificates.", "en"),
    ("The U.S. Food Safety and Inspection Service said it had identified violations at the plant.", "en"),
    ("国家质量监督检验检疫总局表示，新的标签规定将于5月起实施。", "zh"),
])
def test_an_inspection_agency_speaking_states_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # the agency's name beside a probe of its own stated in the sentence: still a probe
    ("The Canadian Food Inspection Agency said it had opened an investigation into the forged certificates.", "en"),
    ("国家质量监督检验检疫总局表示，已对该批进口产品立案调查。", "zh"),
])
def test_a_probe_stated_beside_an_inspection_agency_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


# extract-0.7.75: in a dateline's lead sentence the words of time in a clause after the trigger's date another act
@pytest.mark.parametrize(("text", "lang", "etype", "status"), [
    ("BRUSSELS, March 30 - The European Union has imposed definitive anti-dumping duties on ceramic tiles from China for "
     "five years, concluding an investigation that began in February 2024.", "en", "tariff", "enacted"),
    ("BEIJING, Feb 27 - China's commerce ministry said on Tuesday it had removed anti-dumping duties on U.S. poultry "
     "products, ending measures first imposed in 2010.", "en", "tariff", "reversed"),
    ("首尔3月3日消息 韩国企划财政部3日表示，已决定对原产于中国的无缝钢管征收临时反倾销税，采纳了贸易委员会去年10月提出的建议。",
     "zh", "tariff", "enacted"),
])
def test_a_lead_sentence_act_is_dated_by_its_own_clause(full, text, lang, etype, status) -> None:  # type: ignore[no-untyped-def]
    # the article is dated on its dateline's day
    published = "2025-03-03" if lang == "zh" else "2025-03-30" if "March 30" in text else "2025-02-27"
    assert status in {e.status for e in events_of(full, text, lang, published) if e.type == etype}


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # the trigger in the later clause keeps that clause's date; no dateline, the whole sentence dates the act
    ("BRUSSELS, March 30 - The European Union has imposed definitive duties on ceramic tiles from China, concluding an "
     "investigation that began in February 2024.", "en", "investigation"),
    ("The European Union has imposed definitive anti-dumping duties on ceramic tiles from China, first imposed in 2019.",
     "en", "tariff"),
])
def test_earlier_dates_still_mark_background(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert {e.status for e in events_of(full, text, lang, "2025-03-30") if e.type == etype} == {"background"}


# extract-0.7.76: dual-use goods said to be supplied (an accusation, a listing's reason), with no ban or control before,
# state no control, as the English rule already read
@pytest.mark.parametrize("text", [
    "欧盟指称，这些香港公司向俄罗斯军工企业出售了大量两用物项。",
    "外交人士说，欧盟拟将为俄罗斯军方提供两用物项的多家第三国企业列入名单。",
])
def test_dual_use_goods_supplied_state_no_control(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, "zh")


@pytest.mark.parametrize("text", [
    "商务部宣布，禁止向美国军事用户出口两用物项。",
    "公告规定，不得向上述实体供应两用物项。",
])
def test_a_ban_on_supplying_dual_use_goods_stays_a_control(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, "zh")


# extract-0.7.77 (after holdout35's scoring; fitted): producers asking their government for duties state no tariff, as
# other petitions
@pytest.mark.parametrize(("text", "lang"), [
    ("OSAKA, May 2 - Three Japanese chemical makers have asked the government to impose anti-dumping duties on resin "
     "from China, saying cheap imports hurt them.", "en"),
    ("Korean paper makers seek anti-dumping duties on Chinese coated paper", "en"),
    ("据报道，三家化工企业日前向经济产业省提交申请，要求对原产于中国的树脂征收反倾销税。", "zh"),
    ("韩国纸业企业申请对中国铜版纸征收反倾销税", "zh"),
])
def test_producers_asking_for_duties_state_no_tariff(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # the authority imposing duties at an industry's request: a tariff
    ("商务部决定，应国内企业申请，对原产于美国的进口丙酸征收反倾销税。", "zh"),
    ("商务部应相关企业申请对原产于日本的进口树脂征收反倾销税。", "zh"),
    ("Tokyo imposed anti-dumping duties on resin from China on Friday after makers asked for relief.", "en"),
])
def test_duties_imposed_at_an_industrys_request_stay_tariffs(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


# extract-0.7.78 (after holdout35's scoring; fitted): a control named as the setting things happen under, a
# commentator's guess, producers without trade-remedy measures and an investment bank state no act
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("有评论人士猜测北京可能对这些岛内企业采取反制措施，但官方尚未表态。", "zh", "entity_list"),
    ("Korea is one of the few big paper producers without anti-dumping measures on Chinese paper, analysts said.", "en",
     "tariff"),
    ("该公司是一家投资银行，曾为多家芯片企业的融资和上市提供服务。", "zh", "investment"),
])
def test_settings_guesses_and_descriptions_state_no_act(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    # (an act's word elsewhere in the sentence, 发布, kept these from the generic-trigger reading before)
    ("背景方面，在此前美方对先进芯片的出口限制下，国内服务器厂商纷纷转向国产加速卡，多家企业相继发布了自研芯片。", "出口限制", True),
    ("受美国出口管制的影响下，国内数据中心纷纷采购国产加速卡，多家厂商今年发布了新品。", "出口管制", True),
    # this article's own control, or a control stated as an act: no setting
    ("在此次出口管制新规下，企业向中国出口先进芯片须申请许可证。", "出口管制", False),
    ("美方宣布对先进芯片实施新的出口限制。", "出口限制", False),
])
def test_a_control_named_as_the_setting_is_an_allusion(sentence, trigger, expected) -> None:
    assert allusion({"type": "export_control", "trigger": trigger, "sentence": sentence}) is expected


def test_a_control_named_as_this_articles_setting_stays(full) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, "在此次出口管制新规下，企业向中国出口先进芯片须申请许可证。", "zh")
