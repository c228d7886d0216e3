"""Event status, actor and targets (issue #15 items 1 and 2), English and Chinese. Sentences
written for these tests, modelled on wire copy; the issue's own examples are included."""

from __future__ import annotations

import re

import pytest
from sinowatch.extractors.event_roles import event_status, pick_actor, refers_back, valid_actor_hits

from sinowatch.records import Document


def _event(ex, etype):  # type: ignore[no-untyped-def]
    found = [e for e in ex.events if e.type == etype]
    assert found, f"no {etype} event in {[(e.type, e.sentence) for e in ex.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "etype", "status"),
    [
        # the examples
        ("US weighs adding more Inspur units to Entity List", "en", "entity_list", "proposed"),
        ("公司已被列入美国实体清单，目前经营正常。", "zh", "entity_list", "background"),
        # proposed: weighing, drafting, modals, unnamed sources
        ("The Commerce Department is drafting rules that would restrict exports of HBM to China.", "en",
         "export_control", "proposed"),
        ("Washington could add CXMT to the Entity List as soon as next month, two people familiar said.", "en",
         "entity_list", "proposed"),
        ("美方拟进一步限制对华出口先进芯片。", "zh", "export_control", "proposed"),
        ("欧盟考虑对中国产传统芯片加征关税。", "zh", "tariff", "proposed"),
        # enacted
        ("BIS added Biren and Moore Threads to the Entity List on Monday.", "en", "entity_list", "enacted"),
        ("The new export controls on chipmaking tools took effect on Friday.", "en", "export_control", "enacted"),
        ("商务部宣布将多家美国无人机企业列入不可靠实体清单。", "zh", "entity_list", "enacted"),
        ("SAMR opened an antitrust investigation into Nvidia.", "en", "investigation", "enacted"),
        # reversed: easing decisions
        ("The U.S. lifted the export ban on Nvidia's H20 chips to China.", "en", "export_control", "reversed"),
        ("The administration granted Nvidia licences to ship H20 chips to Chinese customers.", "en",
         "export_control", "reversed"),
        ("Commerce removed two Inspur units from the Entity List.", "en", "entity_list", "reversed"),
        ("中方决定暂停实施对美国芯片加征的关税。", "zh", "tariff", "reversed"),
        ("商务部宣布将相关企业移出不可靠实体清单。", "zh", "entity_list", "reversed"),
        # background: a past action as context
        ("Huawei, which was added to the Entity List in 2019, launched a new phone.", "en", "entity_list",
         "background"),
        ("SMIC has been blacklisted since 2020.", "en", "entity_list", "background"),
        ("华为自2019年以来一直受到美国出口管制。", "zh", "export_control", "background"),
    ],
)
def test_status(extract_one, text, lang, etype, status) -> None:  # type: ignore[no-untyped-def]
    assert _event(extract_one(text, lang), etype).status == status


def test_status_takes_a_past_year_from_the_article_date(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Inspur units were placed on the Entity List in 2023 over supercomputing work."
    old, new = extractor.extract([Document(id="a", title="", text=text, lang="en", published="2023-03-02"),
                                  Document(id="b", title="", text=text, lang="en", published="2026-03-02")])
    assert _event(old, "entity_list").status == "enacted"  # news in 2023
    assert _event(new, "entity_list").status == "background"  # context in 2026


def test_a_dated_act_days_before_the_article_is_its_news(extractor) -> None:  # type: ignore[no-untyped-def]
    from sinowatch.extractors.event_roles import past_date

    s = "美国国防部当地时间1月31日更新“中国军事企业”清单，将长江存储等企业列入其中。"
    assert not past_date(s, 2024, 2, 1)  # the day before the article
    assert past_date(s, 2024, 2, 20)  # three weeks before: context
    assert past_date(s, 2024, 2)  # no day known: the month decides, as before
    assert past_date("10月9日，商务部公布了多项出口管制措施。", 2025, 11, 8)
    text = "美国商务部1月31日将长江存储等多家中国企业列入实体清单。"
    (ex,) = extractor.extract([Document(id="a", title="", text=text, lang="zh", published="2024-02-01")])
    assert _event(ex, "entity_list").status == "enacted"


def test_market_moves_are_enacted_or_background() -> None:
    # "dropped" is not a reversal for a share price
    assert event_status("market_move", "Shares of SMIC dropped by the daily limit.", 10, 17) == "enacted"
    assert event_status("market_move", "Inspur shares fell 5% last week.", 14, 18) == "background"


def test_months_and_years_before_the_article_are_background() -> None:
    from sinowatch.extractors.event_roles import past_date

    assert past_date("Washington required licences for the H20 in April.", 2025, 7)
    assert not past_date("Washington required licences for the H20 in April.", 2025, 4)
    assert past_date("今年4月，美方要求H20对华出口必须获得许可证。", 2025, 7)
    assert past_date("10月9日，商务部公布了多项出口管制措施。", 2025, 11)
    assert not past_date("BIS said it may act in May.", 2025, 4)
    assert past_date("The first two phases, launched in 2014 and 2019, invested in SMIC.", 2024, 5)


def test_reported_speech_is_news_not_background(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("China's market regulator said on Monday it had opened an investigation into Nvidia.", "en")
    assert _event(ex, "investigation").status == "enacted"
    ex = extract_one("The U.S. government had required licences for the H20 chip, halting shipments.", "en")
    assert _event(ex, "export_control").status == "background"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("U.S. revokes licences that let Intel and Qualcomm sell chips to Huawei", "enacted"),
        ("Qualcomm's export licence for Huawei was revoked on Tuesday, effective immediately.", "enacted"),
        ("The administration withdrew the waivers that allowed Samsung to ship tools to its China fabs.", "enacted"),
        # lifting the requirement of a licence, or granting one, still eases
        ("The administration granted Nvidia licences to ship H20 chips to Chinese customers.", "reversed"),
        ("Washington revoked the licence requirement on EDA software sales to China.", "reversed"),
    ],
)
def test_revoked_licences_restrict(sentence, status) -> None:  # type: ignore[no-untyped-def]
    m = re.search(r"licen[cs]e|waivers", sentence)
    assert m is not None
    assert event_status("export_control", sentence, m.start(), m.end()) == status


@pytest.mark.parametrize(
    ("sentence", "cue", "status"),
    [
        # an act reported as done stays done, whoever the source
        ("Chinese authorities have issued guidance requiring state-funded data centres to use domestic chips, "
         "two people familiar with the matter said.", "guidance", "enacted"),
        ("Regulators have told Alibaba and ByteDance to halt orders of Nvidia chips, according to people "
         "familiar with the matter.", "halt orders", "enacted"),
        # weighed or unreported as done: the sourcing makes it a proposal
        ("Beijing is drafting guidance that would bar foreign chips from state-funded data centres, two people "
         "familiar with the matter said.", "guidance", "proposed"),
        ("Regulators will tell firms to halt orders of Nvidia chips, people familiar with the matter said.",
         "halt orders", "proposed"),
    ],
)
def test_sourced_news_of_a_done_act_is_enacted(sentence, cue, status) -> None:  # type: ignore[no-untyped-def]
    at = sentence.index(cue)
    assert event_status("policy_plan", sentence, at, at + len(cue)) == status


def test_ending_up_on_a_list_is_not_ending_it() -> None:
    s = "Investors worry that more Chinese chipmakers could end up on the Entity List."
    assert event_status("entity_list", s, s.index("on the Entity"), len(s) - 1) == "proposed"
    s = "Washington ended the probe into the chipmaker's sales."
    assert event_status("investigation", s, s.index("probe"), s.index("probe") + 5) == "reversed"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Cambricon could be added to the Entity List next month.", "added"),
        ("Inspur shares fell after a report that it could be blacklisted.", "blacklisted"),
        ("More Chinese toolmakers may be placed on the Entity List.", "placed"),
    ],
)
def test_a_modal_passive_proposes(sentence, cue) -> None:  # type: ignore[no-untyped-def]
    at = sentence.index(cue)
    assert event_status("entity_list", sentence, at, at + len(cue)) == "proposed"


def test_earlier_this_month_is_news_as_a_month_of_the_article_is() -> None:
    s = "The State Administration for Market Regulation decided earlier this month to terminate the probe."
    assert event_status("investigation", s, s.index("probe"), s.index("probe") + 5) == "reversed"
    s = "SAMR opened an antitrust probe into Nvidia earlier this year."
    assert event_status("investigation", s, s.index("probe"), s.index("probe") + 5) == "background"
    s = "SAMR opened an antitrust probe into Nvidia earlier last month."
    assert event_status("investigation", s, s.index("probe"), s.index("probe") + 5) == "background"


def test_modal_must_govern_the_act(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("BIS issued guidance warning that using Ascend chips could violate U.S. export controls.", "en")
    assert _event(ex, "export_control").status == "enacted"
    ex = extract_one("The Commerce Department could add CXMT to the Entity List.", "en")
    assert _event(ex, "entity_list").status == "proposed"


@pytest.mark.parametrize(
    ("text", "lang", "etype", "actor"),
    [
        ("Washington weighs adding more Inspur units to the Entity List.", "en", "entity_list", "us-gov"),
        ("The White House cleared H200 sales to China.", "en", "export_control", "us-gov"),
        ("Beijing imposed export controls on gallium and germanium.", "en", "export_control", "cn-gov"),
        ("The Dutch government expanded export licence requirements for ASML tools.", "en", "export_control",
         "nl-gov"),
        ("Tokyo added 23 chipmaking items to its export controls.", "en", "export_control", "jp-gov"),
        ("The European Commission weighs duties on Chinese legacy chips.", "en", "tariff", "eu"),
        ("美方拟进一步限制对华出口先进芯片。", "zh", "export_control", "us-gov"),
        ("中方对美国芯片加征关税。", "zh", "tariff", "cn-gov"),
        # a named agency beats its government; prepositions mark places and targets
        ("The administration's Commerce Department added Inspur to the Entity List.", "en", "entity_list",
         "us-commerce"),
        ("Nvidia halted sales to China after the U.S. imposed export controls.", "en", "export_control", "us-gov"),
        ("A Beijing-based chipmaker said the new U.S. export controls hurt sales.", "en", "export_control", "us-gov"),
    ],
)
def test_actor(extract_one, text, lang, etype, actor) -> None:  # type: ignore[no-untyped-def]
    assert _event(extract_one(text, lang), etype).actor == actor


def test_governments_are_actors_never_mentions(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Beijing imposed export controls on gallium. A Beijing startup raised funds.", "en")
    assert not {"cn-gov", "us-gov"} & {r.entity for r in ex.entities}
    assert all("cn-gov" not in e.entities for e in ex.events)


def test_place_uses_are_not_actors() -> None:
    s = "Zhipu is in Beijing and sells to China and against the U.S."
    hits = [(s.index(w), s.index(w) + len(w), gid, "agency") for w, gid in
            (("Beijing", "cn-gov"), ("China", "cn-gov"), ("U.S.", "us-gov"))]
    assert valid_actor_hits(s, hits) == []
    assert pick_actor("对美国出口芯片", [(1, 3, "us-gov", "agency")], 3) is None
    assert pick_actor("被美国列入实体清单", [(1, 3, "us-gov", "agency")], 3) == "us-gov"
    # 反对 is "oppose", not the preposition 对: the opposed government acts
    s = "中方坚决反对美方将中国企业列入实体清单"
    hits = [(0, 2, "cn-gov", "agency"), (6, 8, "us-gov", "agency")]
    assert pick_actor(s, hits, s.index("列入")) == "us-gov"


def test_dateline_place_acts_only_when_no_one_else_is_named(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("SEOUL, Dec 31 - Samsung Electronics and SK Hynix have received export licences from the "
                     "United States to ship chipmaking tools to their factories in China.", "en")
    assert _event(ex, "export_control").actor == "us-gov"  # not the dateline's Seoul
    ex = extract_one("WASHINGTON, May 15 - President Joe Biden on Tuesday raised tariffs on Chinese chips.", "en")
    assert _event(ex, "tariff").actor == "us-gov"  # the dateline is all the sentence names


def test_grantor_of_a_licence_acts() -> None:
    s = "Samsung received licences from the United States to ship tools."
    assert pick_actor(s, [(s.index("the United"), s.index(" to ship"), "us-gov", "agency")], s.index("licences")) == "us-gov"
    s = "Letters from the Bureau of Industry and Security imposed the curbs."
    assert pick_actor(s, [(s.index("the Bureau"), s.index(" imposed"), "bis", "agency")], s.index("curbs")) == "bis"
    s = "Nvidia halted sales to China."
    assert pick_actor(s, [(s.index("China"), s.index("China") + 5, "cn-gov", "agency")], 0) is None


def test_targets_through_coreference_previous_sentence(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Inspur reported record server sales. The U.S. added the company to the Entity List.", "en")
    ev = _event(ex, "entity_list")
    assert ev.actor == "us-gov" and ev.targets == ("inspur",)


def test_headline_government_gives_way_to_the_agency_the_article_names(extractor) -> None:  # type: ignore[no-untyped-def]
    (ex,) = extractor.extract([Document(
        id="h", title="China puts two U.S. drone makers on unreliable entity list", lang="en",
        text="China's commerce ministry said the firms had harmed national security. Washington condemned the move.")])
    head = [e for e in ex.events if e.field == "title" and e.type == "entity_list"]
    assert head and head[0].actor == "mofcom"


def test_background_act_keeps_the_government_carried_to_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("WASHINGTON, Dec 9 - The United States will allow Nvidia to ship H200 chips to approved customers in "
            "China, Trump said. Sales of the H20 were halted by a licence requirement in April. "
            "The Commerce Department is finalising the details.")
    (ex,) = extractor.extract([Document(id="b", title="", text=text, lang="en", published="2025-12-09")])
    earlier = [e for e in ex.events if e.type == "export_control" and e.status == "background"]
    assert earlier and earlier[0].actor == "us-gov"  # the April act is not the Commerce Department's news


def test_explicit_government_in_the_body_stays(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Washington imposed licence requirements on advanced chips. BIS published the rule text.", "en")
    assert _event(ex, "export_control").actor == "us-gov"


def test_country_name_gives_way_to_the_ministry_the_article_names(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("BEIJING, Feb 4 - China announced export controls on tungsten and indium on Tuesday. "
                     "China's commerce ministry said exporters would need licences.", "en")
    assert _event(ex, "export_control").actor == "mofcom"
    ex = extract_one("China has ended its antitrust investigation into Google. SAMR did not comment.", "en")
    assert _event(ex, "investigation").actor == "samr"
    # the U.S. and "Beijing" are named as governments; without a ministry in the article China stays
    ex = extract_one("The United States imposed export controls on HBM. BIS published the rule text.", "en")
    assert _event(ex, "export_control").actor == "us-gov"
    ex = extract_one("Beijing imposed export controls on gallium. China's commerce ministry published the list.", "en")
    assert _event(ex, "export_control").actor == "cn-gov"
    ex = extract_one("China imposed export controls on gallium and germanium.", "en")
    assert _event(ex, "export_control").actor == "cn-gov"


def test_possessive_country_is_not_an_actor(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("The package put Naura, one of China's largest toolmakers, on the Entity List.", "en")
    assert _event(ex, "entity_list").actor == "us-gov"  # from the instrument, not "China's"


def test_targets_and_actor_from_the_headline(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("The group said it would appeal the decision to blacklist it, adding that sales were unaffected.",
                     "en", title="Commerce Department blacklists Sugon")
    body = [e for e in ex.events if e.field == "text" and e.type == "entity_list"]
    assert body and body[0].targets == ("sugon",) and body[0].actor == "us-commerce"


def test_chinese_coreference(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("寒武纪发布新一代芯片。美国商务部随后将该公司列入实体清单。", "zh")
    ev = _event(ex, "entity_list")
    assert ev.actor == "us-commerce" and ev.targets == ("cambricon",)


def test_no_coreference_without_an_anaphor(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Inspur reported record server sales. BIS added 12 entities to the Entity List.", "en")
    assert _event(ex, "entity_list").targets == ()


def test_refers_back() -> None:
    assert refers_back("The company said it would appeal.") and refers_back("该公司表示将申诉。")
    assert not refers_back("Commerce added 12 entities.")


def test_targets_pooled_over_the_article_for_one_act(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("The export controls cover Nvidia's H100 and AMD's MI250 accelerators.", "en",
                     title="U.S. curbs exports of advanced AI chips to China")
    head = [e for e in ex.events if e.field == "title" and e.type == "export_control"]
    assert head and {"nvidia", "nvidia-h100", "amd"} <= set(head[0].targets)


def test_its_shares_refer_to_the_previous_firm(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("Cambricon was added to the Entity List. Its Shanghai-listed shares fell 5% on Friday.", "en")
    assert _event(ex, "market_move").targets == ("cambricon",)


@pytest.mark.parametrize(
    ("text", "lang", "etype", "status", "published"),
    [
        # an announced decision is no proposal; revoking a waiver tightens
        ("BIS said on Friday it would revoke the validated end-user status of Samsung's factories in China.", "en",
         "export_control", "enacted", "2025-08-30"),
        ("美国商务部工业和安全局宣布，将撤销三星电子在华工厂的“经验证最终用户”（VEU）资格。", "zh", "export_control",
         "enacted", "2025-08-30"),
        # a suspension dated by the act it suspends stays a reversal
        ("China's commerce ministry said on Friday it would suspend the rare earth export controls it announced in "
         "October.", "en", "export_control", "reversed", "2025-11-08"),
        # the act in a time clause of another event
        ("The move came weeks after the Netherlands announced plans to restrict exports of chipmaking tools to China.",
         "en", "export_control", "background", "2023-07-01"),
        ("海光信息正在筹划通过换股吸收合并中科曙光。", "zh", "partnership", "proposed", "2025-05-26"),
    ],
)
def test_status_in_articles(extractor, text, lang, etype, status, published) -> None:  # type: ignore[no-untyped-def]
    (ex,) = extractor.extract([Document(id="s", title="", text=text, lang=lang, published=published)])
    assert _event(ex, etype).status == status
