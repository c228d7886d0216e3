"""#15 round 9 (extract-0.7.2): general mechanisms found on the errors of the spent holdout6 split
(``sinowatch eval --articles ... --split holdout6 --error-detail``) - a country struck off a list of
trusted export destinations, item-by-item licensing, provisional anti-dumping deposits, duties imposed,
tariffs named as a probe's possible outcome, conditions, a request's subjects, a listing's licence
consequences stated for the list's parties or by the listing itself, a probe ordered but not opened,
an inquiry ended by the duties it yields, year-month dates in Chinese, the object of an act is not its
actor, and words in another sense. Sentences written for these tests (none copied from an evaluation
split), English and Chinese, run through the real rules-only extractor (``extract_one``) or the pure
functions."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_roles import event_status, past_date, pick_actor
from sinowatch.extractors.event_vetting import hypothetical, listing_consequence, request_topic, uncued


def _types(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in ex.events}


def _of(ex, etype: str):  # type: ignore[no-untyped-def]
    return [e for e in ex.events if e.type == etype]


@pytest.mark.parametrize(("text", "lang"), [
    ("Tokyo's cabinet approved striking Seoul off its list of trusted countries that enjoy fast-track export "
     "procedures.", "en"),
    ("The trade ministry said it would remove the Philippines from the white list of countries with simplified "
     "export checks from Aug. 28.", "en"),
    ("日本内阁会议决定，将某国从享受简化出口手续的“白色清单”中移除。", "zh"),
])
def test_a_country_struck_off_a_trusted_export_list_is_a_control_not_a_reversal(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one(text, lang)
    assert "export_control" in _types(ex)
    assert "entity_list" not in _types(ex)
    assert all(e.status != "reversed" for e in _of(ex, "export_control"))


def test_a_tourist_white_list_is_not_an_export_list(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("景区将常客移出预约“白名单”后，游客须重新登记。", "zh")
    assert "export_control" not in _types(ex)


def test_item_by_item_licensing_of_exports_is_a_control(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("自7月起，企业向该国出口三种化工材料须逐笔申请审批，审查周期最长可达三个月。", "zh")
    assert "export_control" in _types(ex)
    # a review period is not an investigation
    assert "investigation" not in _types(ex)


@pytest.mark.parametrize(("text", "lang"), [
    ("From Friday importers of the steel products must pay anti-dumping deposits of up to 80% to customs, the "
     "ministry said.", "en"),
    ("商务部决定自5月起对原产于某国的进口光纤采取临时反倾销措施，进口经营者须按30%的比率向海关提供保证金。", "zh"),
])
def test_provisional_anti_dumping_deposits_are_duties(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one(text, lang)
    assert "tariff" in _types(ex)
    # paying a deposit to customs is not a customs investigation
    assert "investigation" not in _types(ex)


def test_margin_deposits_are_not_duties(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in _types(extract_one("投资者须向券商提供保证金才能开展融资融券交易。", "zh"))


def test_duties_imposed_are_found_and_the_probe_they_end_is_not_a_reversal(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("The ministry on Friday imposed anti-dumping duties of up to 60% on imported fibre-optic cable, "
                     "ending an investigation that began last year.", "en")
    tariffs = _of(ex, "tariff")
    assert tariffs and all(e.status == "enacted" for e in tariffs)
    # ending the probe is the probe's own reversal
    assert event_status("investigation", "The ministry ended the investigation into the cables.", 23, 36) == "reversed"


@pytest.mark.parametrize(("text", "lang"), [
    ("The order asks Commerce to report within 270 days and to recommend whether tariffs on the metals are "
     "warranted.", "en"),
    ("报告将就是否加征关税或实施配额提出建议。", "zh"),
])
def test_tariffs_named_as_a_probes_possible_outcome_are_no_tariff(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in _types(extract_one(text, lang))


def test_a_condition_is_no_act() -> None:
    ev = {"type": "tariff", "sentence": "If duties are imposed, growers will need other buyers.", "trigger": "duties"}
    assert hypothetical(ev)
    assert not hypothetical({**ev, "sentence": "The duties were imposed on Friday."})
    # only the policy types
    assert not hypothetical({**ev, "type": "market_move"})


def test_the_subjects_of_a_request_for_comments_are_no_acts() -> None:
    s = ("The department asked for comments on supply concentration, export restrictions imposed by other "
         "countries and the effect that tariffs would have.")
    assert request_topic({"type": "export_control", "sentence": s, "trigger": "export restrictions"})
    assert request_topic({"type": "tariff", "sentence": s, "trigger": "tariffs"})
    # a control stated before the request is kept
    s2 = "Commerce imposed export restrictions on the tools and asked for comments on their scope."
    assert not request_topic({"type": "export_control", "sentence": s2, "trigger": "export restrictions"})


@pytest.mark.parametrize("sentence", [
    # the listing as the subject of the restriction
    "The designation bars American suppliers from shipping to the institute without permission.",
    # the list's parties need a licence
    "The military end-user list names 40 companies that exporters will need a licence to supply with controlled items.",
    # the licence review policy of a listing
    "Shipments to the firms now require licences that are generally denied.",
    # a licence talked about in a designation article, no act of its own
    "\"What matters is how strictly the department treats licences for spare parts,\" a lawyer said.",
    "清单上的实体进口特定物项前，供应商须事先申请许可证。",
])
def test_a_listings_licence_consequences_are_the_listing(sentence) -> None:  # type: ignore[no-untyped-def]
    trigger = next(t for t in ("bars American suppliers from shipping", "licence to supply", "require licences",
                               "licences for", "许可证") if t in sentence)
    ev = {"type": "export_control", "sentence": sentence, "trigger": trigger, "confidence": 0.85}
    assert listing_consequence(ev, True)
    # without a designation in the article, each stands as a control (or is left to the other rules)
    assert not listing_consequence(ev, False)


def test_a_new_control_in_a_designation_article_stays(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("The department also imposed licence requirements on exports of high-bandwidth memory to China.",
                     "en", title="U.S. adds 20 Chinese chip firms to Entity List")
    assert "export_control" in _types(ex)


def test_the_entity_lists_quoted_name_is_not_a_control(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("美国商务部宣布将某核电集团及其两家下属单位列入出口管制“实体清单”。", "zh")
    assert _types(ex) == {"entity_list"}


def test_a_probe_ordered_but_not_opened_is_proposed() -> None:
    s = "The president on Tuesday ordered the Commerce Department to open a national security investigation into imports."
    at = s.index("investigation")
    assert event_status("investigation", s, at, at + 13) == "proposed"
    s2 = "The Commerce Department on Tuesday opened a national security investigation into imports."
    at = s2.index("investigation")
    assert event_status("investigation", s2, at, at + 13) == "enacted"


def test_a_chinese_year_and_month_before_the_article_dates_an_earlier_act() -> None:
    assert past_date("商务部于2019年8月对该国光纤发起反倾销调查。", 2021, 5)
    assert not past_date("商务部于2021年5月对该国光纤发起反倾销调查。", 2021, 5)


def test_the_object_of_an_act_on_a_country_is_not_its_actor() -> None:
    s = "The ministry also said it plans to remove South Korea from its list of trusted trading partners."
    at = s.index("South Korea")
    hits = [(at, at + len("South Korea"), "kr-gov", "agency")]
    assert pick_actor(s, hits, s.index("remove")) is None
    zh = "日方已对出口韩国的三种材料实施逐笔审批。"
    hits = [(0, 2, "jp-gov", "agency"), (zh.index("韩国"), zh.index("韩国") + 2, "kr-gov", "agency")]
    assert pick_actor(zh, hits, zh.index("逐笔")) == "jp-gov"


@pytest.mark.parametrize(("text", "lang"), [
    ("The studio sold overseas broadcast licences for 20 series this year.", "en"),
    ("Traders said barley exports fell sharply last season.", "en"),
])
def test_words_in_another_sense(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in _types(extract_one(text, lang))


def test_a_classifier_cue_in_another_sense_is_no_cue() -> None:
    ev = {"type": "export_control", "source": "classifier", "sentence": "商户须持有有效的经营许可。"}
    assert uncued(ev)
    assert not uncued({**ev, "sentence": "企业出口该类设备须持有许可。"})


@pytest.mark.parametrize(("text", "lang"), [
    ("寒武纪3日发布第三代云端AI芯片思元290。", "zh"),
    ("该公司去年发布的思元290芯片已进入部分数据中心。", "zh"),
])
def test_a_chip_named_by_its_model_number_is_launched(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "chip_launch" in _types(extract_one(text, lang))


def test_an_analysts_view_on_earnings_is_no_market_move(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in _types(extract_one("分析人士认为，这一调整对材料企业的业绩是利好。", "zh"))
