"""#15 round 8 (extract-0.7.1): general mechanisms found on the errors of the spent holdout5 split
(``sinowatch eval --articles ... --split holdout5 --error-detail``) - a designation's consequences
stated in its own sentence or after a removal, suspended tariff concessions, levies with third-party
exemptions, long-named designations and removals, dates weeks before the article, a government's
undated "will", countries that qualify goods, and words in another sense. Sentences written for
these tests (none copied from an evaluation split), English and Chinese, run through the real
rules-only extractor (``extract_one``) or the pure functions."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_roles import event_status, past_date, pick_actor
from sinowatch.extractors.event_vetting import listing_consequence


def _types(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in ex.events}


def test_a_designations_consequence_in_its_own_sentence_is_the_listing(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("The Commerce Department on Tuesday placed Jiangsu Lingxin Memory on its Entity List, "
                     "barring American companies from selling it tools and software.", "en")
    assert _types(ex) == {"entity_list"}
    # the same restriction without a designation in the article is a control of its own
    ev = {"type": "export_control", "sentence": "Washington barred American firms from selling it tools.",
          "trigger": "barred American firms from selling", "confidence": 0.8}
    assert not listing_consequence(ev, False)
    assert listing_consequence(ev, True, {ev["sentence"]})
    # outside the designation's sentence a consequence names any item (round 7's rule)
    assert not listing_consequence(ev, True)


def test_a_removals_consequence_is_the_removal(extract_one) -> None:  # type: ignore[no-untyped-def]
    zh = ("美国商务部宣布将某大学研究院移出实体清单。移出清单后，美国企业向该研究院出口受《出口管理条例》"
          "管辖的物项将不再需要许可证。")
    ex = extract_one(zh, "zh")
    assert _types(ex) == {"entity_list"}
    assert [e.status for e in ex.events] == ["reversed"]


def test_a_headlined_designation_makes_the_bodys_licence_requirement_its_consequence(extract_one) -> None:  # type: ignore[no-untyped-def]
    body = "Suppliers now need a licence to sell them any item subject to the Export Administration Regulations."
    assert "export_control" in _types(extract_one(body, "en"))
    assert _types(extract_one(body, "en", title="U.S. adds 30 Chinese research institutes to Entity List")) \
        == {"entity_list"}


@pytest.mark.parametrize(
    ("etype", "sentence", "trigger", "status"),
    [
        # suspending a tariff concession imposes duties
        ("tariff", "国务院关税税则委员会决定对原产于某国的30项进口商品中止关税减让义务。", "关税", "enacted"),
        # a levy with exemptions for third countries is still imposed
        ("tariff", "总统签署公告，对进口太阳能组件征收30%的关税，部分国家暂时获得豁免。", "关税", "enacted"),
        # "end users" is not an ending
        ("export_control", "The rule broadened the licence requirements for exports to military end users in China.",
         "licence requirements", "enacted"),
        # a removal from a list whose entity has a long name
        ("entity_list", "The department has removed the Shanghai Institute of Advanced Optical Measurement Sciences "
         "of China from the Entity List.", "removed", "reversed"),
        # a government's act in the future tense without a date is proposed; with its date it is decided
        ("entity_list", "The administration will remove two Chinese labs from the Entity List as part of a trade deal.",
         "remove", "proposed"),
        ("export_control", "Beijing will restrict exports of some drone parts from Sept. 1, the ministry said.",
         "restrict exports", "enacted"),
        ("tariff", "Trump says tariffs on $300 billion of Chinese goods will rise to 15%", "tariffs", "proposed"),
        ("tariff", "Tariffs on $300 billion of Chinese goods will rise to 15% from Sept. 1", "Tariffs", "enacted"),
        # a year naming a meeting is not when the act happened
        ("export_control", "美国商务部5日发布规则，将瓦森纳安排2023年全体会议议定的三项技术纳入管制范围，出口须申请许可证。",
         "许可证", "enacted"),
    ],
)
def test_round8_status(etype, sentence, trigger, status) -> None:  # type: ignore[no-untyped-def]
    start = sentence.index(trigger)
    zh = "。" in sentence
    assert event_status(etype, sentence, start, start + len(trigger), lang="zh" if zh else "en",
                        ref_year=2024, ref_month=1) == status


def test_a_day_weeks_before_the_article_dates_an_earlier_act() -> None:
    sentence = "The list follows the duties on steel that Washington announced on March 8."
    assert past_date(sentence, 2018, 4, 2)  # 25 days before
    assert not past_date(sentence, 2018, 3, 12)  # 4 days before: the news
    assert past_date("美方3月8日宣布对进口钢铁加征关税。", 2018, 3, 23)
    assert not past_date("美方3月20日宣布对进口钢铁加征关税。", 2018, 3, 23)
    # a notice reported as recent is the news, whatever the day it names
    assert not past_date("据近日发布的公告，该部已于7月1日启动调查。", 2025, 7, 16)
    # a later day (a deadline) is not the past
    assert not past_date("The rule takes effect on April 30.", 2018, 4, 2)


def test_a_country_that_qualifies_goods_does_not_act() -> None:
    sentence = "China hits 128 U.S. products with tariffs of up to 25%"
    hits = [(0, 5, "cn-gov", "agency"), (15, 19, "us-gov", "agency")]
    assert pick_actor(sentence, hits, sentence.index("tariffs")) == "cn-gov"
    sentence = "Washington raised tariffs on Chinese goods"
    assert pick_actor(sentence, [(0, 10, "us-gov", "agency")], sentence.index("tariffs")) == "us-gov"


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("工作室还在玩家社区发放了调查问卷，收集试玩反馈。", "zh", "investigation"),
        ("“行业还在恢复期，”一位长期关注芯片的投资人说。", "zh", "investment"),
        ("China's share of global container output has climbed above 90% in a decade.", "en", "market_move"),
        ("Overseas sales of Chinese films rose for a second year, an industry body said.", "en", "market_move"),
        ("BIS adds 3nm design software to export controls", "en", "chip_launch"),
    ],
)
def test_round8_wrong_senses(extract_one, text, lang, absent) -> None:  # type: ignore[no-untyped-def]
    assert absent not in _types(extract_one(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "present"),
    [
        ("The Commerce Department on Friday added the Beijing Institute of Electronic Systems Engineering and "
         "nine of its research institutes to the Entity List.", "en", "entity_list"),
        ("Shares of SMIC climbed 6% in Hong Kong.", "en", "market_move"),
        ("Cambricon's revenue rose fourfold in the first half.", "en", "market_move"),
        ("SMIC began volume production on its 5nm process.", "en", "chip_launch"),
        ("市场监管总局对该公司立案调查。", "zh", "investigation"),
    ],
)
def test_round8_acts_still_fire(extract_one, text, lang, present) -> None:  # type: ignore[no-untyped-def]
    assert present in _types(extract_one(text, lang))


def test_a_classifier_export_control_needs_a_word_of_its_type() -> None:
    from sinowatch.extractors.event_vetting import uncued, vet

    topic = {"type": "export_control", "sentence": "The orders rest on findings that the imports weaken the "
             "industrial base needed for defence.", "trigger": None, "source": "classifier", "confidence": 0.87}
    cued = dict(topic, sentence="The rule requires licences for shipments of the tools to China.")
    rule = dict(topic, source=None, trigger="rest on")
    assert uncued(topic) and not uncued(cued) and not uncued(rule)
    assert vet([topic, cued]) == [cued]
    # the other policy types keep their classifier events (validation F1 fell without them)
    assert not uncued(dict(topic, type="investigation"))
