"""#15 extract-0.7.3 (end of round 9): general mechanisms found on the errors of holdout7, spent at the
end of round 9 (``sinowatch eval --articles ... --split holdout7 --error-detail``) - a country put back
on a list of trusted export destinations, another agency's "Entity List", players' blacklists, tariffs
a tool "could include", satisfaction surveys, venture firms and undisclosed valuations, a company "set up
this year by High-Flyer". Sentences written for these tests (none copied from an evaluation split), run
through the real rules-only extractor (``extract_one``)."""

from __future__ import annotations

import pytest


def _types(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in ex.events}


@pytest.mark.parametrize(("text", "lang"), [
    ("Tokyo said it would return the Philippines to its list of trusted countries for fast-track exports.", "en"),
    ("Seoul restored Tokyo to its own list of preferred trading partners on Monday.", "en"),
    ("该国已完成相关程序，将邻国重新列入出口管理中的优惠对象国家名单。", "zh"),
])
def test_a_country_put_back_on_a_trusted_list_is_an_eased_control(extract_one, text, lang) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one(text, lang)
    controls = [e for e in ex.events if e.type == "export_control"]
    assert controls and all(e.status in ("reversed", "proposed", "background") for e in controls)
    assert "entity_list" not in _types(ex)


def test_another_agencys_entity_list_is_not_the_entity_list(extract_one) -> None:  # type: ignore[no-untyped-def]
    ex = extract_one("The Department of Homeland Security added the printer maker to its UFLPA Entity List on Friday.", "en")
    assert "entity-list" not in {m.entity for m in ex.mentions}
    zh = extract_one("美国国土安全部将该企业列入所谓“维吾尔强迫劳动预防法实体清单”。", "zh")
    assert "entity-list" not in {m.entity for m in zh.mentions}
    # the Commerce Department's list is still found
    us = extract_one("The Commerce Department added the printer maker to the Entity List on Friday.", "en")
    assert "entity-list" in {m.entity for m in us.mentions}


@pytest.mark.parametrize(("text", "lang", "etype"), [
    ("A gaming league said it had blacklisted 200 player accounts for cheating.", "en", "entity_list"),
    ("Lawyers said the response could include tariffs on the neighbour's farm goods.", "en", "tariff"),
    ("物业公司表示，正在开展满意度调查，将优化登记流程。", "zh", "investigation"),
    ("The start-up has raised money from investors that include well-known venture firms.", "en", "investment"),
    ("分析师指出，该公司至今未披露估值。", "zh", "investment"),
    ("The Hangzhou lab was set up this year by High-Flyer, a quant fund.", "en", "market_move"),
])
def test_words_in_another_sense_round10(extract_one, text, lang, etype) -> None:  # type: ignore[no-untyped-def]
    assert etype not in _types(extract_one(text, lang))


def test_the_senses_that_stay(extract_one) -> None:  # type: ignore[no-untyped-def]
    assert "entity_list" in _types(extract_one("Washington blacklisted the drone maker on Tuesday.", "en"))
    assert "tariff" in _types(extract_one("Beijing imposed tariffs of 25% on the neighbour's farm goods.", "en"))
    assert "market_move" in _types(extract_one("Its shares rose 12% to a record high on Monday.", "en"))
