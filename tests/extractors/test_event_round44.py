"""#15 round 44. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of, types_of


# extract-0.7.108 (from the spent holdouts' errors; fitted): a review word in another sense is no probe: the Federal
# Register's public inspection of a document, a firm's own review procedures, the case-by-case review a licensing regime
# grants on application
@pytest.mark.parametrize(("text", "lang"), [
    ("The notice was withdrawn on Tuesday, a day after it went on public inspection at the Federal Register.", "en"),
    ("华为表示，其内部审查程序符合所在国法律要求。", "zh"),
    ("对于此前已签署的供货合同，出口商可申请个案审查。", "zh"),
])
def test_a_review_word_in_another_sense_is_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department opened an investigation into imports of Chinese drones, a notice placed on public "
     "inspection on Monday said.", "en"),
    ("市场监管总局对该公司涉嫌垄断行为立案调查，公司称其内部审查程序完备。", "zh"),
    ("商务部决定对原产于美国的进口聚甲醛进行反倾销立案调查，企业可申请个案审查的说法不实。", "zh"),
])
def test_a_probe_beside_such_words_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


# extract-0.7.109 (from the spent holdouts' errors; fitted): a trend over recent years is no act of its own, and a list
# that "is not" an embargo list (并非) names no embargo
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("近年来，韩国也逐步扩大了对先进半导体设备的出口管制范围。", "zh", "export_control"),
    ("In recent years, the Netherlands has widened export controls on chipmaking equipment.", "en", "export_control"),
    ("近几年，欧盟对中国钢铁产品的反倾销调查明显增多。", "zh", "investigation"),
    ("贸易官员说，这份名单只是提醒出口商注意风险，并非禁运名单。", "zh", "export_control"),
])
def test_a_trend_or_a_denied_embargo_is_no_act(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("韩国产业通商资源部周三宣布，扩大对先进半导体设备的出口管制范围，近年来这一领域管制不断收紧。", "zh", "export_control"),
    ("The Dutch government on Friday widened export controls on chipmaking equipment, a step it had weighed in recent years.",
     "en", "export_control"),
    ("商务部宣布对原产于美国的部分芯片实施禁运。", "zh", "export_control"),
])
def test_an_act_stated_beside_a_trend_stays(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang)


# extract-0.7.110 (after holdout41's scoring; fitted): "an episode" in news is an incident, not a show's story; the
# Pentagon's list by its Chinese name (1260H清单)
@pytest.mark.parametrize(("text", "lang"), [
    ("In March the Pentagon posted an update of its Section 1260H list of Chinese military companies and pulled it hours "
     "later, an episode that puzzled lawyers.", "en"),
    ("美国国防部当天向《联邦公报》提交了更新后的1260H清单。", "zh"),
])
def test_the_pentagon_list_in_news_is_a_designation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("In episode 3 of the series, investigators add a shell company to a sanctions list to trap a smuggler.", "en"),
    ("The drama follows a trade official who puts a rival's firm on a blacklist, told over 12 episodes.", "en"),
])
def test_a_show_s_plot_is_still_no_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" not in types_of(full, text, lang)


# extract-0.7.111 (from the spent holdouts' errors; fitted): a platform banning its sellers is no export control
def test_a_platform_banning_its_sellers_is_no_export_control(full) -> None:  # type: ignore[no-untyped-def]
    text = "Temu said it had taken down the products and banned the sellers responsible after the regulator's inquiry."
    assert "export_control" not in types_of(full, text, "en")


@pytest.mark.parametrize("text", [
    "The Commerce Department banned the sellers from shipping AI chips to Chinese buyers without a licence.",
    "Beijing banned the vendors from exporting gallium to the United States.",
])
def test_a_ban_on_sellers_exporting_stays(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, "en")



# extract-0.7.112 (after holdout42's scoring; fitted): the duties under the ITC's five-year review, and the question such
# a review asks (whether revoking the order would bring back the injury), are the review's subject, not a tariff act
@pytest.mark.parametrize(("text", "lang"), [
    ("The U.S. International Trade Commission voted on Tuesday to conduct full five-year reviews of the anti-dumping "
     "duties on Chinese steel nails.", "en"),
    ("ITC orders full reviews of duties on Chinese aluminium foil", "en"),
    ("The panel will examine whether revoking the anti-dumping order on Chinese nails would likely lead to renewed "
     "injury to U.S. producers.", "en"),
    ("委员会将评估，如果取消对中国铝箔的反倾销税令，美国国内产业所受损害是否可能继续或再度发生。", "zh"),
])
def test_duties_under_a_five_year_review_are_no_tariff(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


def test_duties_imposed_after_a_review_stay(full) -> None:  # type: ignore[no-untyped-def]
    text = "The Commerce Department imposed anti-dumping duties of 80% on Chinese aluminium foil after a five-year review."
    assert "tariff" in types_of(full, text, "en")


# extract-0.7.113 (after holdout42's scoring, and the spent holdouts' errors; fitted): a site's team adding software or
# addresses to its own blacklist is no designation; engineers investigating a technical fault is no authority's probe
def test_tools_added_to_a_site_s_blacklist_are_no_designation(full) -> None:  # type: ignore[no-untyped-def]
    text = ("China's space agency opened its lunar sample archive to foreign scientists on Monday. Its team said it had "
            "added two scraping tools to a blacklist after they overloaded the servers.")
    assert "entity_list" not in types_of(full, text, "en")


def test_engineers_investigating_a_fault_is_no_probe(full) -> None:  # type: ignore[no-untyped-def]
    text = ("BEIJING, March 3 - China launched its Tianzhou-9 cargo craft on Tuesday. Engineers have spent months "
            "investigating a minor glitch in a valve of the upper stage, which they said had been resolved.")
    assert "investigation" not in types_of(full, text, "en")


@pytest.mark.parametrize(("text", "etype"), [
    ("The Commerce Department added two Chinese drone makers to the Entity List on Monday.", "entity_list"),
    ("Federal safety regulators opened an investigation into brake failures in 40,000 Chinese-made e-bikes.",
     "investigation"),
])
def test_a_government_list_or_probe_stays(full, text, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, "en")


# extract-0.7.114 (after holdout42's scoring; fitted): the Unverified List by its other Chinese name, 未经核实名单, is
# an export-control tool: additions are controls, removals their easing, neither a designation
@pytest.mark.parametrize(("text", "status"), [
    ("美国商务部工业和安全局周二宣布，将11个实体列入“未经核实名单”，其中6个位于中国。", "enacted"),
    ("美国商务部工业和安全局同日将5家中国企业从“未经核实名单”中移除。", "reversed"),
])
def test_the_unverified_list_by_its_other_chinese_name_is_a_control(full, text, status) -> None:  # type: ignore[no-untyped-def]
    events = [ev for ev in events_of(full, text, "zh") if ev.type == "export_control"]
    assert [str(ev.status) for ev in events] == [status]
    assert "entity_list" not in types_of(full, text, "zh")
