"""#15 round 46. Sentences written for these tests (none copied from an evaluation split), run through the real
extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import types_of


# extract-0.7.122 (from the spent holdouts' errors; fitted): duties that producers ask for are their request, no duties yet;
# a government that seeks or imposes duties still counts
@pytest.mark.parametrize("text", [
    "A group of U.S. bearing makers asked for duties of up to 200 percent on imports from China.",
    "Ohio tube makers seek duties on Chinese seamless pipe",
    "The company has also asked for duties to be applied retroactively to shipments that arrived in the spring.",
])
def test_duties_producers_ask_for_are_no_tariff(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, "en")


@pytest.mark.parametrize("text", [
    "The administration asked for tariffs of 25% on Chinese chips in its proposal to Congress.",
    "The Commerce Department imposed duties of 30% on Chinese bearings on Tuesday.",
    "Bearing makers asked for relief, and the commission imposed duties of 40% on Chinese bearings.",
])
def test_duties_a_government_seeks_or_imposes_stay(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, "en")


# extract-0.7.123 (from the spent holdouts' errors; fitted): preliminary duty rates that a body will set if a condition holds
# are a step still ahead, no tariff; final duties promised under a condition, and preliminary duties set, still count
@pytest.mark.parametrize(("text", "lang"), [
    ("If the trade commission votes in favour, Commerce will publish preliminary duty rates on the bearings in the autumn.",
     "en"),
    ("WASHINGTON, May 2 - Should the panel find injury, the department could set preliminary duties on the cabinets by "
     "March.", "en"),
    ("如果国际贸易委员会作出肯定性裁决，美国商务部将于今年秋季公布轴承反倾销初裁税率。", "zh"),
])
def test_preliminary_rates_under_a_condition_are_no_tariff(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("If the commission finds injury, Commerce will issue anti-dumping duty orders on the bearings.", "en"),
    ("Commerce on Tuesday set preliminary duties of 45% on Chinese bearings.", "en"),
    ("如果国际贸易委员会裁定损害成立，美方将对中国轴承正式征收反倾销税。", "zh"),
])
def test_final_duties_under_a_condition_and_preliminary_duties_set_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


# extract-0.7.124 (from the spent holdouts' errors; fitted): licences of a program sold or given by seat or term ("two-year
# licences for its design software") are no export licence; licences to ship goods still are
@pytest.mark.parametrize("text", [
    "The charity said a developer had donated 300 two-year licences for its design software to rural schools.",
    "The school bought a site licence for the maths program so that every pupil could use it at home.",
    "A start-up gave the library 50 licences for its coding environment, a spokesman said.",
])
def test_licences_of_a_program_are_no_export_control(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, "en")


@pytest.mark.parametrize("text", [
    "The Commerce Department said exporters now need licences for shipments of advanced chips to China.",
    "The company said it had applied for licences to ship its design tools to Chinese chipmakers.",
])
def test_licences_to_ship_goods_stay(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, "en")


# extract-0.7.125 (from the spent holdouts' errors; fitted): a security risk named is no probe; a review or probe of the
# risk still is
@pytest.mark.parametrize(("text", "lang"), [
    ("Two lawmakers asked the intelligence chief to look into whether the shopping app posed a security risk.", "en"),
    ("Regulators said the shopping app posed a security risk to users.", "en"),
    ("两名参议员致信情报部门负责人，要求评估该购物应用是否构成安全风险。", "zh"),
    ("分析人士认为，该购物应用可能给用户带来数据安全风险。", "zh"),
])
def test_a_security_risk_named_is_no_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The regulator opened a security review of the shopping app on Monday, citing risks to user data.", "en"),
    ("网络安全审查办公室宣布对该购物应用启动网络安全审查，理由是存在数据安全风险。", "zh"),
])
def test_a_review_of_the_risk_stays_a_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


# extract-0.7.126 (from the spent holdout43's errors; fitted): duties joined as a second decision still to be taken ("to
# decide on dumping and whether to levy provisional duties") are no tariff; duties levied still are
@pytest.mark.parametrize("text", [
    "The ministry now has 60 days to rule on injury and whether to impose provisional duties on the Chinese valves.",
    "Officials will decide on the dumping margin and whether to collect duties on shipments already landed.",
])
def test_duties_joined_to_a_decision_ahead_are_no_tariff(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, "en")


def test_duties_levied_beside_a_decision_ahead_stay(full) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry imposed provisional duties of 20% on the Chinese valves and will decide on injury by June."
    assert "tariff" in types_of(full, text, "en")


# extract-0.7.127 (from the spent holdouts' errors; fitted): a probe carried on or completed, named as the frame of another
# step, opens no probe; a probe opened still does
@pytest.mark.parametrize(("text", "lang"), [
    ("The deposits will be collected for up to six months while the ministry completes its investigation into the valves.",
     "en"),
    ("征税期间，商务部将继续调查，终裁预计在明年年初作出。", "zh"),
])
def test_a_probe_carried_on_opens_none(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry opened an anti-dumping investigation into Chinese valves on Monday.", "en"),
    ("商务部当天宣布对原产于日本的进口阀门发起反倾销调查。", "zh"),
])
def test_a_probe_opened_stays(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


# extract-0.7.128 (from the spent holdouts' errors; fitted): the applicant firms' claim of falling profits in a trade case,
# and a profit hit told without a figure, are no market move; a firm's reported profit change still is
@pytest.mark.parametrize("text", [
    "申请企业称，低价进口产品大量涌入，迫使其持续降价，经营利润明显下滑。",
    "一位企业负责人表示：“出口订单占比不高，但高端产品的利润受到冲击。”",
])
def test_claimed_or_unquantified_profit_hits_are_no_move(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in types_of(full, text, "zh")


def test_a_reported_profit_change_stays_a_move(full) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" in types_of(full, "该公司第三季度净利润同比下降30%。", "zh")


# extract-0.7.129 (holdout44, after its scoring; fitted): a sunset review named in quotes ('a five-year "sunset" review of
# the anti-dumping duty order') is a review opened like one named without them: a probe, and the duties are its subject
@pytest.mark.parametrize("text", [
    'The Commerce Department has opened a five-year "sunset" review of the anti-dumping duty order on Chinese honey.',
    "The commission launched an “expiry” review of the anti-dumping duties on Chinese steel wheels on Friday.",
])
def test_a_quoted_sunset_review_is_a_probe_of_the_duties(full, text) -> None:  # type: ignore[no-untyped-def]
    types = types_of(full, text, "en")
    assert "investigation" in types and "tariff" not in types


# extract-0.7.130 (holdout44, after its scoring; fitted): a state attorney general's lawsuit against firms is an enforcement
# case, like a prosecutor's charge; a lawsuit only guessed at is none
@pytest.mark.parametrize(("text", "lang"), [
    ("Ohio's attorney general has sued two Chinese drone makers, accusing them of hiding how they share flight data.",
     "en"),
    ("美国俄亥俄州总检察长日前宣布，对两家中国无人机企业提起诉讼，指控其隐瞒飞行数据的共享方式。", "zh"),
])
def test_an_attorney_generals_lawsuit_is_a_probe(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


def test_a_lawsuit_guessed_at_is_none(full) -> None:  # type: ignore[no-untyped-def]
    text = "也有人猜测，美国更多州的总检察长可能对中国品牌的联网设备提起诉讼，但目前尚无定论。"
    assert "investigation" not in types_of(full, text, "zh")
