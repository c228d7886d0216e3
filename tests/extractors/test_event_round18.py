"""#15 extract-0.7.16 (round 18): general mechanisms found on the errors of holdout15, spent at the end of round 17
(``sinowatch eval --articles ... --split holdout15 --error-detail``) - earlier controls named as a class (English
"earlier restrictions on ... sales", Chinese "近年来 ... 不断收紧"), a trade-remedy case's last step reported with "will
impose" (enacted), a modal probe nearer the trigger than "said it would" and "将依法调查" (proposed), and an origin
country after "the" closing an enumeration (not the actor). Sentences written for these tests (none copied from an
evaluation split), run through the real extractor with the event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of


@pytest.mark.parametrize(("text", "lang"), [
    ("The lawsuit comes after earlier restrictions on advanced memory sales to China and several export-fraud cases.",
     "en"),
    ("分析人士指出，美方近年来对高端存储芯片对华出口持续加码，业内早有准备。", "zh"),
])
def test_earlier_controls_named_as_a_class_are_no_event(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in events_of(full, text, lang) if e.type in ("export_control", "entity_list")]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department imposed new restrictions on advanced memory sales to China on Monday.", "en"),
    ("美国商务部周一宣布收紧高端存储芯片对华出口管制。", "zh"),
])
def test_a_new_control_is_still_found(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "export_control"]
    assert evs and evs[0].status == "enacted"


@pytest.mark.parametrize(("text", "lang"), [
    ("WASHINGTON, June 3 - The Commerce Department will impose anti-dumping duties on steel racks imported from China, "
     "after the International Trade Commission voted that the imports had hurt American makers.", "en"),
    ("美国商务部当天表示，将对原产于中国的钢制货架正式征收反倾销税。", "zh"),
])
def test_a_trade_remedy_cases_last_step_is_enacted(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, published="2025-06-03") if e.type == "tariff"]
    assert evs and evs[0].status == "enacted"


def test_duties_awaiting_the_commissions_vote_stay_proposed(full) -> None:  # type: ignore[no-untyped-def]
    text = ("The Commerce Department said it will impose anti-dumping duties on steel racks from China if the "
            "International Trade Commission votes next month that the imports hurt American makers.")
    evs = [e for e in events_of(full, text, "en") if e.type == "tariff"]
    assert evs and evs[0].status == "proposed"


@pytest.mark.parametrize(("text", "lang"), [
    ("The labour ministry said it would review the hiring, and prosecutors said they could open a formal investigation "
     "into whether trade secrets were taken.", "en"),
    ("韩国产业通商资源部8日表示，将依法调查该工程师是否泄露了半导体核心技术。", "zh"),
])
def test_a_probe_that_may_come_is_proposed(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "investigation"]
    assert evs and evs[0].status == "proposed"


def test_a_probe_said_to_be_opened_is_enacted(full) -> None:  # type: ignore[no-untyped-def]
    text = "The regulator said it had opened a formal investigation into whether trade secrets were taken."
    evs = [e for e in events_of(full, text, "en") if e.type == "investigation"]
    assert evs and evs[0].status == "enacted"


def test_an_origin_country_after_the_closing_an_enumeration_does_not_act(full) -> None:  # type: ignore[no-untyped-def]
    text = ("BEIJING, May 5 - China's commerce ministry set anti-dumping duties on propanol on Monday. Background: in "
            "March it imposed duties on butanol from Malaysia, Thailand and the United States.")
    evs = [e for e in events_of(full, text, "en", published="2025-05-05") if e.type == "tariff"]
    assert len(evs) == 2 and {e.actor for e in evs} == {"mofcom"}


# after holdout16's scoring (round 18, from its spent errors; extract-0.7.17, watchlist 2026.12.03-3): bans on
# transactions with named firms worded as orders barring app stores, revoked operating authority and the FCC's list of
# equipment deemed a threat; suspended licences, court orders, delays and past perfect with a date; state firms'
# names opening with the country word; the FCC and the NRC act for the U.S. government

@pytest.mark.parametrize(("text", "lang"), [
    ("The Commerce Department plans to bar app stores from distributing the two apps.", "en"),
    ("The Federal Communications Commission voted to revoke China Unicom Americas' authority to provide "
     "telecommunications services in the United States.", "en"),
    ("美国商务部宣布，自下周一起禁止美国应用商店提供TikTok的下载服务。", "zh"),
    ("美国联邦通信委员会投票决定吊销中国联通美洲公司在美国提供电信服务的授权。", "zh"),
])
def test_bans_on_transactions_with_named_firms_in_other_words_are_controls(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang) if e.type == "export_control"]
    assert evs and evs[0].actor in ("us-commerce", "us-gov")


def test_a_parents_ban_on_downloads_is_no_control(full) -> None:  # type: ignore[no-untyped-def]
    text = "Many parents ban downloads of TikTok on their children's phones during exam weeks."
    assert not [e for e in events_of(full, text, "en") if e.type == "export_control"]


@pytest.mark.parametrize(("text", "lang", "status"), [
    ("The Commerce Department has suspended export licences that let American suppliers ship turbine parts to "
     "the Chinese aircraft maker.", "en", "enacted"),
    ("The Commerce Department said on Friday it would postpone by two weeks the ban barring app stores from "
     "offering TikTok, which was due to take effect on Sunday.", "en", "reversed"),
    ("A federal judge blocked the Commerce Department's order barring app stores from offering TikTok in the United "
     "States.", "en", "reversed"),
    ("The Commerce Department has lifted the licence suspension that had halted shipments of turbine parts to the "
     "Chinese aircraft maker.", "en", "reversed"),
    ("Separately, the department had on Tuesday ordered app stores to remove TikTok.", "en", "background"),
    ("Officials said the administration is also weighing a pause in licences for nuclear equipment bound for China, "
     "though no decision had been announced.", "en", "proposed"),
])
def test_status_of_suspensions_delays_and_court_orders(full, text, lang, status) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in events_of(full, text, lang, published="2025-09-20") if e.type == "export_control"]
    assert evs and evs[0].status == status


def test_a_list_of_equipment_deemed_a_threat_is_enacted_not_a_threat_to_act(full) -> None:  # type: ignore[no-untyped-def]
    text = ("The Federal Communications Commission published a list of communications equipment deemed a threat to "
            "national security, naming Huawei and ZTE.")
    evs = [e for e in events_of(full, text, "en") if e.type == "export_control"]
    assert evs and evs[0].status == "enacted" and evs[0].actor == "us-gov"


def test_the_country_word_of_a_state_firms_name_does_not_act(full) -> None:  # type: ignore[no-untyped-def]
    text = "此前数日，美国商务部暂停了中国商飞发动机零部件的出口许可。"
    evs = [e for e in events_of(full, text, "zh") if e.type == "export_control"]
    assert evs and evs[0].actor == "us-commerce"


def test_a_stake_bought_as_a_share_is_an_investment(full) -> None:  # type: ignore[no-untyped-def]
    text = "Alibaba bought about 4.5% of Rakuten last month, filings showed."
    assert [e for e in events_of(full, text, "en") if e.type == "investment"]


def test_a_stake_watched_under_a_foreign_investment_law_is_an_investigation(full) -> None:  # type: ignore[no-untyped-def]
    text = "Tokyo will monitor Alibaba's stake in the retailer under its foreign-investment law, officials said."
    assert [e for e in events_of(full, text, "en") if e.type == "investigation"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The Commission has up to 13 months to decide and could impose provisional duties within seven months.", "en"),
    ("阿里巴巴在香港上市的股票当天走势平稳。", "zh"),
    ("Some analysts asked whether the deal could draw scrutiny under the country's foreign-exchange law.", "en"),
])
def test_procedures_flat_shares_and_possible_scrutiny_are_no_events(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in events_of(full, text, lang) if e.type in ("tariff", "market_move", "investigation")]
