"""#15 extract-0.7.25 (round 25): a probe or a blacklist that is nobody's act of state. Found on the false alarms of
the spent holdouts (a firm's, a team's or a school's own inquiry or blacklist typed as a government's); sentences
written for these tests (none copied from an evaluation split), run through the real extractor with the event
classifier as the pipeline runs it (``full``) and through the vetting helper directly."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_vetting import unofficial

from tests.extractors.conftest import events_of, first_actor


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("The museum said its curators had investigated the complaints about the exhibition and closed two rooms.", "en",
     "investigation"),
    ("The organisers put three noisy teams on a blacklist after the final.", "en", "entity_list"),
    ("The hotel's staff opened an investigation into the missing towels.", "en", "investigation"),
    ("社团随后把多次迟到的成员加入了活动黑名单。", "zh", "entity_list"),
])
def test_an_inquiry_or_blacklist_of_no_public_body_is_no_event(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang", "etype"), [
    # the same words with a public body, a watched firm or a case named keep their event
    ("The Federal Trade Commission said it had investigated the complaints about the ticket platform.", "en",
     "investigation"),
    ("Regulators opened an anti-dumping investigation into imports of Chinese steel wheels on Monday.", "en",
     "investigation"),
    ("Huawei was added to the blacklist on Thursday, the latest step against the company.", "en", "entity_list"),
    ("美方将多家中国企业列入黑名单。", "zh", "entity_list"),
])
def test_an_act_of_a_named_body_or_on_a_watched_firm_stays(full, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype in {e.type for e in events_of(full, text, lang)}


def test_the_helper_reads_actor_targets_and_authority_words() -> None:
    staff = "Staff said they had investigated complaints about scalpers."
    assert unofficial("investigation", None, (), staff)
    assert not unofficial("investigation", "us-gov", (), staff)  # an actor found elsewhere (the headline's)
    assert not unofficial("investigation", None, ("huawei",), staff)  # a watched firm targeted
    assert not unofficial("tariff", None, (), staff)  # the other types are not read
    assert not unofficial("investigation", None, (), "The SEC said it had investigated complaints about scalpers.")
    assert not unofficial("investigation", None, (), "德方审查未能如期完成，收购告吹。")
    assert unofficial("entity_list", None, (), "学校信息中心随后把相关账号加入了会议黑名单。")


@pytest.mark.parametrize(("text", "lang"), [
    ("根据程序，美国商务部预计将先公布反补贴初裁税率，再公布反倾销初裁结果。", "zh"),
    ("Under the procedure, Commerce is expected to publish preliminary anti-dumping duties on the tyres early next year.",
     "en"),
])
def test_a_procedure_set_out_states_no_duties(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("美国商务部17日公布反补贴初裁税率，对相关轮胎征收保证金。", "zh"),
    # the case's next step, due, not left open (after holdout23's scoring)
    ("根据程序，美国商务部将据此发布征税令，对自华进口的轮胎征收反倾销税。", "zh"),
    ("Commerce published preliminary anti-dumping duties on the tyres on Tuesday.", "en"),
])
def test_the_same_duties_reported_as_done_stay(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "tariff" in {e.type for e in events_of(full, text, lang, published="2025-03-19")}


@pytest.mark.parametrize(("text", "lang", "etype", "actor"), [
    # the article names the trade-remedy authority; a sentence naming the government states the case's act
    ("China's commerce ministry published its final ruling on Tuesday. Beijing will impose anti-dumping duties of up "
     "to 38% on the resin from next month.", "en", "tariff", "mofcom"),
    ("The Commerce Department issued its final determination on Monday. The United States will impose "
     "countervailing duties on the Chinese tyres.", "en", "tariff", "us-commerce"),
    ("美国商务部18日公布终裁结果。美方将对相关轮胎征收反倾销税和反补贴税。", "zh", "tariff", "us-commerce"),
])
def test_a_governments_trade_remedy_act_is_its_named_authoritys(full, text, lang, etype, actor) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, etype, published="2025-03-19") == actor


@pytest.mark.parametrize(("text", "lang", "etype", "actor"), [
    # a president's tariffs and the tariff commission's duties are the government's own, whatever agency is named
    ("The Commerce Department's report found imports threatened security. President Trump imposed a 25% tariff on "
     "imported steel, citing the report and the dumping of cheap metal.", "en", "tariff", "us-gov"),
])
def test_the_governments_own_tariffs_stay_its(full, text, lang, etype, actor) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, etype, published="2025-03-19") == actor


@pytest.mark.parametrize(("title", "text", "etype", "actor"), [
    ("Europe imposes definitive anti-dumping duties on Chinese melamine",
     "BRUSSELS, Jan 13 - The European Commission imposed definitive anti-dumping duties on melamine from China on "
     "Monday, the bloc's Official Journal showed.", "tariff", "eu"),
])
def test_the_headline_act_takes_the_leads_actor(full, title, text, etype, actor) -> None:  # type: ignore[no-untyped-def]
    """The headline names no actor ("Europe" is no government id); the lead names the Commission."""
    heads = [e for e in events_of(full, text, "en", published="2025-01-14", title=title)
             if e.field == "title" and e.type == etype]
    assert heads and heads[0].actor == actor


@pytest.mark.parametrize("text", [
    "China's commerce ministry said on Friday it would impose anti-dumping duties on imported resin for five years, "
    "after a final ruling that the resin had been dumped and had hurt local makers.",
    "The European Union began charging provisional anti-dumping duties on Chinese steel wheels on Tuesday, after an "
    "investigation found that imports had been dumped.",
])
def test_what_a_probe_found_dates_no_earlier_act(full, text) -> None:  # type: ignore[no-untyped-def]
    found = [e.status for e in events_of(full, text, "en", published="2025-03-14") if e.type == "tariff"]
    assert found and found[0] == "enacted"


def test_an_earlier_act_in_the_past_perfect_stays_context(full) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry had imposed anti-dumping duties on the resin in 2019, and the review keeps them in force."
    found = [e.status for e in events_of(full, text, "en", published="2025-03-14") if e.type == "tariff"]
    assert found and found[0] == "background"


@pytest.mark.parametrize(("text", "published"), [
    ("The inquiry into the resin began in August 2017, after Chinese makers complained of low-priced imports.",
     "2018-06-08"),
    ("The probe began in November 2024, after a U.S. maker petitioned for relief.", "2026-01-17"),
])
def test_a_month_and_earlier_year_mid_sentence_date_the_act(full, text, published) -> None:  # type: ignore[no-untyped-def]
    found = {e.type: e.status for e in events_of(full, text, "en", published=published)}
    assert found.get("investigation") == "background"


# after holdout23's scoring (fitted): a person charged with a crime is a prosecution, whoever the sentence names
@pytest.mark.parametrize(("text", "lang"), [
    ("A chemist at a Boston lab has been arrested and charged with economic espionage and stealing trade secrets.", "en"),
    ("一名前芯片工程师被控经济间谍罪和窃取商业秘密罪，已被联邦法院羁押。", "zh"),
    ("美国联邦检察官以电信欺诈罪起诉两名研究人员。", "zh"),
])
def test_a_person_charged_with_a_crime_is_a_prosecution(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "lang"), [
    ("The committee charged with overseeing the new stadium met on Monday.", "en"),
    ("The engineer could be charged with stealing trade secrets if the review finds a breach.", "en"),
])
def test_charged_in_other_senses_or_as_a_possibility_is_no_prosecution(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert "investigation" not in {e.type for e in events_of(full, text, lang)}


@pytest.mark.parametrize(("text", "actor"), [
    # China's foreign ministry, written alone in Chinese, acts for China's government (after holdout23's scoring)
    ("外交部3日宣布，决定对5家美国军工企业采取反制措施，将其列入不可靠实体清单。", "cn-gov"),
    # another country's foreign ministry is written with the country's name
    ("日本外交部宣布对两家企业实施制裁。", "jp-gov"),
])
def test_the_foreign_ministry_alone_is_chinas(full, text, actor) -> None:  # type: ignore[no-untyped-def]
    found = [e.actor for e in events_of(full, text, "zh", published="2024-12-04") if e.type == "entity_list"]
    assert found and found[0] == actor


@pytest.mark.parametrize(("text", "lang"), [
    ("The Justice Department has moved to dismiss fraud charges against three visiting researchers.", "en"),
    ("美国司法部决定撤销对三名访问学者的签证欺诈指控。", "zh"),
])
def test_charges_dropped_end_the_prosecution(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    found = [e.status for e in events_of(full, text, lang) if e.type == "investigation"]
    assert found and found[0] == "reversed"


def test_arms_sales_are_no_export_control(full) -> None:  # type: ignore[no-untyped-def]
    """A classifier's export control whose only cue is a government's arms sale is dropped (after holdout23's scoring)."""
    text = ("The measures follow a package of American weapons sales to Taiwan unveiled this month, which Taipei welcomed "
            "and Beijing called a serious violation of its sovereignty.")
    assert "export_control" not in {e.type for e in events_of(full, text, "en")}


def test_commerce_as_subject_is_the_us_department_whatever_country_the_sentence_names(full) -> None:  # type: ignore[no-untyped-def]
    # the previous sentence's actor (Beijing) is no longer carried to "Commerce" acting
    text = "Beijing protested the duties on Chinese steel racks on Tuesday. Commerce opened the investigations in April."
    found = [e.actor for e in events_of(full, text, "en", published="2025-08-21") if e.type == "investigation"]
    assert found and found[0] == "us-commerce"
