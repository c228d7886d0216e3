"""#15 extract-0.7.6 (after round 11's scoring): general mechanisms found on the errors of holdout9,
spent at the end of round 11 (``sinowatch eval --articles ... --split holdout9 --error-detail``) -
forced divestments on national-security grounds, countermeasures imposed on named foreign firms and
their suspension, an act dated by its own clause to a month of an earlier year or opened in a later
month, and probes that are devices. Sentences written for these tests (none copied from an evaluation
split), run through the real extractor: rules only (``extract_one``) or with the event classifier as
the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest
from sinowatch.extractors.event_roles import past_date

from sinowatch.records import Document


def _events(extractor, text: str, lang: str, published: str = "2025-03-12", title: str = ""):  # type: ignore[no-untyped-def]
    (ex,) = extractor.extract([Document(id="a", title=title, text=text, lang=lang, published=published)])
    return ex.events


@pytest.mark.parametrize(("text", "lang"), [
    ("President Joe Biden on Friday ordered a Chinese logistics software group to divest a Texas freight-tracking "
     "company it bought two years ago, citing national security.", "en"),
    ("The administration gave the Shenzhen-based buyer 90 days to divest the drone parts maker.", "en"),
    ("美国总统签署行政令，以国家安全为由勒令一家中资企业在120天内剥离其收购的美国传感器公司。", "zh"),
])
def test_a_forced_divestment_is_a_control(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    evs = [e for e in _events(full, text, lang) if e.type == "export_control"]
    assert evs and evs[0].status == "enacted" and evs[0].actor == "us-gov"


@pytest.mark.parametrize("text", [
    "Index providers dropped the stocks from their benchmarks, forcing passive funds to sell.",
    "A court ordered the founders to divest their shares in the bankruptcy settlement.",
])
def test_selling_forced_by_markets_or_courts_is_no_control(extract_one, text) -> None:  # type: ignore[no-untyped-def]
    assert "export_control" not in {e.type for e in extract_one(text, "en").events}


@pytest.mark.parametrize(("text", "lang", "status"), [
    ("China's commerce ministry on Wednesday imposed countermeasures on four U.S. units of a European "
     "shipbuilder, barring Chinese firms from dealing with them.", "en", "enacted"),
    ("商务部今天发布公告，决定对该船企的4家美国子公司采取反制措施，禁止境内组织和个人与其开展有关交易、合作等活动。", "zh", "enacted"),
    ("China's commerce ministry suspended for one year the countermeasures it imposed on the four subsidiaries.", "en", "reversed"),
    ("商务部宣布，暂停实施对该船企4家美国子公司采取的反制措施，为期一年。", "zh", "reversed"),
])
def test_countermeasures_on_named_firms_are_a_listing(full, text, lang, status) -> None:  # type: ignore[no-untyped-def]
    evs = _events(full, text, lang)
    assert {e.type for e in evs} == {"entity_list"}  # the ban on dealings is the listing's consequence
    assert evs[0].status == status and evs[0].actor in ("mofcom", "cn-gov")


def test_an_act_dated_by_its_own_clause_to_an_earlier_year_or_a_later_month() -> None:
    # the trigger's own clause: a month of an earlier year, or opened in a month after the article's
    assert past_date("The probe, opened in July 2023 at the request of local producers, covers three countries.",
                     2024, 7, 20, trigger="probe")
    assert past_date("The bloc completes its investigation, which it opened in December 2023.", 2024, 8, 16,
                     trigger="investigation")
    assert past_date("Brussels opened the anti-subsidy investigation in November after a complaint.", 2024, 6, 1,
                     trigger="anti-subsidy investigation")
    # another clause's date does not date the act; the article's own month is this year's
    assert not past_date("The ministry on Monday imposed duties on the grain, ending a probe that began in "
                         "November 2023.", 2024, 5, 18, trigger="duties")
    assert not past_date("Brussels opened the anti-subsidy investigation in December.", 2024, 12, 19,
                         trigger="anti-subsidy investigation")


def test_device_probes_are_no_investigation(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("A county hospital began lending handheld ultrasound probes to village clinics; each probe "
                     "plugs into a tablet.", "en")
    assert "investigation" not in {e.type for e in ex.events}
    assert "investigation" in {e.type for e in extract_one(
        "Regulators opened a probe into the chipmaker's pricing.", "en").events}


def test_a_country_later_in_an_enumeration_of_origins_does_not_act(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("China's commerce ministry said on Friday it had opened an anti-dumping investigation into "
                     "imports of the resin. Last year the ministry imposed duties on steel from the EU, Japan, South "
                     "Korea and Indonesia.", "en")
    actors = {e.actor for e in ex.events if e.type in ("investigation", "tariff")}
    assert actors == {"mofcom"}  # not jp-gov or kr-gov (places of origin), and "the ministry" is MOFCOM
    # only an enumeration after a preposition is an object; one that heads the sentence may act
    from sinowatch.extractors.event_roles import _enumerated_object

    assert _enumerated_object("hot-rolled plates from the EU, ") and _enumerated_object("imports from Canada, Japan and ")
    assert not _enumerated_object("The United States, ") and not _enumerated_object("Washington and ")


def test_the_ministry_refers_back_to_the_agency_not_the_government(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("BEIJING, May 3 - Beijing has stepped up trade defences. China's commerce ministry said on "
                     "Friday it would review the dispute. A year ago the ministry opened an anti-dumping inquiry "
                     "into the imports.", "en")
    probes = [e for e in ex.events if e.type == "investigation"]
    assert probes and all(e.actor == "mofcom" for e in probes)


def test_a_dated_chinese_act_told_with_zeng_is_background() -> None:
    # "曾" (once, earlier) marks a dated act of an earlier year as the past, as a past-tense verb does
    assert past_date("2020年3月，美国总统曾下令该公司剥离其收购的美国软件企业。", 2025, 6, 10, trigger="下令")
    # the year rule needs a past marker: without one, a year is not enough (a plan "2027年..." is not past)
    assert not past_date("2020年3月，美国总统下令该公司剥离其收购的美国软件企业。", 2025, 6, 10, trigger="下令")
