"""#15 extract-0.7.19 (round 20): general mechanisms found on the errors of holdout18, spent in round 20
(``sinowatch eval --articles ... --split holdout18 --error-detail``) - an order detaining a country's goods at the
border (a control), an expiry review of trade-remedy duties (an investigation, not the duties), a recommendation that a
regulator deny a licence (a control proposed), a forced sale's deadline extended (the order eased), a court halting
restrictions on a watched firm's app (reversed, in Chinese too), a revoked operating authority (a restriction, not a
reversal; asked to show cause: proposed), an act that starts "即日起" beside an earlier year (enacted), "last
December" (an earlier act), and what is no act: 审查 of documents, by a court, or as the name of a review panel; the
injury a trade complaint alleges. Sentences written for these tests (none copied from an evaluation split), run
through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


def _of(full, text, lang, etype, published="2021-06-10"):  # type: ignore[no-untyped-def]
    return [e for e in events_of(full, text, lang, published=published) if e.type == etype]


@pytest.mark.parametrize(("text", "lang"), [
    ("Customs officials on Tuesday ordered the detention of all gloves made by a Chinese supplier at U.S. ports.", "en"),
    ("美国海关宣布，在所有入境口岸暂扣一家中国企业生产的手套产品。", "zh"),
])
def test_an_order_detaining_goods_at_the_border_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = _of(full, text, lang, "export_control")
    assert evs and evs[0].status == "enacted"


def test_goods_held_up_by_paperwork_are_no_control(full) -> None:  # type: ignore[no-untyped-def]
    text = "律师认为，进口货物可能因单证审查被扣留数日。"
    assert not [e for e in events_of(full, text, "zh") if e.type in ("export_control", "investigation")]


@pytest.mark.parametrize(("text", "lang"), [
    ("The commerce ministry said it had launched an expiry review of anti-dumping duties on acrylic fibre from Japan.",
     "en"),
    ("商务部发布公告，决定对原产于日本的进口腈纶所适用的反倾销措施进行期终复审调查。", "zh"),
])
def test_an_expiry_review_of_duties_is_an_investigation_not_a_tariff(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in events_of(full, text, lang)}
    assert "investigation" in types and "tariff" not in [e.type for e in events_of(full, text, lang)
                                                         if e.trigger and "classifier" not in e.trigger]


def test_a_reviews_ruling_that_keeps_duties_is_a_tariff_enacted_today(full) -> None:  # type: ignore[no-untyped-def]
    text = "商务部发布期终复审裁定，决定自即日起继续对原产于日本的进口腈纶征收反倾销税，税率维持2016年确定的水平。"
    evs = _of(full, text, "zh", "tariff", published="2022-07-12")
    assert evs and evs[0].status == "enacted"
    assert not _of(full, text, "zh", "investigation", published="2022-07-12")


@pytest.mark.parametrize(("text", "lang"), [
    ("Security agencies on Tuesday recommended that the FCC deny a licence application that would link a cable to "
     "Hong Kong.", "en"),
    ("跨部门小组建议联邦通信委员会拒绝一条海底光缆连接香港的申请。", "zh"),
])
def test_a_recommended_denial_is_a_proposed_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = _of(full, text, lang, "export_control")
    assert evs and evs[0].status == "proposed"


@pytest.mark.parametrize(("text", "lang"), [
    ("The review panel said the cable's owner was one of China's largest internet providers.", "en"),
    ("审查小组称，该公司是中国大型互联网服务商之一。", "zh"),
    ("该公司已请求联邦上诉法院审查这项命令。", "zh"),
    ("一名委员说，委员会还应审查其他持有牌照的企业。", "zh"),
])
def test_review_in_other_senses_is_no_investigation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not _of(full, text, lang, "investigation")


@pytest.mark.parametrize(("text", "lang"), [
    ("The Treasury granted ByteDance a 15-day extension of the deadline to divest TikTok's U.S. business.", "en"),
    ("美国财政部同意将字节跳动剥离TikTok美国业务的最后期限延长15天。", "zh"),
])
def test_a_forced_sales_deadline_extended_eases_the_order(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = _of(full, text, lang, "export_control", published="2020-11-14")
    assert evs and evs[0].status == "reversed" and "bytedance" in evs[0].targets


@pytest.mark.parametrize(("text", "lang"), [
    ("A federal judge on Monday blocked the Commerce Department's restrictions on TikTok.", "en"),
    ("美国联邦法官周一叫停美国商务部针对TikTok的限制措施。", "zh"),
])
def test_a_court_halting_restrictions_on_a_watched_firms_app_reverses_them(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = _of(full, text, lang, "export_control", published="2020-12-08")
    assert evs and evs[0].status == "reversed"


def test_a_revoked_operating_authority_is_a_restriction_and_a_show_cause_order_a_proposal(full) -> None:  # type: ignore[no-untyped-def]
    done = _of(full, "美国联邦通信委员会撤销了一家中国电信企业在美国的经营授权。", "zh", "export_control")
    assert done and done[0].status == "enacted"
    asked = _of(full, "美国联邦通信委员会要求这家中国电信企业在30天内说明，为何该委员会不应启动程序撤销其在美经营授权。",
                "zh", "export_control")
    assert asked and asked[0].status == "proposed"


@pytest.mark.parametrize(("published", "status"), [("2020-03-02", "background"), ("2019-12-20", "enacted")])
def test_last_december_is_an_earlier_act(full, published, status) -> None:  # type: ignore[no-untyped-def]
    text = "The Navy barred the app from government-issued devices last December."
    if status == "enacted":
        text = "The Navy on Thursday barred the app from government-issued devices."
    evs = _of(full, text, "en", "export_control", published=published)
    assert evs and evs[0].status == status


@pytest.mark.parametrize(("text", "lang"), [
    ("The complaint alleges dumping margins above 30% and says European producers' profits fell as imports grew.", "en"),
    ("申请方称，进口产品倾销幅度较大，导致国内企业利润下滑。", "zh"),
])
def test_the_injury_a_trade_complaint_alleges_is_no_market_move(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not _of(full, text, lang, "market_move")


def test_a_classifier_tariff_in_a_sentence_opening_an_expiry_review_is_vetted() -> None:
    """The rules' tariff triggers skip the duties an expiry review opens on; vetting drops the classifier's too."""
    from sinowatch.extractors.event_vetting import vet

    def ev(sentence: str) -> dict:  # type: ignore[type-arg]
        return {"type": "tariff", "confidence": 0.97, "sentence": sentence, "entities": [], "trigger": None,
                "source": "classifier", "actor": "mofcom", "targets": [], "status": "enacted"}

    opened = ev("China reviews anti-dumping duties on U.S. and EU solvent chemicals")
    opened_zh = ev("商务部决定对原产于日本的进口腈纶所适用的反倾销措施进行期终复审调查。")
    ruled = ev("商务部发布期终复审裁定，决定继续对原产于日本的进口腈纶征收反倾销税。")
    assert vet([opened, opened_zh, ruled]) == [ruled]


@pytest.mark.parametrize(("text", "lang"), [
    ("According to people familiar with the matter, the Justice Department is investigating the company's data "
     "practices.", "en"),
    ("据知情人士透露，美国司法部正在调查该公司员工获取用户数据一事。", "zh"),
])
def test_a_probe_under_way_is_enacted_whoever_reports_it(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = _of(full, text, lang, "investigation")
    assert evs and evs[0].status == "enacted"


def test_a_probe_launched_in_a_month_of_an_earlier_year_is_background(full) -> None:  # type: ignore[no-untyped-def]
    text = "Commerce launched the investigations in July 2020 on a petition from a U.S. engine maker."
    evs = _of(full, text, "en", "investigation", published="2021-06-24")
    assert evs and evs[0].status == "background"


def test_a_court_asked_to_review_an_order_is_no_investigation(full) -> None:  # type: ignore[no-untyped-def]
    assert not _of(full, "该公司本周向联邦上诉法院提交申请，要求审查剥离令。", "zh", "investigation")


def test_another_weeks_grace_to_complete_a_forced_sale_despite_an_abbreviated_date(full) -> None:  # type: ignore[no-untyped-def]
    text = "The administration on Wednesday gave the company another seven days, until Dec. 4, to complete the sale of its app."
    evs = _of(full, text, "en", "export_control", published="2020-11-25")
    assert evs and evs[0].status == "reversed"


def test_the_state_department_acts_for_washington_not_beijing(full) -> None:  # type: ignore[no-untyped-def]
    """"美国国务院" holds "国务院" (China's State Council): the longer U.S. name wins (watchlist 2026.12.03-5)."""
    evs = _of(full, "美国国务院周一宣布制裁多名香港官员，美国财政部随即将其列入特别指定国民清单。", "zh", "entity_list")
    assert evs and evs[0].actor == "us-gov"


def test_a_chinese_state_firm_named_before_the_trigger_does_not_act(full) -> None:  # type: ignore[no-untyped-def]
    text = "美国联邦通信委员会发布命令，要求一家中国国有电信企业在美机构说明，为何不应撤销其在美经营授权。"
    evs = _of(full, text, "zh", "export_control")
    assert evs and evs[0].actor == "us-gov"
