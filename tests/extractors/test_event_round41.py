"""#15 round 41 (from the spent holdouts' errors). Sentences written for these tests (none copied from an evaluation
split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of, types_of


# extract-0.7.89: a worry that probes may come, a case's course told as its length and audits that buyers ask of their
# suppliers are no investigation (the worry also when the classifier reads the sentence)
@pytest.mark.parametrize(("text", "lang"), [
    ("不过，部分化工出口企业担忧，韩国可能在明年对更多氯碱产品发起反倾销调查。", "zh"),
    ("Exporters fear Seoul could open more anti-dumping investigations into Chinese soda ash next year.", "en"),
    ("该案从立案到作出终裁历时约十一个月，多数中国企业未应诉。", "zh"),
    ("CBP's withhold release order of May 2023 on rubber boots from a Guangdong maker, issued over prison labour, has led "
     "buyers to demand audits of entire supply chains, consultants say.", "en"),
])
def test_worries_case_lengths_and_buyers_audits_are_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang, "2025-06-01")


@pytest.mark.parametrize(("text", "lang"), [
    # a probe opened, also beside a worry that more may come, and an audit a regulator orders stay investigations
    ("韩国贸易委员会3日对原产于中国的纯碱发起反倾销调查，部分出口企业担忧更多产品可能受到影响。", "zh"),
    ("Seoul opened an anti-dumping investigation into Chinese soda ash on Tuesday, and exporters fear more cases could "
     "follow.", "en"),
    ("商务部对原产于美国的进口卤化丁基橡胶立案调查。", "zh"),
    ("The regulator ordered an audit of the company's data handling after the leak.", "en"),
])
def test_probes_beside_worries_still_count(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang, "2025-06-01")


def _statuses(full, text: str, lang: str, etype: str, published: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(e.status) for e in events_of(full, text, lang, published) if e.type == etype]


# extract-0.7.90 (a status step): a dated report after a framing clause closed by a colon is context; duties that would
# lapse only on a condition are not lifted; a body's report recommending the act proposes it
@pytest.mark.parametrize(("text", "lang", "etype", "published", "status"), [
    ("另有案件以不同方式收场：2018年，韩国在未采取任何措施的情况下终止了对中国不锈钢管的反倾销调查。", "zh", "investigation",
     "2024-09-10", "background"),
    ("Other cases ended differently: in 2018 Seoul closed its anti-dumping investigation into Chinese steel pipes "
     "without measures.", "en", "investigation", "2024-09-10", "background"),
    ("OTTAWA, June 3 - Canada has extended its anti-dumping duties on Chinese steel wire for another five years, after "
     "an expiry review found that dumping would likely resume if the duties lapsed.", "en", "tariff", "2024-06-04",
     "enacted"),
    ("据报道，韩国贸易委员会6月2日提交报告，认为延长对原产于中国的不锈钢棒所征收的反倾销税是适当的，建议再征收三年。", "zh", "tariff",
     "2024-06-04", "proposed"),
])
def test_framed_dates_conditional_lapses_and_recommending_reports(full, text, lang, etype, published, status) -> None:  # type: ignore[no-untyped-def]
    assert _statuses(full, text, lang, etype, published) == [status]


@pytest.mark.parametrize(("text", "lang", "etype", "published", "status"), [
    # duties that lapsed, a ministry's decision after a recommendation, and a probe opened this week keep their status
    ("OTTAWA, June 3 - Canada's anti-dumping duties on Chinese steel wire lapsed at midnight.", "en", "tariff",
     "2024-06-04", "reversed"),
    ("韩国企划财政部6月3日决定对原产于中国的不锈钢棒继续征收反倾销税三年。", "zh", "tariff", "2024-06-04", "enacted"),
    ("值得注意的是：韩国贸易委员会6月3日对原产于中国的不锈钢管发起反倾销调查。", "zh", "investigation", "2024-06-04", "enacted"),
])
def test_lapses_decisions_and_new_probes_keep_their_status(full, text, lang, etype, published, status) -> None:  # type: ignore[no-untyped-def]
    assert _statuses(full, text, lang, etype, published) == [status]


# extract-0.7.91 (after holdout39's scoring; fitted; a precision step): a tariff law named as what an act rests on, an
# expiry review named as what an extension follows (its opening untold), a re-investigation made to carry out a WTO
# ruling and an industry lawyer's remark state no tariff or probe
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("The agency said it would keep using a section of a 1930 tariff law that bars goods made with prison labour.", "en",
     "tariff"),
    ("美方称，这一扣留决定依据的是美国1930年关税法中禁止进口监狱劳工产品的条款。", "zh", "tariff"),
    ("The European Commission's extension follows an expiry review requested by two German producers of the acid.", "en",
     "investigation"),
    ("The commerce ministry said its re-investigation confirmed that dumped imports of the fibre had hurt Chinese makers.",
     "en", "investigation"),
    ("去年专家组作出裁决后，商务部依据相关规定对该纤维开展了再调查。", "zh", "investigation"),
    ("业内律师认为，欧委会在日落复审中普遍倾向于延续措施。", "zh", "investigation"),
])
def test_tariff_laws_followed_reviews_and_reinvestigations_are_no_acts(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang, "2025-06-01")


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # duties imposed, an expiry review whose opening is told and a probe opened stay acts
    ("WASHINGTON, June 1 - The United States imposed tariffs of 25% on Chinese steel racks on Friday.", "en", "tariff"),
    ("The European Commission's decision follows an expiry review opened in May 2023.", "en", "investigation"),
    ("商务部对原产于美国的进口纤维发起反倾销调查。", "zh", "investigation"),
])
def test_duties_and_reviews_opened_still_count(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang, "2025-06-01")


# extract-0.7.92 (after holdout39's scoring; fitted; a recall step): persons designated as narcotics traffickers under
# the Kingpin Act (entity_list), ports ordered to hold a maker's goods (export_control) and a trade-remedy review told
# opened in other wordings (investigation) are acts
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("The U.S. Treasury on Thursday designated a Chinese chemicals trader and his company as significant foreign narcotics "
     "traffickers under the Kingpin Act.", "en", "entity_list"),
    ("The Trump administration has ordered ports to hold gloves made by a Malaysian maker over forced labour.", "en",
     "export_control"),
    ("Korea's trade ministry has opened a review of the anti-dumping duties on Chinese stainless steel bars.", "en",
     "investigation"),
    ("韩国产业通商资源部于去年3月启动了这项复审，起因是国内生产商提出的延期申请。", "zh", "investigation"),
    ("欧委会还曾为执行欧盟法院的判决，重启了涉及一家中国企业的复审程序。", "zh", "investigation"),
])
def test_kingpin_designations_ports_holding_goods_and_reviews_opened(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang, "2025-06-01")


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # a designation of another kind and a court's retrial are none of these
    ("The agency designated the wetland as a protected area under the 2019 act.", "en", "entity_list"),
    ("法院启动了再审程序。", "zh", "investigation"),
])
def test_other_designations_and_retrials_are_not(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang, "2025-06-01")


# extract-0.7.93 (after holdout39's scoring; fitted; a precision step): duties stated as standing (in force during a
# review, applied since a date, first imposed in a year), argued to push up costs, and a review of measures opened
# without 期终 are no tariff act
@pytest.mark.parametrize(("text", "lang"), [
    ("The duties remain in force during the review, which usually takes a year.", "en"),
    ("The duties, of 12.5% to 30.2%, have applied since March 2019.", "en"),
    ("It is the second expiry review since the duties were first imposed in 2012.", "en"),
    ("Furniture makers have argued that the duties push up their costs.", "en"),
    ("复审期间，现行反补贴税继续征收。", "zh"),
    ("韩国对该产品的反倾销措施最早于2012年实施。", "zh"),
    ("一家下游企业认为，维持高额关税会推高生产成本。", "zh"),
    ("韩国对华不锈钢棒反倾销措施启动复审", "zh"),
])
def test_standing_duties_and_reviews_opened_are_no_tariff(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang, "2025-06-01")


@pytest.mark.parametrize(("text", "lang"), [
    # duties imposed or extended stay tariffs
    ("SEOUL, June 1 - South Korea imposed anti-dumping duties of 12.5% on Chinese stainless steel bars on Friday.", "en"),
    ("韩国企划财政部决定对原产于中国的不锈钢棒继续征收反倾销税三年。", "zh"),
])
def test_duties_imposed_still_count(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang, "2025-06-01")


# extract-0.7.94 (fitted; a chip_launch recall step): first silicon back from the fab (回片) and a firm's planned processor
# are a chip's launch news
@pytest.mark.parametrize(("text", "lang"), [
    ("本报讯 一家国产GPU企业宣布，其新款训练芯片已完成回片测试。", "zh"),
    ("A leaked slide says the company plans a processor with twelve Armv9 cores for edge AI boxes.", "en"),
])
def test_first_silicon_and_planned_processors_are_chip_news(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "chip_launch" in types_of(full, text, lang, "2025-06-01")


def test_a_plan_to_curb_processors_is_no_chip_news(full) -> None:  # type: ignore[no-untyped-def]
    text = "Washington plans a processor export ban covering chips above a set performance threshold."
    assert "chip_launch" not in types_of(full, text, "en", "2025-06-01")


# extract-0.7.95 (from the spent holdouts' errors; fitted; a precision step): duties stated as standing in more wordings
@pytest.mark.parametrize(("text", "lang"), [
    ("The resin has been subject to the duties since May 2017.", "en"),
    ("The duties, in force since March 2016, would otherwise lapse next spring.", "en"),
    ("Seoul has charged duties of 12.5 per cent on the Chinese product since March 2016.", "en"),
    ("A dealer in Busan said local bars had replaced imports since the duties began.", "en"),
    ("Furniture makers argue that demand has been weak and that the duties raise their costs.", "en"),
    ("韩国自2016年3月起对中国不锈钢棒征收反倾销税，措施原定明年春天到期。", "zh"),
    ("2016年3月起，韩国对原产于中国的不锈钢棒征收反倾销税。", "zh"),
    ("一家贸易商说：“反倾销措施实施以来，进口量明显减少。”", "zh"),
])
def test_duties_stated_as_standing_are_no_tariff(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang, "2025-06-01")


def test_duties_taking_effect_today_still_count(full) -> None:  # type: ignore[no-untyped-def]
    text = "SEOUL, June 1 - South Korea will charge anti-dumping duties of 12.5% on Chinese stainless steel bars from Friday."
    assert "tariff" in types_of(full, text, "en", "2025-06-01")


# extract-0.7.96 (from the spent holdouts' errors; fitted; a precision step): rumours of more probes, a worry that a
# government will probe later, buyers reviewing their supply chains and probes opened by several countries as a class
# are no investigation (what a probe found, stated as another step's grounds, is excluded from the rules' triggers only:
# the vetting that also dropped the classifier's events there lowered validation and was not shipped)
@pytest.mark.parametrize(("text", "lang"), [
    ("也有消息称，美方正在调查更多参与转运的渔船。", "zh"),
    ("业内还流传欧方可能对另一种化工产品发起类似调查的说法，目前尚无正式申请。", "zh"),
    ("另一家企业负责人透露，公司也担心美方今后会调查转运问题。", "zh"),
    ("一些美国采购商已开始审查经越南加工的供应链。", "zh"),
    ("背景方面，去年以来，多个国家对我国铝材发起贸易救济调查。", "zh"),
])
def test_rumours_findings_and_classes_of_probes_are_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang, "2025-06-01")


@pytest.mark.parametrize(("text", "lang"), [
    # a regulator's preliminary finding and a trade-remedy case's finding stay the case's probe
    ("欧盟委员会周五表示，初步调查发现，该平台未能向研究人员提供充分的数据访问权限，涉嫌违反《数字服务法》。", "zh"),
    ("The Commission's investigation found that dumped imports had undercut EU prices and hurt its producers.", "en"),
])
def test_case_findings_still_count(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang, "2025-06-01")


# extract-0.7.97 (from the spent holdouts' errors; fitted; an investigation recall step): a trade-remedy case told opened,
# a review told opened with a long date between (复审于...由...发起), and shipments held under the forced-labour law
@pytest.mark.parametrize(("text", "lang"), [
    ("Commerce opened the case last September, after two U.S. makers of steel racks asked for relief.", "en"),
    ("The case was opened on 12 March 2024 after a complaint by three European producers.", "en"),
    ("U.S. Customs and Border Protection has been holding some of the firm's shipments at the border, citing the Uyghur "
     "Forced Labor Prevention Act.", "en"),
    ("这次复审于去年3月12日由韩国产业通商资源部和企划财政部发起。", "zh"),
])
def test_cases_told_opened_and_shipments_held_are_probes(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang, "2025-06-01")


def test_a_court_case_opened_is_no_probe(full) -> None:  # type: ignore[no-untyped-def]
    text = "The court opened the case in March after the company's lawsuit against its former supplier."
    assert "investigation" not in types_of(full, text, "en", "2025-06-01")
