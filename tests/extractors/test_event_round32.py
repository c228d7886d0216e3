"""#15 round 32 (after holdout29's scoring; fitted on that spent set): an instrument proposed with the powers it would give
is a policy act, and wrong senses of a market move, a designation, a control and a partnership. Sentences written for
these tests (none copied from an evaluation split), run through the real extractor with the event classifier as the
pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of, types_of

# an instrument proposed with the powers it would give (tariffs among them) is a policy act


@pytest.mark.parametrize(("text", "lang"), [
    ("OTTAWA, May 6 - The government on Tuesday proposed a trade-defence instrument that would let it respond to coercion "
     "with tariffs, quotas and limits on public contracts.", "en"),
    ("本报渥太华5月6日电 加拿大政府6日提出一项“贸易防御工具”立法提案，拟赋予政府在遭受胁迫时采取加征关税和配额等反制措施的权力。",
     "zh"),
])
def test_an_instrument_proposed_with_tariff_powers_is_a_policy_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    plans = [e for e in events_of(full, text, lang, published="2025-05-07") if e.type == "policy_plan"]
    assert plans and plans[0].status == "proposed"
    assert "tariff" not in {e.type for e in events_of(full, text, lang, published="2025-05-07")}


@pytest.mark.parametrize(("text", "lang"), [
    # an instrument that is itself about tariffs or controls keeps no policy_plan of its own
    ("The ministry issued rules implementing the new anti-dumping duties on steel.", "en"),
    ("国务院公布《两用物项出口管制条例》，自12月1日起施行。", "zh"),
])
def test_instruments_of_tariffs_and_controls_are_no_policy_plan(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "policy_plan" not in types_of(full, text, lang)


# a firm's market share is no share price


@pytest.mark.parametrize("text", [
    "The ride-hailing firm's market share fell during the ban as rivals signed up drivers.",
    "Its market share rose to 40% last year, the research firm said.",
])
def test_market_share_is_no_market_move(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in types_of(full, text, "en")


@pytest.mark.parametrize("text", [
    "The company's shares fell 8% in Hong Kong on Tuesday.",
    "Its share price fell 5% after the results.",
])
def test_share_prices_stay_market_moves(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" in types_of(full, text, "en")


# a league's blacklist of players and a ban on cheaters are no designation and no control


@pytest.mark.parametrize("text", [
    "HANGZHOU, May 6 - A college esports league said on Friday it had added 52 accounts to its blacklist of players found "
    "using cheating tools, and sanctioned three teams whose members shared accounts.",
    "Campus league bans cheaters and exports highlight reels to its fans",
])
def test_a_league_s_blacklist_and_bans_on_cheaters_are_no_policy_act(full, text) -> None:  # type: ignore[no-untyped-def]
    types = types_of(full, text, "en")
    assert "entity_list" not in types and "export_control" not in types


@pytest.mark.parametrize(("text", "kind"), [
    ("WASHINGTON, May 6 - The Commerce Department added 12 Chinese firms to its trade blacklist on Tuesday.", "entity_list"),
    ("WASHINGTON, May 6 - Washington banned the firm from exporting drones to Iran.", "export_control"),
])
def test_government_lists_and_export_bans_stay(full, text, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in types_of(full, text, "en")


# procurement lists are no partnership; curbs on a country's own platforms are no export control


def test_a_procurement_list_is_no_partnership(full) -> None:  # type: ignore[no-untyped-def]
    assert "partnership" not in types_of(full, "国产服务器进入政府采购名录 AMD称将继续服务中国客户", "zh")


def test_a_firm_s_purchase_stays_a_partnership(full) -> None:  # type: ignore[no-untyped-def]
    assert "partnership" in types_of(full, "本报深圳5月6日电 腾讯6日与华为签署协议，采购一批昇腾服务器。", "zh")


@pytest.mark.parametrize("text", [
    "Ride-hailing app allowed to take new users as Beijing eases platform curbs",
    "Developers rallied as regulators relaxed property curbs in several cities.",
])
def test_curbs_on_platforms_or_property_are_no_export_control(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, "en")


def test_chip_curbs_stay_export_controls(full) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, "WASHINGTON, May 6 - The U.S. on Tuesday announced new curbs on chip sales to "
                                        "China.", "en")


# extract-0.7.46 (after holdout30's scoring; fitted): a country's firms shut out of public procurement, buyers barred from
# a country's equipment and a government blocking a named app are controls


@pytest.mark.parametrize(("text", "lang"), [
    ("OTTAWA, May 6 - Canada on Tuesday barred Chinese companies from public tenders for rail equipment worth more than "
     "10 million dollars.", "en"),
    ("本报北京5月6日电 财政部6日宣布，在采购预算2000万元以上的轨道设备项目中排除加拿大企业参与。", "zh"),
    ("本报布鲁塞尔5月6日电 欧盟6日宣布，限制中国企业参与成员国轨道设备公共采购。", "zh"),
    ("WASHINGTON, May 6 - The Energy Department on Tuesday issued an order barring U.S. pipeline operators from buying "
     "control software from Chinese suppliers.", "en"),
    ("本报华盛顿5月6日电 美国能源部6日发布命令，禁止管道运营企业采购由中国企业供应的控制软件系统。", "zh"),
    ("TAIPEI, May 6 - Taiwan will block access to a Chinese short-video app for six months, the interior ministry said "
     "on Tuesday.", "en"),
])
def test_procurement_exclusions_equipment_bans_and_app_blocks_are_controls(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang, published="2025-05-07")


@pytest.mark.parametrize(("text", "lang"), [
    # a possibility, a rumour or a lawmaker's proposal is no act
    ("如果最终认定存在歧视，加拿大可能限制中国企业参与公共采购。", "zh"),
    ("Rumours that Ottawa might bar Chinese firms from public tenders circulated among diplomats.", "en"),
    # a firm's own purchase of a country's equipment is no ban
    ("The utility said it had stopped buying transformers from its old supplier after a fire.", "en"),
])
def test_possible_exclusions_and_ordinary_purchases_are_no_controls(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in types_of(full, text, lang, published="2025-05-07")


# extract-0.7.47 (after holdout30's scoring; fitted): a probe named as the setting of what firms provided, tariffs named
# as a topic and a firm's backers listed are no acts


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("The ministry said the duty rates reflected data submitted by Canadian exporters during the investigation.", "en",
     "investigation"),
    ("据悉，多家企业在调查期间提交了答卷材料。", "zh", "investigation"),
    ("当天，两国还围绕关税等问题举行了会谈。", "zh", "tariff"),
    ("该公司的投资方包括腾讯和红杉中国。", "zh", "investment"),
])
def test_probe_settings_tariff_topics_and_backers_are_no_acts(full, text, lang, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "kind"), [
    ("本报北京5月6日电 商务部6日决定对原产于加拿大的油菜籽发起反倾销调查。", "zh", "investigation"),
    ("腾讯6日宣布向该公司投资5亿美元。", "zh", "investment"),
])
def test_probes_opened_and_investments_made_stay(full, text, lang, kind) -> None:  # type: ignore[no-untyped-def]
    assert kind in types_of(full, text, lang)


# extract-0.7.48 (after holdout30's scoring; fitted): a probe's period extended and investigators named as what a firm
# would not cooperate with are no acts; a probe opened beside its extension stays


@pytest.mark.parametrize(("text", "lang"), [
    ("The ministry also said it would extend the period for its inquiry by six months because the case was complex.", "en"),
    ("公告同时表示，鉴于案情复杂，调查期限延长6个月。", "zh"),
    ("Officials said the operator had refused to cooperate with investigators for months.", "en"),
])
def test_a_probe_s_extension_and_investigators_as_a_setting_are_no_acts(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in types_of(full, text, lang)


def test_a_probe_opened_beside_its_extension_stays(full) -> None:  # type: ignore[no-untyped-def]
    text = "本报北京5月6日电 商务部6日决定对原产于加拿大的豌豆淀粉发起反倾销调查，调查期限可延长6个月。"
    assert "investigation" in types_of(full, text, "zh", published="2025-05-07")


# extract-0.7.49 (after holdout30's scoring; fitted): China barring a named foreign firm from selling into China (the
# unreliable entity list's measure) is a designation, not an export control


@pytest.mark.parametrize(("text", "lang"), [
    ("BEIJING, May 6 - China on Tuesday banned U.S. drone maker Skyfront from exporting its aircraft to the country, the "
     "commerce ministry said.", "en"),
    ("本报北京5月6日电 不可靠实体清单工作机制6日发布公告，禁止美国某无人机公司向中国出口其产品。", "zh"),
])
def test_china_barring_a_foreign_firm_from_selling_into_china_is_a_designation(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    types = types_of(full, text, lang, published="2025-05-07")
    assert "entity_list" in types and "export_control" not in types


@pytest.mark.parametrize(("text", "lang"), [
    # another government's ban on exports to China stays a control, whoever reports it
    ("Beijing has long complained that Washington banned Nvidia from exporting its best chips to China.", "en"),
    ("本报华盛顿5月6日电 美国商务部6日禁止英伟达向中国出口H20芯片。", "zh"),
])
def test_a_ban_on_exports_to_china_stays_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" in types_of(full, text, lang, published="2025-05-07")
