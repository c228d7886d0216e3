"""#15 extract-0.7.28 (round 28, after holdout26's scoring; fitted): China's police, tax and other enforcement
authorities act for cn-gov, and a country naming a firm's nationality ("U.S. due-diligence firm") does not act.
Sentences written for these tests (none copied from an evaluation split), run through the real extractor with the
event classifier as the pipeline runs it (``full``)."""

from __future__ import annotations

import pytest

from tests.extractors.conftest import events_of, first_actor


@pytest.mark.parametrize(("text", "lang"), [
    ("SHENZHEN, May 9 - Chinese police have raided the Shenzhen office of a British risk-advisory firm, the company "
     "said on Tuesday.", "en"),
    ("TAIPEI, June 2 - Chinese tax authorities have launched inspections at the mainland plants of a Taiwanese "
     "electronics assembler, a newspaper reported.", "en"),
    ("本报台北6月2日电 据报道，税务部门近日对一家台资电子代工企业在江苏的工厂开展税务稽查。", "zh"),
    ("本报广州5月9日电 一家英国风险咨询公司证实，深圳警方日前对其深圳办公室员工进行了问询。", "zh"),
    ("据知情人士透露，国家安全机关近日搜查了一家专家网络公司的多地办公场所，并对两名员工进行问询。", "zh"),
])
def test_china_s_enforcement_authorities_act_for_beijing(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    assert first_actor(full, text, lang, "investigation") == "cn-gov"


@pytest.mark.parametrize(("text", "lang"), [
    ("BEIJING, Aug 3 - The city's statistics bureau has fined U.S. due-diligence firm Acme Insight 2 million yuan, "
     "according to a penalty notice.", "en"),
    ("本报北京8月3日电 美国管理咨询公司艾克米证实，上海警方日前对其上海办公室员工进行了问询。", "zh"),
])
def test_a_firm_s_nationality_does_not_act(full, text, lang) -> None:  # type: ignore[no-untyped-def]
    actors = {e.actor for e in events_of(full, text, lang) if e.type == "investigation"}
    assert actors and "us-gov" not in actors


@pytest.mark.parametrize(("text", "lang", "actor"), [
    # 警方 alone is any country's police: Seoul's arrest stays South Korea's (not Beijing's)
    ("本报首尔9月3日电 首尔警方以涉嫌泄露技术为由，对一名三星前工程师立案调查。", "zh", None),
    # a verb or an article between the country and "the company": the country still acts
    ("Washington blacklisted the company last year and added two of its affiliates this week.", "en", "us-gov"),
])
def test_other_actors_are_unchanged(full, text, lang, actor) -> None:  # type: ignore[no-untyped-def]
    found = {e.actor for e in events_of(full, text, lang) if e.type in ("investigation", "entity_list")}
    assert found and "cn-gov" not in found
    if actor:
        assert actor in found


def test_an_agent_of_china_s_security_ministry_is_not_its_act(full) -> None:  # type: ignore[no-untyped-def]
    text = ("A software engineer in Ohio has been arrested and charged with acting as an agent of China's Ministry of "
            "State Security, the Justice Department said.")
    assert "cn-gov" not in {e.actor for e in events_of(full, text, "en") if e.type == "investigation"}
