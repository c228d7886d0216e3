"""#15 round 35 (from the spent holdouts' errors): actors. Sentences written for these tests (none copied from an
evaluation split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import first_actor, types_of


# extract-0.7.65: the subject of a trade-remedy body's finding (认定中国..., "found that China ...") is found about, not
# acting: the body that rules acts
@pytest.mark.parametrize(("text", "lang", "etype", "actor"), [
    ("本报华盛顿3月4日电 美国商务部公布对原产于中国的铝制梯子反倾销调查终裁结果，认定中国梯子以低于公平价值的价格在美销售，"
     "裁定反倾销税率为34%至160%。", "zh", "tariff", "us-commerce"),
    ("华盛顿5月6日消息 美国商务部公布对中国木制橱柜反补贴调查的初裁结果，初步认定中国政府对相关企业提供了补贴，税率为20%至230%。",
     "zh", "tariff", "us-commerce"),
    ("The Commerce Department ruled on the case on Tuesday. After finding that China subsidised the makers, the "
     "department imposed countervailing duties of up to 200% on the cabinets.", "en", "tariff", "us-commerce"),
])
def test_the_subject_of_a_finding_does_not_act(full, text, lang, etype, actor) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, etype) == actor


@pytest.mark.parametrize(("text", "lang", "etype", "actor"), [
    # the body that finds keeps acting, and a government that acts after its own finding still acts
    ("北京3月2日消息 商务部认定原产于美国的进口丙酸存在倾销，决定自即日起征收反倾销税。", "zh", "tariff", "mofcom"),
    ("The Commerce Department found that the Chinese mills had dumped the steel and set anti-dumping duties of up to 90%.",
     "en", "tariff", "us-commerce"),
])
def test_the_finding_body_still_acts(full, text, lang, etype, actor) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, etype) == actor


# extract-0.7.66 (after holdout33's scoring; fitted): a government halting or resuming imports of a country's goods, a
# defence department or federal funds barred from buying named Chinese firms' products, Beijing's list of "diehard"
# Taiwan separatists
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("China's customs agency said on Monday it would suspend imports of frozen fish originating in Japan from Tuesday.",
     "en", "export_control"),
    ("海关总署发布公告，自即日起暂停进口原产地为日本的冷冻鱼类产品。", "zh", "export_control"),
    ("海关总署决定自7月1日起暂停台湾地区芒果输入大陆。", "zh", "export_control"),
    ("The provision prohibits the Department of Defense from procuring drones made by DJI and Autel from 2026.", "en",
     "export_control"),
    ("根据该法，自2026年起美国国防部不得采购大疆和道通智能生产的无人机。", "zh", "export_control"),
    ("国台办宣布，将两名民意代表列入“台独”顽固分子清单，依法对其实施惩戒。", "zh", "entity_list"),
    ("The Taiwan Affairs Office named the two legislators as diehard separatists and said they would be punished.", "en",
     "entity_list"),
])
def test_import_halts_procurement_bans_and_the_separatist_list(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # buyers' own choices, customs' quarantine work and a listing's ticker are no acts
    ("Chinese buyers stopped imports of Australian coal last year as prices fell.", "en", "export_control"),
    ("海关近期多次从进口木材中截获检疫性有害生物，并已向出口方通报。", "zh", "investigation"),
    ("该公司10日在纽约证券交易所挂牌上市，股票代码ZK。", "zh", "market_move"),
])
def test_buyers_quarantine_and_tickers_state_no_act(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


# extract-0.7.67 (after holdout33's scoring; fitted): a housing estate's permits are no control, and an official's remark
# on how a probe was run names no probe act
@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("物业公司表示，业主需在系统中登记后才能领取新的出入许可证，旧证将停止使用。", "zh", "export_control"),
    ("\"The probe was conducted in strict accordance with the law,\" a ministry spokesman said on Friday.", "en",
     "investigation"),
    ("商务部贸易救济调查局有关负责人表示，对进口丙酸的反倾销调查过程公开透明，充分保障了各利害关系方的权利。", "zh",
     "investigation"),
])
def test_estate_permits_and_a_probes_conduct_state_no_act(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in types_of(full, text, lang)


def test_a_probe_opened_still_counts(full) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry said on Friday it had opened an anti-dumping investigation into imports of U.S. propionic acid."
    assert "investigation" in types_of(full, text, "en")


# extract-0.7.68 (from the spent holdouts' errors): non-tariff barriers in Chinese, duties as obligations and a utility's
# rate for its users are no tariffs
@pytest.mark.parametrize(("text", "lang"), [
    ("美方官员称，双方将继续就非关税壁垒和市场准入问题进行磋商。", "zh"),
    ("The department said the new rule takes effect in April, with audit and reporting duties for importers phased in "
     "later.", "en"),
    ("The tariff for industrial users will fall by 8% at night under the new schedule.", "en"),
])
def test_barriers_obligations_and_utility_rates_are_no_tariffs(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in types_of(full, text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("China raised tariffs on U.S. goods to 125% on Friday.", "en"),
    ("国务院关税税则委员会宣布，对原产于美国的部分商品加征10%关税。", "zh"),
    ("The EU imposed anti-dumping duties of up to 35% on Chinese steel wheels.", "en"),
])
def test_customs_tariffs_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in types_of(full, text, lang)


# extract-0.7.69 (from the spent holdouts' errors): a USB drive (U盘中) and a price's jump (能源价格大涨) are no market moves
@pytest.mark.parametrize("text", [
    "检方称，他把数百份设计文件拷贝到U盘中，随后辞职回国。",
    "多家钢厂担心，在能源价格大涨的背景下，生产成本将进一步上升。",
])
def test_a_usb_drive_and_a_price_jump_are_no_market_moves(full, text) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" not in types_of(full, text, "zh")


def test_a_share_jump_stays_a_market_move(full) -> None:  # type: ignore[no-untyped-def]
    assert "market_move" in types_of(full, "受此消息影响，中芯国际港股盘中大涨8%。", "zh")
