"""#15 round 33 (from the development splits' errors): a regulator's formal request that firms explain or detail their
conduct is an investigatory step. Sentences written for these tests (none copied from an evaluation split), run through
the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of, first_actor, types_of


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("BRUSSELS, March 4 - The European Commission on Tuesday asked Temu and Shein to explain how they keep unsafe toys "
     "off their marketplaces, using its powers under the Digital Services Act.", "en", "eu"),
    ("WASHINGTON, March 4 - The Federal Trade Commission said it had issued orders to six companies, among them Alibaba, "
     "seeking information on how their shopping apps handle children's data.", "en", None),
    ("本报布鲁塞尔3月4日电 欧盟委员会4日依据《数字服务法》向阿里巴巴旗下速卖通发出正式信息索取要求，要求其说明如何防止违法商品上架。",
     "zh", "eu"),
    ("欧委会4日要求TikTok说明其如何保护未成年用户的个人数据。", "zh", "eu"),
])
def test_a_regulators_request_for_information_is_an_investigation(full, text, lang, actor) -> None:  # type: ignore[no-untyped-def]
    probes = [e for e in events_of(full, text, lang, published="2025-03-05") if e.type == "investigation"]
    assert probes and probes[0].status == "enacted"
    if actor:
        assert probes[0].actor == actor


@pytest.mark.parametrize(("text", "lang"), [
    # not a regulator, or a firm asking its own suppliers
    ("Two senators asked the app maker to explain its data practices in a letter on Tuesday.", "en"),
    ("The carmaker asked its suppliers to detail their costs for the new model.", "en"),
    ("公司要求供应商说明原材料涨价的情况。", "zh"),
    # a request only considered
    ("Officials said the Commission could ask the platform to explain its recommendation system later this year.", "en"),
])
def test_requests_from_others_are_no_investigation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


# extract-0.7.51 (from the spent holdouts' errors): a person sentenced, detained or arrested by a state is a prosecution,
# as a person charged (extract-0.7.25); a penalty a law allows or a lawmaker proposes is none


@pytest.mark.parametrize(("text", "lang"), [
    ("SHANGHAI, May 6 - A Shanghai court on Tuesday sentenced a Canadian businessman to eleven years in prison for "
     "espionage, his lawyer said.", "en"),
    ("The foreign ministry said a British engineer had been detained in Beijing this week on suspicion of spying.", "en"),
    ("本报北京5月6日电 北京市一家中级人民法院6日以间谍罪判处一名外籍工程师有期徒刑五年。", "zh"),
    ("外交部发言人表示，中方有关部门已依法对该名外籍员工采取刑事强制措施。", "zh"),
])
def test_a_person_sentenced_or_detained_is_a_prosecution(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("He could be sentenced to up to ten years in prison if convicted, lawyers said.", "en"),
    ("根据该法，向境外泄露核心技术者可被判处三年以上有期徒刑。", "zh"),
    ("有议员提议对泄露核心技术者最高判处无期徒刑。", "zh"),
])
def test_penalties_a_law_allows_are_no_prosecution(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


# extract-0.7.52 (from the spent holdouts' errors): a government telling its firms to stop using a foreign country's
# firms' software and a ban on downloads of named apps from a country's app stores are controls; a regulator's rules
# governing a technology are a policy act


@pytest.mark.parametrize(("text", "lang"), [
    ("BEIJING, March 3 - Chinese authorities have told state firms to stop using antivirus software made by several U.S. "
     "companies, citing security risks, people familiar with the matter said.", "en"),
    ("本报北京3月3日电 中国有关部门近日通知国有企业，停止使用由数家美国公司提供的杀毒软件。", "zh"),
    ("WASHINGTON, March 3 - The Commerce Department on Monday ordered a ban on downloads of two Chinese messaging apps "
     "from U.S. app stores starting Friday.", "en"),
])
def test_stop_using_a_countrys_software_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang)


@pytest.mark.parametrize("text", [
    "Officials said Beijing could tell state firms to stop using antivirus software made by U.S. companies.",
    "The company told its staff to stop using personal phones for work after a leak.",
])
def test_stop_using_only_possible_or_a_firms_own_rule_is_no_control(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, "en")


def test_a_regulators_rules_governing_a_technology_are_a_policy_act(full) -> None:  # type: ignore[no-untyped-def]
    text = ("BEIJING, March 3 - China's internet regulator on Monday issued rules governing generative video tools, "
            "requiring providers to label synthetic content.")
    assert "policy_plan" in types_of(full, text, "en", published="2025-03-04")


# extract-0.7.53 (from the development splits' errors): the duty-free treatment of small parcels (the "de minimis"
# exemption) ended, paused or restored is a tariff act


@pytest.mark.parametrize(("text", "lang"), [
    ("WASHINGTON, March 3 - The White House on Monday paused the end of the de minimis exemption for low-value parcels "
     "from China until customs systems are ready.", "en"),
    ("本报华盛顿3月3日电 美国白宫3日宣布，暂缓取消对中国小额包裹的“最低限度免税”待遇。", "zh"),
])
def test_the_de_minimis_exemption_is_a_tariff_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


def test_a_call_to_end_de_minimis_is_no_tariff_act(full) -> None:  # type: ignore[no-untyped-def]
    text = "Retailers' groups have urged lawmakers to close the de minimis loophole, saying it favours foreign sellers."
    assert "tariff" not in types_of(full, text, "en")


# extract-0.7.54 (from the development splits' and spent holdouts' errors): a tariff stated as standing is the setting of
# other news, no tariff act


@pytest.mark.parametrize(("text", "lang"), [
    ("Ceramic tiles from China already pay Section 301 tariffs, importers said.", "en"),
    ("Duties on Chinese steel wheels have been in place for years.", "en"),
    ("多年来，美国对中国瓷砖一直征收较高的反倾销关税。", "zh"),
    ("中国产瓷砖目前已被加征301关税。", "zh"),
])
def test_a_standing_tariff_is_no_tariff_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("WASHINGTON, March 3 - The United States on Monday imposed tariffs of 25% on ceramic tiles from China.", "en"),
    ("本报华盛顿3月3日电 美国3日宣布对原产于中国的瓷砖加征25%的关税。", "zh"),
])
def test_a_tariff_imposed_stays_a_tariff_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


# extract-0.7.55 (after holdout31's scoring; fitted): a conviction by a jury or a court and an arrest by the police on
# suspicion of a crime are prosecutions; a draft regulation published for comment is a proposed policy act; entities
# listed under the forced-labour law's list (清单) are a designation


@pytest.mark.parametrize(("text", "lang"), [
    ("CHICAGO, May 6 - A federal jury on Tuesday convicted a Chinese solar-panel maker of stealing trade secrets from a "
     "former partner.", "en"),
    ("本报芝加哥5月6日电 美国一联邦陪审团6日裁定，中国某光伏企业窃取前合作伙伴商业秘密等罪名成立。", "zh"),
    ("日本警方以涉嫌违反《不正当竞争防止法》为由逮捕一名外籍工程师。", "zh"),
])
def test_a_conviction_or_an_arrest_is_a_prosecution(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, text, lang)


def test_if_convicted_is_no_prosecution(full) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, "She could face up to five years in prison if convicted.", "en")


def test_a_draft_regulation_for_comment_is_a_proposed_policy_act(full) -> None:  # type: ignore[no-untyped-def]
    text = "本报北京3月3日电 工业和信息化部3日发布《钨管理条例（征求意见稿）》，向社会公开征求意见。"
    plans = [e for e in events_of(full, text, "zh", published="2025-03-04") if e.type == "policy_plan"]
    assert plans and plans[0].status == "proposed"


def test_the_forced_labour_laws_list_is_a_designation(full) -> None:  # type: ignore[no-untyped-def]
    text = "本报华盛顿3月3日电 美国国土安全部3日宣布，将三家中国企业列入依据所谓《维吾尔强迫劳动预防法》设立的清单。"
    assert "entity_list" in types_of(full, text, "zh", published="2025-03-04")


# extract-0.7.56 (after holdout31's scoring; fitted): wrong senses. A foreign-investment review panel's name is no
# investment, penalties a rule sets for whoever breaks it are no probe, a commodity's price is no market move


def test_a_review_panels_name_is_no_investment(full) -> None:  # type: ignore[no-untyped-def]
    text = "收购案获美外资投资委员会放行"
    assert "investment" not in types_of(full, text, "zh", published="2025-03-04")


@pytest.mark.parametrize("text", [
    "工业和信息化部发布的征求意见稿还明确，违规开采、超指标生产等行为将面临没收违法所得和罚款等处罚。",
    "工业和信息化部表示，对超指标生产等行为，条例设定了没收违法所得并处罚款等处罚。",
    "台湾“经济部”公告称，岛内企业不得担任大陆平台的代理商，违者将被处以罚款。",
])
def test_penalties_a_rule_sets_are_no_probe(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, "zh")


def test_a_fine_imposed_stays_a_probe(full) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in types_of(full, "本报北京3月3日电 市场监管部门3日对该公司处以罚款50万元。", "zh")


def test_a_commoditys_price_is_no_market_move(full) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in types_of(full, "今年以来，海外市场锗价明显上涨，部分企业开始增加库存。", "zh")


def test_a_share_price_stays_a_market_move(full) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" in types_of(full, "受此消息影响，该公司股价当日上涨6%。", "zh")


# extract-0.7.57 (after holdout31's scoring; fitted): a jury that "convicts" in a headline, and a person's nationality
# ("a Chinese intelligence officer", 中国公民) is no state acting


def test_a_headline_conviction_is_a_prosecution_by_the_jurys_country(full) -> None:  # type: ignore[no-untyped-def]
    text = "U.S. jury convicts Chinese engineer of stealing chip designs"
    assert first_actor(full, text, "en", "investigation") == "us-gov"


@pytest.mark.parametrize(("text", "lang"), [
    ("DETROIT, May 6 - A federal jury on Tuesday convicted a Chinese national of smuggling rifle scopes.", "en"),
    ("陪审团裁定中国公民李某共谋窃取芯片设计罪名成立。", "zh"),
])
def test_a_persons_nationality_does_not_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    probes = [e for e in events_of(full, text, lang) if e.type == "investigation"]
    assert probes and all(e.actor != "cn-gov" for e in probes)
